package dev.furrow.core.application;

import static dev.furrow.core.application.ApplicationField.AMOUNT;
import static dev.furrow.core.application.ApplicationField.CUSTOM_FIELD;
import static dev.furrow.core.application.ApplicationField.END_USER;
import static dev.furrow.core.application.ApplicationField.INSTALLMENTS;
import static dev.furrow.core.application.ApplicationField.PRODUCT;
import static dev.furrow.core.application.ApplicationField.RATE;

import dev.furrow.core.borrower.EndUserDetails;
import dev.furrow.core.error.DecimalRule;
import dev.furrow.core.error.Violations;
import dev.furrow.core.product.ProductType;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The rules an application's fields must meet: what it refers to (a published product and an end
 * user of the same partner), the amount, rate and installments within the product's limits, and the
 * product's defaults for those left out. Every broken rule is reported at once, at most one per
 * field, in the wording of Django REST Framework; docs/applications.md lists them.
 */
public final class ApplicationPolicy {
  public static final int MAX_CUSTOM_FIELD = 10_000;

  /** Room for any amount in any currency, and what {@code numeric(20, 2)} holds. */
  public static final int MAX_WHOLE_DIGITS = DecimalRule.MAX_WHOLE_DIGITS;

  static final String REQUIRED = "This field is required.";
  static final String NOT_NULL = "This field may not be null.";
  static final String NOT_A_NUMBER = DecimalRule.NOT_A_NUMBER;
  static final String NOT_PUBLISHED = "Product is not published.";
  static final String END_USER_FIXED = "The end user of an application cannot be changed.";
  static final String TERM_LOANS_ONLY = "This field applies only to term loans.";

  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Money: at least 0.01, at most two decimal places. */
  private static final DecimalRule MONEY = new DecimalRule(2, new BigDecimal("0.01"), null);

  /** An annual interest rate in percent: 0 to 100, at most four decimal places. */
  private static final DecimalRule PERCENT =
      new DecimalRule(4, BigDecimal.ZERO, BigDecimal.valueOf(100));

  /** What an application may refer to, looked up within the calling partner only. */
  public interface References {
    /** The partner's product with this id, published or not; empty for another partner's. */
    Optional<ProductLimits> product(UUID id);

    /** The partner's end user with this id; empty for another partner's. */
    Optional<EndUserDetails> endUser(UUID id);
  }

  /**
   * Checks a create ({@code fixedEndUser} null) or a full replace or PATCH already laid over the
   * stored application ({@code fixedEndUser} the stored end user, which must not change). Amount,
   * installments and rate left out take the product's defaults.
   */
  public ApplicationTerms validate(
      ApplicationInput input, References references, @Nullable UUID fixedEndUser) {
    Violations violations = new Violations();
    ProductLimits product = product(input, references, violations);
    UUID endUser =
        fixedEndUser == null
            ? endUser(input, references, violations)
            : sameEndUser(input, fixedEndUser, violations);
    BigDecimal amount =
        decimal(
            input,
            AMOUNT,
            MONEY,
            product,
            product == null ? null : product.defaultLoanAmount(),
            violations);
    if (product != null) {
      atMost(violations, AMOUNT, amount, "max_loan_amount", product.maxLoanAmount());
    }
    Integer installments = installments(input, product, violations);
    BigDecimal rate =
        decimal(
            input,
            RATE,
            PERCENT,
            product,
            product == null ? null : product.defaultInterestRate(),
            violations);
    if (product != null) {
      atMost(violations, RATE, rate, "max_interest_rate", product.maxInterestRate());
    }
    String customField = customField(input, violations);
    violations.throwIfAny();
    return new ApplicationTerms(product.id(), endUser, amount, installments, rate, customField);
  }

  /** A published product of the partner, or null (reported). */
  @Nullable
  private static ProductLimits product(
      ApplicationInput input, References references, Violations violations) {
    String raw = reference(input, PRODUCT, violations);
    if (raw == null) {
      return null;
    }
    Optional<ProductLimits> product = parseId(raw).flatMap(references::product);
    if (product.isEmpty()) {
      violations.add(PRODUCT.key(), doesNotExist(raw));
      return null;
    }
    if (!product.get().published()) {
      violations.add(PRODUCT.key(), NOT_PUBLISHED);
      return null;
    }
    return product.get();
  }

  @Nullable
  private static UUID endUser(
      ApplicationInput input, References references, Violations violations) {
    String raw = reference(input, END_USER, violations);
    if (raw == null) {
      return null;
    }
    Optional<UUID> id = parseId(raw).filter(uuid -> references.endUser(uuid).isPresent());
    if (id.isEmpty()) {
      violations.add(END_USER.key(), doesNotExist(raw));
    }
    return id.orElse(null);
  }

  /** The stored end user, provided the input names it again. */
  @Nullable
  private static UUID sameEndUser(ApplicationInput input, UUID stored, Violations violations) {
    String raw = reference(input, END_USER, violations);
    if (raw == null) {
      return null;
    }
    if (!parseId(raw).map(stored::equals).orElse(false)) {
      violations.add(END_USER.key(), END_USER_FIXED);
      return null;
    }
    return stored;
  }

  /**
   * The id text of a required reference, or null (reported). As DRF's related fields do, a blank
   * value counts as null.
   */
  @Nullable
  private static String reference(
      ApplicationInput input, ApplicationField field, Violations violations) {
    if (!input.has(field)) {
      violations.add(field.key(), REQUIRED);
      return null;
    }
    String raw = (String) input.get(field);
    if (raw == null || raw.isBlank()) {
      violations.add(field.key(), NOT_NULL);
      return null;
    }
    return raw;
  }

  /**
   * A decimal field: its value, or when absent the product's default. Without a usable product the
   * default is unknown, so only a value that was sent is checked.
   */
  @Nullable
  private static BigDecimal decimal(
      ApplicationInput input,
      ApplicationField field,
      DecimalRule rule,
      @Nullable ProductLimits product,
      @Nullable BigDecimal productDefault,
      Violations violations) {
    if (!input.has(field)) {
      if (product != null && productDefault == null) {
        violations.add(field.key(), REQUIRED);
      }
      return productDefault;
    }
    String raw = (String) input.get(field);
    if (raw == null) {
      violations.add(field.key(), NOT_NULL);
      return null;
    }
    return rule.read(field.key(), raw, violations);
  }

  /** Term loans take installments (at least 1, else the product's); other types take none. */
  @Nullable
  private static Integer installments(
      ApplicationInput input, @Nullable ProductLimits product, Violations violations) {
    Integer value = (Integer) input.get(INSTALLMENTS);
    if (product != null && product.type() != ProductType.TERM_LOAN) {
      violations.check(value != null, INSTALLMENTS.key(), TERM_LOANS_ONLY);
      return null;
    }
    if (!input.has(INSTALLMENTS)) {
      if (product != null && product.installments() == null) {
        violations.add(INSTALLMENTS.key(), REQUIRED);
      }
      return product == null ? null : product.installments();
    }
    if (value == null) {
      violations.add(INSTALLMENTS.key(), NOT_NULL);
      return null;
    }
    if (value < 1) {
      violations.add(INSTALLMENTS.key(), "Ensure this value is greater than or equal to 1.");
      return null;
    }
    return value;
  }

  /** The partner's own text, kept exactly as given (not even trimmed). */
  @Nullable
  private static String customField(ApplicationInput input, Violations violations) {
    String raw = (String) input.get(CUSTOM_FIELD);
    if (raw != null && raw.codePointCount(0, raw.length()) > MAX_CUSTOM_FIELD) {
      violations.add(
          CUSTOM_FIELD.key(),
          "Ensure this field has no more than " + MAX_CUSTOM_FIELD + " characters.");
      return null;
    }
    return raw;
  }

  /** The application may not ask for more than its product allows. */
  private static void atMost(
      Violations violations,
      ApplicationField field,
      @Nullable BigDecimal value,
      String limitName,
      @Nullable BigDecimal limit) {
    if (value != null && limit != null && value.compareTo(limit) > 0) {
      violations.add(
          field.key(),
          "Ensure this value is less than or equal to the product's "
              + limitName
              + " ("
              + limit.toPlainString()
              + ").");
    }
  }

  /** DRF's PrimaryKeyRelatedField message, with the value as sent. */
  static String doesNotExist(String raw) {
    return "Invalid pk \"" + raw + "\" - object does not exist.";
  }

  /**
   * The UUID in canonical form, either case, surrounding spaces ignored. {@link UUID#fromString}
   * alone also takes shortened groups such as "1-2-3-4-5", which would name another id.
   */
  static Optional<UUID> parseId(String raw) {
    String text = raw.strip();
    return CANONICAL_UUID.matcher(text).matches()
        ? Optional.of(UUID.fromString(text))
        : Optional.empty();
  }
}
