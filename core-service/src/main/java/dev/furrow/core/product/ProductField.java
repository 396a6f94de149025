package dev.furrow.core.product;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The writable fields of a product under the names the partner lending API uses, with the kind of
 * value each takes and, for type-specific fields, the one product type it applies to.
 */
public enum ProductField {
  TYPE("type", Kind.TEXT, null),
  NAME("name", Kind.TEXT, null),
  CURRENCY("currency", Kind.TEXT, null),
  MAX_LOAN_AMOUNT("max_loan_amount", Kind.TEXT, null),
  DEFAULT_LOAN_AMOUNT("default_loan_amount", Kind.TEXT, null),
  MAX_INTEREST_RATE("max_interest_rate", Kind.TEXT, null),
  DEFAULT_INTEREST_RATE("default_interest_rate", Kind.TEXT, null),
  INSTALLMENTS("installments", Kind.INTEGER, ProductType.TERM_LOAN),
  DEFAULT_GRACE_INSTALMENTS("default_grace_instalments", Kind.INTEGER, ProductType.TERM_LOAN),
  PRINCIPAL_REPAYMENT_GRACE("principal_repayment_grace", Kind.INTEGER, ProductType.TERM_LOAN),
  DEFAULT_FEES("default_fees", Kind.FEES, null),
  ARREARS_TOLERANCE("arrears_tolerance", Kind.INTEGER, null),
  INTEREST_CALCULATION("interest_calculation", Kind.TEXT, ProductType.TERM_LOAN),
  EARLY_REPAYMENT_RECALCULATION("early_repayment_recalculation", Kind.TEXT, ProductType.TERM_LOAN),
  REPAYMENT_HOLIDAY_SCHEDULING("repayment_holiday_scheduling", Kind.TEXT, null),
  CALCULATE_INTEREST_ON_HOLIDAYS("calculate_interest_on_holidays", Kind.BOOLEAN, null),
  REPAYMENT_DATE_TYPE("repayment_date_type", Kind.TEXT, null),
  REPAYMENT_DATE_PERIOD("repayment_date_period", Kind.INTEGER, null),
  CUSTOM_FIELD("custom_field", Kind.TEXT, null),
  STATEMENT_DAY("statement_day", Kind.INTEGER, ProductType.REVOLVING_CREDIT),
  REPAYMENT_DUE_DAY("repayment_due_day", Kind.INTEGER, ProductType.REVOLVING_CREDIT),
  MINIMUM_PAYMENT_PERCENT("minimum_payment_percent", Kind.TEXT, ProductType.REVOLVING_CREDIT),
  MINIMUM_PAYMENT_AMOUNT("minimum_payment_amount", Kind.TEXT, ProductType.REVOLVING_CREDIT),
  REPAYMENT_PER_HECTARE("repayment_per_hectare", Kind.TEXT, ProductType.PAY_AS_YOU_GO),
  BILLING_DUE_DAYS("billing_due_days", Kind.INTEGER, ProductType.PAY_AS_YOU_GO);

  /** The Java type a field's raw value has in a {@link ProductInput}. */
  public enum Kind {
    /** {@link String}: text, decimal text and choice codes. */
    TEXT(String.class),
    INTEGER(Integer.class),
    BOOLEAN(Boolean.class),
    /** A {@link java.util.List} of {@link FeeInput}. */
    FEES(java.util.List.class);

    private final Class<?> javaType;

    Kind(Class<?> javaType) {
      this.javaType = javaType;
    }

    boolean accepts(Object value) {
      return javaType.isInstance(value);
    }
  }

  private static final Map<String, ProductField> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toMap(ProductField::key, Function.identity()));

  private final String key;
  private final Kind kind;
  @Nullable private final ProductType onlyFor;

  ProductField(String key, Kind kind, @Nullable ProductType onlyFor) {
    this.key = key;
    this.kind = kind;
    this.onlyFor = onlyFor;
  }

  /** The snake_case name in requests, responses and field violations. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The only product type this field may be set on, or null when it applies to every type. */
  @Nullable
  public ProductType onlyFor() {
    return onlyFor;
  }

  /** The field with this API name, or empty for read-only and unknown names. */
  public static Optional<ProductField> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
