package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.DecimalRule;
import dev.furrow.core.error.Violations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.annotation.Nullable;

/**
 * Which payment reports are well formed, per field and in Django REST Framework's wording: the
 * payer's name, a positive amount in cents, the partner's reference, and two ISO 8601 times with an
 * offset, completion not before initiation and neither in the future (beyond {@link #CLOCK_SKEW}).
 */
public final class PaymentPolicy {
  public static final int MAX_CUSTOMER_NAME = 200;
  public static final int MAX_TRANSACTION_CODE = 128;
  public static final int MAX_REFERENCE = 128;

  /** How far ahead of the core's clock a partner's clock may run. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  static final String CUSTOMER_NAME = "customer_name";
  static final String AMOUNT_PAID = "amount_paid";
  static final String TRANSACTION_CODE = "transaction_code";
  static final String INITIATED_AT = "initiated_at";
  static final String COMPLETED_AT = "completed_at";
  static final String LOAN_ID = "loan_id";
  static final String INVOICE_NUMBER = "invoice_number";

  static final String REQUIRED = "This field is required.";
  static final String BLANK = "This field may not be blank.";
  static final String DATETIME_FORMAT =
      "Datetime has wrong format. Use one of these formats instead:"
          + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";
  static final String IN_THE_FUTURE = "Must not be in the future.";
  static final String BEFORE_INITIATED = "Must not be earlier than initiated_at.";

  /** Money paid: at least 0.01, at most two decimal places. */
  static final DecimalRule MONEY = new DecimalRule(2, new BigDecimal("0.01"), null);

  private final Clock clock;

  public PaymentPolicy(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /** Checks a report; every problem is reported at once. */
  public ReportedPayment validate(PaymentInput input) {
    Violations violations = new Violations();
    String customerName = text(CUSTOMER_NAME, input.customerName(), MAX_CUSTOMER_NAME, violations);
    BigDecimal amount = null;
    if (input.amountPaid() == null) {
      violations.add(AMOUNT_PAID, REQUIRED);
    } else {
      amount = MONEY.read(AMOUNT_PAID, input.amountPaid(), violations);
    }
    String code = text(TRANSACTION_CODE, input.transactionCode(), MAX_TRANSACTION_CODE, violations);
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    Instant initiated = time(INITIATED_AT, input.initiatedAt(), latest, violations);
    Instant completed = time(COMPLETED_AT, input.completedAt(), latest, violations);
    if (initiated != null && completed != null && completed.isBefore(initiated)) {
      violations.add(COMPLETED_AT, BEFORE_INITIATED);
    }
    String loanId = reference(LOAN_ID, input.loanId(), violations);
    String invoice = reference(INVOICE_NUMBER, input.invoiceNumber(), violations);
    violations.throwIfAny();
    return new ReportedPayment(customerName, amount, code, initiated, completed, loanId, invoice);
  }

  /** Required text, trimmed as DRF does, not blank, at most {@code max} characters. */
  @Nullable
  private static String text(String field, @Nullable String raw, int max, Violations violations) {
    if (raw == null) {
      violations.add(field, REQUIRED);
      return null;
    }
    String value = raw.strip();
    if (value.isEmpty()) {
      violations.add(field, BLANK);
      return null;
    }
    if (value.length() > max) {
      violations.add(field, tooLong(max));
      return null;
    }
    return value;
  }

  /** Optional text: absent or blank means not named. */
  @Nullable
  private static String reference(String field, @Nullable String raw, Violations violations) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    if (value.length() > MAX_REFERENCE) {
      violations.add(field, tooLong(MAX_REFERENCE));
      return null;
    }
    return value;
  }

  /** An ISO 8601 date-time with an offset ("Z" or "+01:00"), not after {@code latest}. */
  @Nullable
  private static Instant time(
      String field, @Nullable String raw, Instant latest, Violations violations) {
    if (raw == null) {
      violations.add(field, REQUIRED);
      return null;
    }
    if (raw.isBlank()) {
      violations.add(field, DATETIME_FORMAT);
      return null;
    }
    Instant value;
    try {
      value = OffsetDateTime.parse(raw.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      violations.add(field, DATETIME_FORMAT);
      return null;
    }
    if (value.isAfter(latest)) {
      violations.add(field, IN_THE_FUTURE);
      return null;
    }
    return value;
  }

  private static String tooLong(int max) {
    return "Ensure this field has no more than " + max + " characters.";
  }
}
