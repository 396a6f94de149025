package dev.furrow.core.product;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Everything a partner configures on a product, checked by {@link ProductPolicy}. Decimals are held
 * in their canonical forms (money with two decimal places, percentages without trailing zeros),
 * whichever way they were typed or stored.
 */
public record ProductTerms(
    ProductType type,
    String name,
    String currency,
    @Nullable BigDecimal maxLoanAmount,
    @Nullable BigDecimal defaultLoanAmount,
    @Nullable BigDecimal maxInterestRate,
    @Nullable BigDecimal defaultInterestRate,
    @Nullable Integer installments,
    @Nullable Integer defaultGraceInstalments,
    @Nullable Integer principalRepaymentGrace,
    List<DefaultFee> defaultFees,
    @Nullable Integer arrearsTolerance,
    @Nullable InterestCalculation interestCalculation,
    @Nullable EarlyRepaymentRecalculation earlyRepaymentRecalculation,
    @Nullable HolidayScheduling repaymentHolidayScheduling,
    boolean calculateInterestOnHolidays,
    @Nullable RepaymentDateType repaymentDateType,
    @Nullable Integer repaymentDatePeriod,
    @Nullable String customField,
    @Nullable Integer statementDay,
    @Nullable Integer repaymentDueDay,
    @Nullable BigDecimal minimumPaymentPercent,
    @Nullable BigDecimal minimumPaymentAmount,
    @Nullable BigDecimal repaymentPerHectare,
    @Nullable Integer billingDueDays) {

  public ProductTerms {
    requireNonNull(type, "type");
    requireNonNull(name, "name");
    requireNonNull(currency, "currency");
    defaultFees = List.copyOf(defaultFees);
    maxLoanAmount = money(maxLoanAmount);
    defaultLoanAmount = money(defaultLoanAmount);
    maxInterestRate = percentage(maxInterestRate);
    defaultInterestRate = percentage(defaultInterestRate);
    minimumPaymentPercent = percentage(minimumPaymentPercent);
    minimumPaymentAmount = money(minimumPaymentAmount);
    repaymentPerHectare = money(repaymentPerHectare);
  }

  /** The same terms with other default fees. */
  ProductTerms withDefaultFees(List<DefaultFee> fees) {
    return new ProductTerms(
        type,
        name,
        currency,
        maxLoanAmount,
        defaultLoanAmount,
        maxInterestRate,
        defaultInterestRate,
        installments,
        defaultGraceInstalments,
        principalRepaymentGrace,
        fees,
        arrearsTolerance,
        interestCalculation,
        earlyRepaymentRecalculation,
        repaymentHolidayScheduling,
        calculateInterestOnHolidays,
        repaymentDateType,
        repaymentDatePeriod,
        customField,
        statementDay,
        repaymentDueDay,
        minimumPaymentPercent,
        minimumPaymentAmount,
        repaymentPerHectare,
        billingDueDays);
  }

  @Nullable
  private static BigDecimal money(@Nullable BigDecimal value) {
    return value == null ? null : Decimals.money(value);
  }

  @Nullable
  private static BigDecimal percentage(@Nullable BigDecimal value) {
    return value == null ? null : Decimals.percentage(value);
  }
}
