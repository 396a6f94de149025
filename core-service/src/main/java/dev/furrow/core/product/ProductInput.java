package dev.furrow.core.product;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Writable product fields exactly as a client sent them, untrimmed and unchecked. A field is absent
 * (not {@link #has}), present with a value, or present and explicitly null (a PATCH naming a field
 * without giving it a value, as a JSON null does).
 */
public final class ProductInput {
  private final Map<ProductField, Object> values;

  private ProductInput(Map<ProductField, Object> values) {
    this.values = values;
  }

  /** An input with no fields present. */
  public static ProductInput empty() {
    return new ProductInput(new EnumMap<>(ProductField.class));
  }

  /**
   * A copy with {@code field} present and set to {@code value}, which must be of the field's {@link
   * ProductField.Kind}, or null for an explicit null.
   */
  public ProductInput with(ProductField field, @Nullable Object value) {
    requireNonNull(field, "field");
    if (value != null && !field.kind().accepts(value)) {
      throw new IllegalArgumentException(
          field.key()
              + ": "
              + value.getClass().getSimpleName()
              + " (expected: "
              + field.kind()
              + ")");
    }
    EnumMap<ProductField, Object> copy = new EnumMap<>(ProductField.class);
    copy.putAll(values);
    copy.put(field, value instanceof List<?> list ? List.copyOf(list) : value);
    return new ProductInput(copy);
  }

  public boolean has(ProductField field) {
    return values.containsKey(field);
  }

  /** The value as sent, or null when the field was absent or explicitly null. */
  @Nullable
  public Object get(ProductField field) {
    return values.get(field);
  }

  /**
   * This input with the given fields taken from {@code patch}: a field the patch lacks becomes
   * explicitly null. Fields not named keep their values here.
   */
  public ProductInput overlay(ProductInput patch, Collection<ProductField> fields) {
    EnumMap<ProductField, Object> copy = new EnumMap<>(ProductField.class);
    copy.putAll(values);
    for (ProductField field : fields) {
      copy.put(field, patch.get(field));
    }
    return new ProductInput(copy);
  }

  /** The stored terms as input in canonical text form, the base a PATCH is laid over. */
  public static ProductInput of(ProductTerms terms) {
    EnumMap<ProductField, Object> v = new EnumMap<>(ProductField.class);
    v.put(ProductField.TYPE, terms.type().code());
    v.put(ProductField.NAME, terms.name());
    v.put(ProductField.CURRENCY, terms.currency());
    v.put(ProductField.MAX_LOAN_AMOUNT, text(terms.maxLoanAmount()));
    v.put(ProductField.DEFAULT_LOAN_AMOUNT, text(terms.defaultLoanAmount()));
    v.put(ProductField.MAX_INTEREST_RATE, text(terms.maxInterestRate()));
    v.put(ProductField.DEFAULT_INTEREST_RATE, text(terms.defaultInterestRate()));
    v.put(ProductField.INSTALLMENTS, terms.installments());
    v.put(ProductField.DEFAULT_GRACE_INSTALMENTS, terms.defaultGraceInstalments());
    v.put(ProductField.PRINCIPAL_REPAYMENT_GRACE, terms.principalRepaymentGrace());
    v.put(ProductField.DEFAULT_FEES, terms.defaultFees().stream().map(FeeInput::of).toList());
    v.put(ProductField.ARREARS_TOLERANCE, terms.arrearsTolerance());
    v.put(ProductField.INTEREST_CALCULATION, code(terms.interestCalculation()));
    v.put(ProductField.EARLY_REPAYMENT_RECALCULATION, code(terms.earlyRepaymentRecalculation()));
    v.put(ProductField.REPAYMENT_HOLIDAY_SCHEDULING, code(terms.repaymentHolidayScheduling()));
    v.put(ProductField.CALCULATE_INTEREST_ON_HOLIDAYS, terms.calculateInterestOnHolidays());
    v.put(ProductField.REPAYMENT_DATE_TYPE, code(terms.repaymentDateType()));
    v.put(ProductField.REPAYMENT_DATE_PERIOD, terms.repaymentDatePeriod());
    v.put(ProductField.CUSTOM_FIELD, terms.customField());
    v.put(ProductField.STATEMENT_DAY, terms.statementDay());
    v.put(ProductField.REPAYMENT_DUE_DAY, terms.repaymentDueDay());
    v.put(ProductField.MINIMUM_PAYMENT_PERCENT, text(terms.minimumPaymentPercent()));
    v.put(ProductField.MINIMUM_PAYMENT_AMOUNT, text(terms.minimumPaymentAmount()));
    v.put(ProductField.REPAYMENT_PER_HECTARE, text(terms.repaymentPerHectare()));
    v.put(ProductField.BILLING_DUE_DAYS, terms.billingDueDays());
    return new ProductInput(v);
  }

  @Nullable
  private static String text(@Nullable BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  @Nullable
  private static String code(@Nullable Enum<?> value) {
    return value == null ? null : Codes.of(value);
  }
}
