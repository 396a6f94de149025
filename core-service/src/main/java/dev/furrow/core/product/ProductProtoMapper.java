package dev.furrow.core.product;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.ListProductsResponse;
import dev.furrow.proto.lending.v1.ProductInputOrBuilder;
import java.math.BigDecimal;
import java.util.function.Consumer;
import javax.annotation.Nullable;

/** Translates between the products protobuf messages and the product domain types. */
final class ProductProtoMapper {
  private ProductProtoMapper() {}

  /** The fields the message carries; every fee list is present, possibly empty. */
  static ProductInput toInput(ProductInputOrBuilder p) {
    ProductInput in = ProductInput.empty();
    if (p.hasType()) {
      in = in.with(ProductField.TYPE, p.getType());
    }
    if (p.hasName()) {
      in = in.with(ProductField.NAME, p.getName());
    }
    if (p.hasCurrency()) {
      in = in.with(ProductField.CURRENCY, p.getCurrency());
    }
    if (p.hasMaxLoanAmount()) {
      in = in.with(ProductField.MAX_LOAN_AMOUNT, p.getMaxLoanAmount());
    }
    if (p.hasDefaultLoanAmount()) {
      in = in.with(ProductField.DEFAULT_LOAN_AMOUNT, p.getDefaultLoanAmount());
    }
    if (p.hasMaxInterestRate()) {
      in = in.with(ProductField.MAX_INTEREST_RATE, p.getMaxInterestRate());
    }
    if (p.hasDefaultInterestRate()) {
      in = in.with(ProductField.DEFAULT_INTEREST_RATE, p.getDefaultInterestRate());
    }
    if (p.hasInstallments()) {
      in = in.with(ProductField.INSTALLMENTS, p.getInstallments());
    }
    if (p.hasDefaultGraceInstalments()) {
      in = in.with(ProductField.DEFAULT_GRACE_INSTALMENTS, p.getDefaultGraceInstalments());
    }
    if (p.hasPrincipalRepaymentGrace()) {
      in = in.with(ProductField.PRINCIPAL_REPAYMENT_GRACE, p.getPrincipalRepaymentGrace());
    }
    in =
        in.with(
            ProductField.DEFAULT_FEES,
            p.getDefaultFeesList().stream()
                .map(
                    f ->
                        new FeeInput(
                            f.hasName() ? f.getName() : null,
                            f.hasType() ? f.getType() : null,
                            f.hasAmount() ? f.getAmount() : null,
                            f.hasEvent() ? f.getEvent() : null))
                .toList());
    if (p.hasArrearsTolerance()) {
      in = in.with(ProductField.ARREARS_TOLERANCE, p.getArrearsTolerance());
    }
    if (p.hasInterestCalculation()) {
      in = in.with(ProductField.INTEREST_CALCULATION, p.getInterestCalculation());
    }
    if (p.hasEarlyRepaymentRecalculation()) {
      in = in.with(ProductField.EARLY_REPAYMENT_RECALCULATION, p.getEarlyRepaymentRecalculation());
    }
    if (p.hasRepaymentHolidayScheduling()) {
      in = in.with(ProductField.REPAYMENT_HOLIDAY_SCHEDULING, p.getRepaymentHolidayScheduling());
    }
    if (p.hasCalculateInterestOnHolidays()) {
      in = in.with(ProductField.CALCULATE_INTEREST_ON_HOLIDAYS, p.getCalculateInterestOnHolidays());
    }
    if (p.hasRepaymentDateType()) {
      in = in.with(ProductField.REPAYMENT_DATE_TYPE, p.getRepaymentDateType());
    }
    if (p.hasRepaymentDatePeriod()) {
      in = in.with(ProductField.REPAYMENT_DATE_PERIOD, p.getRepaymentDatePeriod());
    }
    if (p.hasCustomField()) {
      in = in.with(ProductField.CUSTOM_FIELD, p.getCustomField());
    }
    if (p.hasStatementDay()) {
      in = in.with(ProductField.STATEMENT_DAY, p.getStatementDay());
    }
    if (p.hasRepaymentDueDay()) {
      in = in.with(ProductField.REPAYMENT_DUE_DAY, p.getRepaymentDueDay());
    }
    if (p.hasMinimumPaymentPercent()) {
      in = in.with(ProductField.MINIMUM_PAYMENT_PERCENT, p.getMinimumPaymentPercent());
    }
    if (p.hasMinimumPaymentAmount()) {
      in = in.with(ProductField.MINIMUM_PAYMENT_AMOUNT, p.getMinimumPaymentAmount());
    }
    if (p.hasRepaymentPerHectare()) {
      in = in.with(ProductField.REPAYMENT_PER_HECTARE, p.getRepaymentPerHectare());
    }
    if (p.hasBillingDueDays()) {
      in = in.with(ProductField.BILLING_DUE_DAYS, p.getBillingDueDays());
    }
    return in;
  }

  static dev.furrow.proto.lending.v1.Product toProto(Product product) {
    ProductTerms t = product.terms();
    var out =
        dev.furrow.proto.lending.v1.Product.newBuilder()
            .setId(product.id().toString())
            .setType(t.type().code())
            .setName(t.name())
            .setCurrency(t.currency())
            .setCalculateInterestOnHolidays(t.calculateInterestOnHolidays())
            .setPublished(product.published())
            .setCreated(ProtoTime.toProto(product.created()))
            .setUpdated(ProtoTime.toProto(product.updated()));
    decimal(t.maxLoanAmount(), out::setMaxLoanAmount);
    decimal(t.defaultLoanAmount(), out::setDefaultLoanAmount);
    decimal(t.maxInterestRate(), out::setMaxInterestRate);
    decimal(t.defaultInterestRate(), out::setDefaultInterestRate);
    set(t.installments(), out::setInstallments);
    set(t.defaultGraceInstalments(), out::setDefaultGraceInstalments);
    set(t.principalRepaymentGrace(), out::setPrincipalRepaymentGrace);
    for (DefaultFee fee : t.defaultFees()) {
      out.addDefaultFeesBuilder()
          .setName(fee.name())
          .setType(fee.type().code())
          .setAmount(fee.amount().toPlainString())
          .setEvent(fee.event().code());
    }
    set(t.arrearsTolerance(), out::setArrearsTolerance);
    code(t.interestCalculation(), out::setInterestCalculation);
    code(t.earlyRepaymentRecalculation(), out::setEarlyRepaymentRecalculation);
    code(t.repaymentHolidayScheduling(), out::setRepaymentHolidayScheduling);
    code(t.repaymentDateType(), out::setRepaymentDateType);
    set(t.repaymentDatePeriod(), out::setRepaymentDatePeriod);
    set(t.customField(), out::setCustomField);
    set(t.statementDay(), out::setStatementDay);
    set(t.repaymentDueDay(), out::setRepaymentDueDay);
    decimal(t.minimumPaymentPercent(), out::setMinimumPaymentPercent);
    decimal(t.minimumPaymentAmount(), out::setMinimumPaymentAmount);
    decimal(t.repaymentPerHectare(), out::setRepaymentPerHectare);
    set(t.billingDueDays(), out::setBillingDueDays);
    if (product.publishedAt() != null) {
      out.setPublishedAt(ProtoTime.toProto(product.publishedAt()));
    }
    return out.build();
  }

  static ListProductsResponse toProto(ProductPage page) {
    ListProductsResponse.Builder out = ListProductsResponse.newBuilder();
    out.getPageBuilder().setCount(page.count()).setLimit(page.limit()).setOffset(page.offset());
    page.results().forEach(p -> out.addResults(toProto(p)));
    return out.build();
  }

  private static <T> void set(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** Canonical decimal text: the domain already holds every decimal in its canonical scale. */
  private static void decimal(@Nullable BigDecimal value, Consumer<String> setter) {
    if (value != null) {
      setter.accept(value.toPlainString());
    }
  }

  private static void code(@Nullable Enum<?> value, Consumer<String> setter) {
    if (value != null) {
      setter.accept(Codes.of(value));
    }
  }
}
