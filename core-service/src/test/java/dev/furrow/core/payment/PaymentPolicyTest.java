package dev.furrow.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PaymentPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private final PaymentPolicy policy = new PaymentPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

  private static PaymentInput input(String amount, String initiated, String completed) {
    return new PaymentInput(" Musa Bello ", amount, "MPESA-1", initiated, completed, null, "  ");
  }

  @Test
  void aWellFormedReportIsTrimmedAndReadExactly() {
    ReportedPayment p =
        policy.validate(input("1500.5", "2026-11-20T10:00:00+01:00", "2026-11-20T09:01:00Z"));
    assertThat(p.customerName()).isEqualTo("Musa Bello");
    assertThat(p.amountPaid()).isEqualByComparingTo("1500.50");
    assertThat(p.amountPaid().scale()).isEqualTo(2);
    assertThat(p.initiatedAt()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    assertThat(p.invoiceNumber()).isNull();
  }

  @Test
  void everyProblemIsReportedPerFieldInDrfWording() {
    InvalidInputException e =
        catchThrowableOfType(
            () ->
                policy.validate(
                    new PaymentInput(
                        "  ",
                        "0.001",
                        null,
                        "2026-11-20 10:00",
                        "2026-11-20T10:00:00",
                        null,
                        "x".repeat(129))),
            InvalidInputException.class);
    assertThat(e.violations())
        .containsExactly(
            new FieldViolation("customer_name", "This field may not be blank."),
            new FieldViolation(
                "amount_paid", "Ensure that there are no more than 2 decimal places."),
            new FieldViolation("transaction_code", "This field is required."),
            new FieldViolation("initiated_at", PaymentPolicy.DATETIME_FORMAT),
            new FieldViolation("completed_at", PaymentPolicy.DATETIME_FORMAT),
            new FieldViolation(
                "invoice_number", "Ensure this field has no more than 128 characters."));
  }

  @Test
  void amountMustBePositiveAndANumber() {
    for (String bad : new String[] {"0", "-5", "0.00"}) {
      InvalidInputException e =
          catchThrowableOfType(
              () -> policy.validate(input(bad, "2026-11-20T09:00:00Z", "2026-11-20T09:00:00Z")),
              InvalidInputException.class);
      assertThat(e.violations())
          .containsExactly(
              new FieldViolation(
                  "amount_paid", "Ensure this value is greater than or equal to 0.01."));
    }
    InvalidInputException e =
        catchThrowableOfType(
            () -> policy.validate(input("ten", "2026-11-20T09:00:00Z", "2026-11-20T09:00:00Z")),
            InvalidInputException.class);
    assertThat(e.violations())
        .containsExactly(new FieldViolation("amount_paid", "A valid number is required."));
  }

  @Test
  void completionBeforeInitiationAndFutureTimesAreRefused() {
    InvalidInputException before =
        catchThrowableOfType(
            () -> policy.validate(input("10", "2026-11-20T09:00:00Z", "2026-11-20T08:59:59Z")),
            InvalidInputException.class);
    assertThat(before.violations())
        .containsExactly(
            new FieldViolation("completed_at", "Must not be earlier than initiated_at."));
    InvalidInputException future =
        catchThrowableOfType(
            () -> policy.validate(input("10", "2026-11-20T09:00:00Z", "2026-11-20T10:05:01Z")),
            InvalidInputException.class);
    assertThat(future.violations())
        .containsExactly(new FieldViolation("completed_at", "Must not be in the future."));
    // within the five minutes of clock skew
    assertThat(
            policy
                .validate(input("10", "2026-11-20T09:00:00Z", "2026-11-20T10:05:00Z"))
                .completedAt())
        .isEqualTo(Instant.parse("2026-11-20T10:05:00Z"));
  }

  @Test
  void theDigestIgnoresNotationButNotContent() {
    ReportedPayment a =
        policy.validate(input("100", "2026-11-20T10:00:00+01:00", "2026-11-20T09:30:00Z"));
    ReportedPayment b =
        policy.validate(input("100.00", "2026-11-20T09:00:00Z", "2026-11-20T10:30:00+01:00"));
    ReportedPayment c =
        policy.validate(input("100.01", "2026-11-20T09:00:00Z", "2026-11-20T09:30:00Z"));
    assertThat(a.digest()).isEqualTo(b.digest());
    assertThat(a.digest()).isNotEqualTo(c.digest());
  }
}
