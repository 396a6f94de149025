package dev.furrow.core.product;

import static dev.furrow.core.product.ProductField.ARREARS_TOLERANCE;
import static dev.furrow.core.product.ProductField.BILLING_DUE_DAYS;
import static dev.furrow.core.product.ProductField.CALCULATE_INTEREST_ON_HOLIDAYS;
import static dev.furrow.core.product.ProductField.CURRENCY;
import static dev.furrow.core.product.ProductField.CUSTOM_FIELD;
import static dev.furrow.core.product.ProductField.DEFAULT_FEES;
import static dev.furrow.core.product.ProductField.DEFAULT_GRACE_INSTALMENTS;
import static dev.furrow.core.product.ProductField.DEFAULT_INTEREST_RATE;
import static dev.furrow.core.product.ProductField.DEFAULT_LOAN_AMOUNT;
import static dev.furrow.core.product.ProductField.EARLY_REPAYMENT_RECALCULATION;
import static dev.furrow.core.product.ProductField.INSTALLMENTS;
import static dev.furrow.core.product.ProductField.INTEREST_CALCULATION;
import static dev.furrow.core.product.ProductField.MAX_INTEREST_RATE;
import static dev.furrow.core.product.ProductField.MAX_LOAN_AMOUNT;
import static dev.furrow.core.product.ProductField.MINIMUM_PAYMENT_AMOUNT;
import static dev.furrow.core.product.ProductField.MINIMUM_PAYMENT_PERCENT;
import static dev.furrow.core.product.ProductField.NAME;
import static dev.furrow.core.product.ProductField.PRINCIPAL_REPAYMENT_GRACE;
import static dev.furrow.core.product.ProductField.REPAYMENT_DATE_PERIOD;
import static dev.furrow.core.product.ProductField.REPAYMENT_DATE_TYPE;
import static dev.furrow.core.product.ProductField.REPAYMENT_DUE_DAY;
import static dev.furrow.core.product.ProductField.REPAYMENT_HOLIDAY_SCHEDULING;
import static dev.furrow.core.product.ProductField.REPAYMENT_PER_HECTARE;
import static dev.furrow.core.product.ProductField.STATEMENT_DAY;
import static dev.furrow.core.product.ProductField.TYPE;

import dev.furrow.core.error.DecimalRule;
import dev.furrow.core.error.Violations;
import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The rules a product's configuration must meet. Every broken rule is reported at once, in the
 * wording of Django REST Framework that partner clients already handle; docs/products.md lists
 * them.
 */
public final class ProductPolicy {
  /** Used when a product names no currency: the reference API has no currency field. */
  public static final String DEFAULT_CURRENCY = "NGN";

  public static final int MAX_NAME = 200;
  public static final int MAX_FEE_NAME = 100;
  public static final int MAX_FEES = 50;
  public static final int MAX_CUSTOM_FIELD = 10_000;

  /** Room for any amount in any currency, and what {@code numeric(20, 2)} holds. */
  public static final int MAX_WHOLE_DIGITS = DecimalRule.MAX_WHOLE_DIGITS;

  public static final int MAX_DAY_OF_MONTH = 31;

  /** Statement and due days stop at 28 so that they exist in every month. */
  public static final int MAX_STATEMENT_DAY = 28;

  public static final int MAX_BILLING_DUE_DAYS = 90;

  static final String REQUIRED = "This field is required.";
  static final String NOT_NULL = "This field may not be null.";
  static final String BLANK = "This field may not be blank.";
  static final String NOT_A_NUMBER = DecimalRule.NOT_A_NUMBER;
  static final String DUPLICATE_FEE_NAME = "Fee names must be unique within a product.";
  static final String PERIOD_REQUIRED =
      "This field is required when repayment_date_type is day_of_month.";
  static final String PERIOD_NOT_APPLICABLE =
      "This field applies only when repayment_date_type is day_of_month.";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Money: more than zero, at most two decimal places. */
  private static final ProductDecimal AMOUNT =
      new ProductDecimal(new DecimalRule(2, new BigDecimal("0.01"), null), true);

  /** An interest rate in percent: 0 to 100, at most four decimal places. */
  private static final ProductDecimal RATE =
      new ProductDecimal(new DecimalRule(4, BigDecimal.ZERO, HUNDRED), false);

  /** A share of a balance in percent: more than 0, at most 100, at most four decimal places. */
  private static final ProductDecimal SHARE =
      new ProductDecimal(new DecimalRule(4, new BigDecimal("0.0001"), HUNDRED), false);

  private static final Map<ProductType, List<ProductField>> REQUIRED_BY_TYPE =
      Map.of(
          ProductType.TERM_LOAN,
          List.of(INSTALLMENTS, INTEREST_CALCULATION, EARLY_REPAYMENT_RECALCULATION),
          ProductType.REVOLVING_CREDIT,
          List.of(STATEMENT_DAY, REPAYMENT_DUE_DAY, MINIMUM_PAYMENT_PERCENT),
          ProductType.PAY_AS_YOU_GO,
          List.of(REPAYMENT_PER_HECTARE, BILLING_DUE_DAYS));

  /** ISO 4217 codes of real currencies (not precious metals or the "no currency" code). */
  private static final Set<String> CURRENCIES =
      Currency.getAvailableCurrencies().stream()
          .filter(c -> c.getDefaultFractionDigits() >= 0)
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Checks a whole configuration: a create, a full replace, or a PATCH already laid over the stored
   * product. Absent optional fields end up null, or at their defaults ({@value #DEFAULT_CURRENCY},
   * no interest on holidays, no fees).
   */
  public ProductTerms validate(ProductInput input) {
    Violations violations = new Violations();
    Reader in = new Reader(input, violations);

    ProductType type = in.choice(TYPE, ProductType.class, true);
    in.type = type;
    String name = in.name();
    String currency = in.currency();
    BigDecimal maxLoanAmount = in.decimal(MAX_LOAN_AMOUNT, AMOUNT);
    BigDecimal defaultLoanAmount = in.decimal(DEFAULT_LOAN_AMOUNT, AMOUNT);
    BigDecimal maxInterestRate = in.decimal(MAX_INTEREST_RATE, RATE);
    BigDecimal defaultInterestRate = in.decimal(DEFAULT_INTEREST_RATE, RATE);
    Integer installments = in.integer(INSTALLMENTS, 1, null);
    Integer graceInstalments = in.integer(DEFAULT_GRACE_INSTALMENTS, 0, null);
    Integer principalGrace = in.integer(PRINCIPAL_REPAYMENT_GRACE, 0, null);
    List<DefaultFee> fees = in.fees();
    Integer arrearsTolerance = in.integer(ARREARS_TOLERANCE, 0, null);
    InterestCalculation interestCalculation =
        in.choice(INTEREST_CALCULATION, InterestCalculation.class, false);
    EarlyRepaymentRecalculation earlyRepayment =
        in.choice(EARLY_REPAYMENT_RECALCULATION, EarlyRepaymentRecalculation.class, false);
    HolidayScheduling holidayScheduling =
        in.choice(REPAYMENT_HOLIDAY_SCHEDULING, HolidayScheduling.class, false);
    Boolean interestOnHolidays = (Boolean) input.get(CALCULATE_INTEREST_ON_HOLIDAYS);
    RepaymentDateType dateType = in.choice(REPAYMENT_DATE_TYPE, RepaymentDateType.class, false);
    Integer datePeriod = in.integer(REPAYMENT_DATE_PERIOD, 1, MAX_DAY_OF_MONTH);
    String customField = in.customField();
    Integer statementDay = in.integer(STATEMENT_DAY, 1, MAX_STATEMENT_DAY);
    Integer repaymentDueDay = in.integer(REPAYMENT_DUE_DAY, 1, MAX_STATEMENT_DAY);
    BigDecimal minimumPaymentPercent = in.decimal(MINIMUM_PAYMENT_PERCENT, SHARE);
    BigDecimal minimumPaymentAmount = in.decimal(MINIMUM_PAYMENT_AMOUNT, AMOUNT);
    BigDecimal repaymentPerHectare = in.decimal(REPAYMENT_PER_HECTARE, AMOUNT);
    Integer billingDueDays = in.integer(BILLING_DUE_DAYS, 0, MAX_BILLING_DUE_DAYS);

    if (type != null) {
      for (ProductField field : REQUIRED_BY_TYPE.get(type)) {
        violations.check(
            input.get(field) == null,
            field.key(),
            "This field is required for " + type.plural() + ".");
      }
    }
    atMost(violations, DEFAULT_LOAN_AMOUNT, defaultLoanAmount, MAX_LOAN_AMOUNT, maxLoanAmount);
    atMost(
        violations, DEFAULT_INTEREST_RATE, defaultInterestRate, MAX_INTEREST_RATE, maxInterestRate);
    below(violations, DEFAULT_GRACE_INSTALMENTS, graceInstalments, installments);
    below(violations, PRINCIPAL_REPAYMENT_GRACE, principalGrace, installments);
    boolean dateTypeUnusable = dateType == null && input.get(REPAYMENT_DATE_TYPE) != null;
    if (dateType == RepaymentDateType.DAY_OF_MONTH) {
      violations.check(
          input.get(REPAYMENT_DATE_PERIOD) == null, REPAYMENT_DATE_PERIOD.key(), PERIOD_REQUIRED);
    } else if (!dateTypeUnusable) {
      violations.check(datePeriod != null, REPAYMENT_DATE_PERIOD.key(), PERIOD_NOT_APPLICABLE);
    }
    violations.throwIfAny();

    return new ProductTerms(
        type,
        name,
        currency,
        maxLoanAmount,
        defaultLoanAmount,
        maxInterestRate,
        defaultInterestRate,
        installments,
        graceInstalments,
        principalGrace,
        fees,
        arrearsTolerance,
        interestCalculation,
        earlyRepayment,
        holidayScheduling,
        interestOnHolidays != null && interestOnHolidays,
        dateType,
        datePeriod,
        customField,
        statementDay,
        repaymentDueDay,
        minimumPaymentPercent,
        minimumPaymentAmount,
        repaymentPerHectare,
        billingDueDays);
  }

  /** A default may not exceed its ceiling: default_loan_amount <= max_loan_amount. */
  private static void atMost(
      Violations violations,
      ProductField field,
      @Nullable BigDecimal value,
      ProductField ceilingField,
      @Nullable BigDecimal ceiling) {
    if (value != null && ceiling != null && value.compareTo(ceiling) > 0) {
      violations.add(
          field.key(),
          "Ensure this value is less than or equal to "
              + ceilingField.key()
              + " ("
              + ceiling.toPlainString()
              + ").");
    }
  }

  /** Grace can cover some instalments but never all of them. */
  private static void below(
      Violations violations,
      ProductField field,
      @Nullable Integer value,
      @Nullable Integer installments) {
    if (value != null && installments != null && value >= installments) {
      violations.add(
          field.key(),
          "Ensure this value is less than " + INSTALLMENTS.key() + " (" + installments + ").");
    }
  }

  /** How a decimal field is checked and which canonical form it takes. */
  /** A decimal field's rule and whether its value is money (two decimals) or a rate. */
  private record ProductDecimal(DecimalRule rule, boolean money) {}

  /** Reads and checks one field at a time, recording what is wrong; null means unusable. */
  private static final class Reader {
    private final ProductInput input;
    private final Violations violations;
    @Nullable private ProductType type;

    Reader(ProductInput input, Violations violations) {
      this.input = input;
      this.violations = violations;
    }

    /**
     * Whether a present field may be read: a type-specific field set on another type is refused
     * outright rather than also checked for its value.
     */
    private boolean applies(ProductField field) {
      ProductType onlyFor = field.onlyFor();
      if (onlyFor == null || type == null || type == onlyFor || input.get(field) == null) {
        return true;
      }
      violations.add(field.key(), "This field applies only to " + onlyFor.plural() + ".");
      return false;
    }

    @Nullable
    <E extends Enum<E>> E choice(ProductField field, Class<E> choices, boolean required) {
      if (required && !present(field)) {
        return null;
      }
      if (!applies(field)) {
        return null;
      }
      return choice(field.key(), (String) input.get(field), choices);
    }

    @Nullable
    <E extends Enum<E>> E choice(String field, @Nullable String raw, Class<E> choices) {
      if (raw == null) {
        return null;
      }
      Optional<E> choice = Codes.parse(choices, raw);
      if (choice.isEmpty()) {
        violations.add(field, "\"" + raw + "\" is not a valid choice.");
      }
      return choice.orElse(null);
    }

    /** Records "required" or "may not be null" for a required field that has no value. */
    private boolean present(ProductField field) {
      if (!input.has(field)) {
        violations.add(field.key(), REQUIRED);
        return false;
      }
      if (input.get(field) == null) {
        violations.add(field.key(), NOT_NULL);
        return false;
      }
      return true;
    }

    @Nullable
    String name() {
      return present(NAME) ? text(NAME.key(), (String) input.get(NAME), MAX_NAME) : null;
    }

    /** Trimmed text that is not blank and not too long, as DRF's CharField takes it. */
    @Nullable
    String text(String field, String raw, int maxLength) {
      String text = raw.strip();
      if (text.isEmpty()) {
        violations.add(field, BLANK);
        return null;
      }
      if (text.codePointCount(0, text.length()) > maxLength) {
        violations.add(field, tooLong(maxLength));
        return null;
      }
      return text;
    }

    /** Upper-cased ISO 4217 code; absent or null means the default. */
    @Nullable
    String currency() {
      String raw = (String) input.get(CURRENCY);
      if (raw == null) {
        return DEFAULT_CURRENCY;
      }
      String code = raw.strip().toUpperCase(Locale.ROOT);
      if (!CURRENCIES.contains(code)) {
        violations.add(CURRENCY.key(), "\"" + raw + "\" is not a valid choice.");
        return null;
      }
      return code;
    }

    /** The partner's own text, kept exactly as given (not even trimmed). */
    @Nullable
    String customField() {
      String raw = (String) input.get(CUSTOM_FIELD);
      if (raw != null && raw.codePointCount(0, raw.length()) > MAX_CUSTOM_FIELD) {
        violations.add(CUSTOM_FIELD.key(), tooLong(MAX_CUSTOM_FIELD));
        return null;
      }
      return raw;
    }

    @Nullable
    Integer integer(ProductField field, int min, @Nullable Integer max) {
      if (!applies(field)) {
        return null;
      }
      Integer value = (Integer) input.get(field);
      if (value == null) {
        return null;
      }
      if (value < min) {
        violations.add(field.key(), "Ensure this value is greater than or equal to " + min + ".");
        return null;
      }
      if (max != null && value > max) {
        violations.add(field.key(), "Ensure this value is less than or equal to " + max + ".");
        return null;
      }
      return value;
    }

    @Nullable
    BigDecimal decimal(ProductField field, ProductDecimal rule) {
      if (!applies(field)) {
        return null;
      }
      return decimal(field.key(), (String) input.get(field), rule);
    }

    @Nullable
    BigDecimal decimal(String field, @Nullable String raw, ProductDecimal decimal) {
      if (raw == null) {
        return null;
      }
      BigDecimal value = decimal.rule().read(field, raw, violations);
      if (value == null) {
        return null;
      }
      return decimal.money() ? Decimals.money(value) : Decimals.percentage(value);
    }

    @SuppressWarnings("unchecked")
    List<DefaultFee> fees() {
      List<FeeInput> raw = (List<FeeInput>) input.get(DEFAULT_FEES);
      if (raw == null || raw.isEmpty()) {
        return List.of();
      }
      if (raw.size() > MAX_FEES) {
        violations.add(
            DEFAULT_FEES.key(), "Ensure this field has no more than " + MAX_FEES + " elements.");
        return List.of();
      }
      Set<String> names = new HashSet<>();
      List<DefaultFee> fees = new ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        DefaultFee fee = fee(DEFAULT_FEES.key() + "[" + i + "].", raw.get(i), names);
        if (fee != null) {
          fees.add(fee);
        }
      }
      return fees;
    }

    @Nullable
    private DefaultFee fee(String prefix, FeeInput raw, Set<String> names) {
      String name =
          raw.name() == null
              ? missing(prefix + "name")
              : text(prefix + "name", raw.name(), MAX_FEE_NAME);
      if (name != null && !names.add(name.toLowerCase(Locale.ROOT))) {
        violations.add(prefix + "name", DUPLICATE_FEE_NAME);
        name = null;
      }
      DefaultFee.Type type =
          raw.type() == null
              ? missing(prefix + "type")
              : choice(prefix + "type", raw.type(), DefaultFee.Type.class);
      DefaultFee.Event event =
          raw.event() == null
              ? missing(prefix + "event")
              : choice(prefix + "event", raw.event(), DefaultFee.Event.class);
      BigDecimal amount;
      if (raw.amount() == null) {
        amount = missing(prefix + "amount");
      } else if (type == null) {
        // Without a valid type the amount's limits are unknown; only its syntax can be checked.
        amount = DecimalRule.parse(raw.amount());
        violations.check(amount == null, prefix + "amount", NOT_A_NUMBER);
      } else {
        amount =
            decimal(prefix + "amount", raw.amount(), type == DefaultFee.Type.FLAT ? AMOUNT : SHARE);
      }
      if (name == null || type == null || event == null || amount == null) {
        return null;
      }
      return new DefaultFee(name, type, amount, event);
    }

    @Nullable
    private <T> T missing(String field) {
      violations.add(field, REQUIRED);
      return null;
    }
  }

  private static String tooLong(int maxLength) {
    return "Ensure this field has no more than " + maxLength + " characters.";
  }
}
