package dev.furrow.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingPolicyTest {
  private final BillingPolicy policy = new BillingPolicy();

  @Test
  void lineAmountsRoundHalfToEven() {
    assertThat(policy.lineAmount(new BigDecimal("12.3456"), new BigDecimal("45000.00")))
        .isEqualByComparingTo("555552.00");
    assertThat(policy.lineAmount(new BigDecimal("1.0001"), new BigDecimal("50.00")))
        .hasToString("50.00");
    assertThat(policy.lineAmount(new BigDecimal("1.0003"), new BigDecimal("50.00")))
        .hasToString("50.02");
  }

  @Test
  void eachLineIsRoundedBeforeTheyAreSummed() {
    IsoWeek week = IsoWeek.of(LocalDate.parse("2026-11-04"));
    BillingPolicy.Bill bill =
        policy.bill(
            week,
            List.of(
                line(LineKind.USAGE, "2026-11-02", "1.0001"),
                line(LineKind.ADJUSTMENT, "2026-10-26", "1.0001")),
            new BigDecimal("50.00"),
            BigDecimal.ZERO,
            true,
            "KES");
    assertThat(bill.amountDue()).hasToString("100.00");
  }

  @Test
  void nothingDueIsSettledAtOnceAndCreditSettlesWhatItCan() {
    assertThat(policy.settleFromCredit(new BigDecimal("0.00"), BigDecimal.ZERO).status())
        .isEqualTo(PeriodStatus.PAYMENT_COMPLETE);
    BillingPolicy.Settlement part =
        policy.settleFromCredit(new BigDecimal("100.00"), new BigDecimal("40.00"));
    assertThat(part.status()).isEqualTo(PeriodStatus.PARTIALLY_PAID);
    assertThat(part.amountPaid()).hasToString("40.00");
    assertThat(part.creditLeft()).hasToString("0.00");
  }

  @Test
  void anOverdueInvoicePaidInPartStaysOverdue() {
    BigDecimal due = new BigDecimal("100.00");
    assertThat(policy.afterPayment(PeriodStatus.OVERDUE, due, new BigDecimal("99.99")))
        .isEqualTo(PeriodStatus.OVERDUE);
    assertThat(policy.afterPayment(PeriodStatus.OVERDUE, due, due))
        .isEqualTo(PeriodStatus.PAYMENT_COMPLETE);
    assertThat(policy.afterPayment(PeriodStatus.ISSUED, due, new BigDecimal("1.00")))
        .isEqualTo(PeriodStatus.PARTIALLY_PAID);
  }

  @Test
  void invoiceNumbersCarryTheIssueYearAndAPaddedSequence() {
    assertThat(policy.invoiceNumber(LocalDate.parse("2026-11-09"), 123))
        .isEqualTo("INV-2026-000123");
    assertThat(policy.invoiceNumber(LocalDate.parse("2027-01-04"), 1234567))
        .isEqualTo("INV-2027-1234567");
  }

  @Test
  void isoWeeksAreNamedByTheirWeekBasedYear() {
    assertThat(IsoWeek.of(LocalDate.parse("2021-01-03")).name()).isEqualTo("2020-W53");
    assertThat(IsoWeek.of(LocalDate.parse("2024-12-30")).name()).isEqualTo("2025-W01");
    assertThat(IsoWeek.of(LocalDate.parse("2026-11-08")).closedOn(LocalDate.parse("2026-11-08")))
        .isFalse();
    assertThat(IsoWeek.of(LocalDate.parse("2026-11-08")).closedOn(LocalDate.parse("2026-11-09")))
        .isTrue();
  }

  private static PeriodLine line(LineKind kind, String week, String hectares) {
    return new PeriodLine(
        kind, LocalDate.parse(week), new BigDecimal(hectares), BigDecimal.ZERO, "");
  }
}
