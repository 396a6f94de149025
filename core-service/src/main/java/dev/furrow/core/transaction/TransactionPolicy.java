package dev.furrow.core.transaction;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.DecimalRule;
import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.error.Violations;
import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Which requests to create a transaction are well formed, in the wording of Django REST Framework
 * that partner clients already handle, and what a reused idempotency key answers. Whether the loan
 * can take the transaction is {@link PostingPolicy}'s.
 */
public final class TransactionPolicy {
  public static final int MAX_CUSTOM_FIELD = 10_000;
  public static final int MAX_IDEMPOTENCY_KEY = 255;
  public static final int MAX_FEE_NAME = 100;

  /** What {@code numeric(20, 2)} holds before the point. */
  static final int MAX_WHOLE_DIGITS = DecimalRule.MAX_WHOLE_DIGITS;

  static final String LOAN = "loan";
  static final String TYPE = "type";
  static final String AMOUNT = "amount";
  static final String FEE_NAME = "fee_name";
  static final String FEE_TYPE = "fee_type";
  static final String IDEMPOTENCY_KEY = "idempotency_key";
  static final String CUSTOM_FIELD = "custom_field";

  static final String REQUIRED = "This field is required.";
  static final String NOT_NULL = "This field may not be null.";
  static final String BLANK = "This field may not be blank.";
  static final String NOT_A_NUMBER = DecimalRule.NOT_A_NUMBER;
  static final String FEES_ONLY = "This field applies only to fee transactions.";
  static final String KEY_REUSED = "Idempotency key already used for a different request.";

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Money: at least 0.01, at most two decimal places. */
  static final DecimalRule MONEY = new DecimalRule(2, new BigDecimal("0.01"), null);

  /** A percentage of a balance: more than 0, at most 100, at most four decimal places. */
  static final DecimalRule SHARE =
      new DecimalRule(4, new BigDecimal("0.0001"), BigDecimal.valueOf(100));

  /**
   * Checks a request on its own; every problem is reported at once. A loan that is not a UUID
   * cannot exist, so it gets the message of an unknown one.
   */
  public TransactionRequest validate(TransactionInput input) {
    Violations violations = new Violations();
    UUID loanId = loan(input.loan(), violations);
    TransactionType type = null;
    if (input.type() == null) {
      violations.add(TYPE, REQUIRED);
    } else {
      type = TransactionType.byCode(input.type()).orElse(null);
      violations.check(type == null, TYPE, invalidChoice(input.type()));
    }
    boolean fee = type == TransactionType.FEE;
    boolean notFee = type != null && !fee;

    // The fee type decides the amount's rules, so it is read first and reported in field order.
    DefaultFee.Type feeType = null;
    String feeTypeProblem = null;
    if (input.feeType() != null) {
      if (notFee) {
        feeTypeProblem = FEES_ONLY;
      } else {
        feeType = feeType(input.feeType()).orElse(null);
        feeTypeProblem = feeType == null ? invalidChoice(input.feeType()) : null;
      }
    }

    BigDecimal amount = null;
    if (input.amount() == null) {
      violations.check(notFee, AMOUNT, REQUIRED);
    } else if (notFee) {
      // Amounts are compared and fingerprinted without trailing zeros: 100.00 reads as 100.
      amount = Decimals.percentage(MONEY.read(AMOUNT, input.amount(), violations));
    } else if (feeType != null) {
      amount =
          Decimals.percentage(
              (feeType == DefaultFee.Type.FLAT ? MONEY : SHARE)
                  .read(AMOUNT, input.amount(), violations));
    } else {
      // Without a fee type the amount's limits are unknown; only its syntax can be checked.
      amount = DecimalRule.parse(input.amount());
      violations.check(amount == null, AMOUNT, NOT_A_NUMBER);
    }

    String feeName = null;
    if (input.feeName() == null) {
      violations.check(fee, FEE_NAME, REQUIRED);
    } else if (notFee) {
      violations.add(FEE_NAME, FEES_ONLY);
    } else {
      feeName = text(FEE_NAME, input.feeName(), MAX_FEE_NAME, violations);
    }
    if (feeTypeProblem != null) {
      violations.add(FEE_TYPE, feeTypeProblem);
    }

    String key =
        input.idempotencyKey() == null
            ? missing(IDEMPOTENCY_KEY, violations)
            : text(IDEMPOTENCY_KEY, input.idempotencyKey(), MAX_IDEMPOTENCY_KEY, violations);

    String customField = input.customField();
    violations.check(
        customField != null
            && customField.codePointCount(0, customField.length()) > MAX_CUSTOM_FIELD,
        CUSTOM_FIELD,
        tooLong(MAX_CUSTOM_FIELD));
    violations.throwIfAny();
    return new TransactionRequest(
        loanId, input.loan(), type, amount, feeName, feeType, key, customField);
  }

  /**
   * The answer to a request whose idempotency key the partner used before: the transaction the key
   * created, as it is now, when the request is the same; a conflict when it is not.
   */
  static Transaction replay(Transaction existing, TransactionRequest request) {
    if (!request.fingerprint().equals(existing.fingerprint())) {
      throw new ConflictException(KEY_REUSED);
    }
    return existing;
  }

  /** The field error for a loan that is not the caller's or does not exist. */
  static InvalidInputException loanNotFound(TransactionRequest request) {
    return InvalidInputException.of(LOAN, doesNotExist(request.loanAsSent()));
  }

  @Nullable
  private static UUID loan(@Nullable String raw, Violations violations) {
    if (raw == null) {
      violations.add(LOAN, REQUIRED);
      return null;
    }
    if (raw.isBlank()) {
      // DRF turns an empty related-object value into null before checking it.
      violations.add(LOAN, NOT_NULL);
      return null;
    }
    Optional<UUID> id = parseUuid(raw);
    violations.check(id.isEmpty(), LOAN, doesNotExist(raw));
    return id.orElse(null);
  }

  @Nullable
  private static String text(String field, String raw, int max, Violations violations) {
    String text = raw.strip();
    if (text.isEmpty()) {
      violations.add(field, BLANK);
      return null;
    }
    if (text.codePointCount(0, text.length()) > max) {
      violations.add(field, tooLong(max));
      return null;
    }
    return text;
  }

  @Nullable
  private static <T> T missing(String field, Violations violations) {
    violations.add(field, REQUIRED);
    return null;
  }

  private static Optional<DefaultFee.Type> feeType(String code) {
    for (DefaultFee.Type type : DefaultFee.Type.values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static String invalidChoice(String raw) {
    return "\"" + raw + "\" is not a valid choice.";
  }

  private static String doesNotExist(String raw) {
    return "Invalid pk \"" + raw + "\" - object does not exist.";
  }

  private static String tooLong(int max) {
    return "Ensure this field has no more than " + max + " characters.";
  }

  /** The UUID in canonical form, either case, surrounding spaces ignored. */
  static Optional<UUID> parseUuid(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }
}
