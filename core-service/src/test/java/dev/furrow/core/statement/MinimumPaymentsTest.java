package dev.furrow.core.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.schedule.InstalmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinimumPaymentsTest {
  /** Statement 1: January, due 10 February: 5,000.00 = 200.00 fee + 1,500.00 interest + rest. */
  private static final MinimumPayments.Minimum JANUARY =
      new MinimumPayments.Minimum(
          1,
          Instant.parse("2026-01-26T00:00:00Z"),
          LocalDate.parse("2026-02-10"),
          new Balances(
              new BigDecimal("3300.00"), new BigDecimal("1500.00"), new BigDecimal("200.00")));

  /** Statement 2: February, due 10 March: 600.00 of principal. */
  private static final MinimumPayments.Minimum FEBRUARY =
      new MinimumPayments.Minimum(
          2,
          Instant.parse("2026-02-26T00:00:00Z"),
          LocalDate.parse("2026-03-10"),
          new Balances(new BigDecimal("600.00"), BigDecimal.ZERO, BigDecimal.ZERO));

  private static MinimumPayments.Repayment repaid(String at, String amount) {
    return new MinimumPayments.Repayment(Instant.parse(at), new BigDecimal(amount));
  }

  private static Balances paid(String principal, String interest, String fee) {
    return new Balances(new BigDecimal(principal), new BigDecimal(interest), new BigDecimal(fee));
  }

  @Test
  void aRepaymentPaysTheFeeThenInterestThenPrincipalOfAStatementWhosePeriodEnded() {
    List<MinimumPayments.Paid> result =
        MinimumPayments.replay(
            List.of(JANUARY),
            List.of(repaid("2026-02-01T09:00:00Z", "1800.00")),
            LocalDate.parse("2026-02-02"));

    assertThat(result)
        .containsExactly(
            new MinimumPayments.Paid(
                1, paid("100.00", "1500.00", "200.00"), InstalmentStatus.PARTIALLY_PAID));
  }

  @Test
  void aRepaymentMadeBeforeTheCutoffPaysNoMinimum() {
    List<MinimumPayments.Paid> result =
        MinimumPayments.replay(
            List.of(JANUARY),
            List.of(repaid("2026-01-25T23:59:59Z", "9000.00")),
            LocalDate.parse("2026-01-26"));

    assertThat(result)
        .containsExactly(
            new MinimumPayments.Paid(1, paid("0.00", "0.00", "0.00"), InstalmentStatus.PENDING));
  }

  @Test
  void theOldestStatementIsPaidFirstAndTheRestOfARepaymentPaysNoMore() {
    List<MinimumPayments.Paid> result =
        MinimumPayments.replay(
            List.of(FEBRUARY, JANUARY),
            List.of(
                repaid("2026-02-01T09:00:00Z", "1000.00"),
                repaid("2026-02-27T09:00:00Z", "20000.00")),
            LocalDate.parse("2026-02-28"));

    assertThat(result)
        .containsExactly(
            new MinimumPayments.Paid(
                1, paid("3300.00", "1500.00", "200.00"), InstalmentStatus.PAID),
            new MinimumPayments.Paid(2, paid("600.00", "0.00", "0.00"), InstalmentStatus.PAID));
  }

  @Test
  void anUnpaidMinimumIsOverdueFromTheDayAfterItsDueDate() {
    assertThat(
            MinimumPayments.replay(List.of(JANUARY), List.of(), LocalDate.parse("2026-02-10"))
                .get(0)
                .status())
        .isEqualTo(InstalmentStatus.PENDING);
    List<MinimumPayments.Paid> late =
        MinimumPayments.replay(
            List.of(JANUARY, FEBRUARY),
            List.of(repaid("2026-02-05T09:00:00Z", "4000.00")),
            LocalDate.parse("2026-02-11"));

    assertThat(late.get(0).status()).isEqualTo(InstalmentStatus.OVERDUE);
    assertThat(late.get(1).status()).isEqualTo(InstalmentStatus.PENDING);
    assertThat(MinimumPayments.unpaid(List.of(JANUARY, FEBRUARY), late)).isEqualTo("1600.00");
  }

  @Test
  void withoutARepaymentNothingIsPaid() {
    List<MinimumPayments.Paid> result =
        MinimumPayments.replay(List.of(JANUARY), List.of(), LocalDate.parse("2026-01-26"));

    assertThat(MinimumPayments.unpaid(List.of(JANUARY), result)).isEqualTo("5000.00");
  }
}
