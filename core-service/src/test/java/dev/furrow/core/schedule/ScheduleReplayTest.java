package dev.furrow.core.schedule;

import static dev.furrow.core.product.EarlyRepaymentRecalculation.FROM_LAST_INSTALMENT;
import static dev.furrow.core.product.EarlyRepaymentRecalculation.REDUCED_INSTALMENTS;
import static dev.furrow.core.product.InterestCalculation.EQUAL_PRINCIPAL;
import static dev.furrow.core.product.InterestCalculation.EVEN_TOTAL;
import static dev.furrow.core.schedule.Tables.ON_THE_15TH;
import static dev.furrow.core.schedule.Tables.WEEKENDS;
import static dev.furrow.core.schedule.Tables.rows;
import static dev.furrow.core.schedule.Tables.sum;
import static dev.furrow.core.schedule.Tables.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedules replayed from a loan's transactions: repayments in due-date order, fees, early
 * repayments with both recalculations, and further disbursements. The base tables are those of
 * {@link ScheduleCalculatorTest} (1200.00 at 12% over 12 months from 15 January 2026).
 */
class ScheduleReplayTest {
  private static final ScheduleTerms EP_FROM_LAST =
      terms("12", EQUAL_PRINCIPAL, FROM_LAST_INSTALMENT, 12, 0, 0);
  private static final ScheduleTerms EP_REDUCED =
      terms("12", EQUAL_PRINCIPAL, REDUCED_INSTALMENTS, 12, 0, 0);

  private static ScheduleEvent disbursed(String date, String amount) {
    return new ScheduleEvent.Disbursed(LocalDate.parse(date), new BigDecimal(amount));
  }

  private static ScheduleEvent repaid(String date, String amount) {
    return repaid(date, amount, "0.00");
  }

  private static ScheduleEvent repaid(String date, String amount, String feePart) {
    return new ScheduleEvent.Repaid(
        LocalDate.parse(date), new BigDecimal(amount), new BigDecimal(feePart));
  }

  private static ScheduleEvent charged(String date, String amount) {
    return new ScheduleEvent.Charged(LocalDate.parse(date), new BigDecimal(amount));
  }

  private static List<Instalment> replay(ScheduleTerms terms, ScheduleEvent... events) {
    return ScheduleReplay.replay(terms, ON_THE_15TH, WEEKENDS, List.of(events));
  }

  @Test
  void nothingDisbursedMeansNoSchedule() {
    assertThat(replay(EP_FROM_LAST)).isEmpty();
  }

  @Test
  void repaymentsPayInstalmentsInDueDateOrderInterestFirst() {
    // #1 is paid on its due date (112.23). On 20 April #2 (110.13) and #3 (110.19) are due:
    // 150.00 pays #2 in full, then #3's interest 10.19 and 29.68 of its principal.
    List<Instalment> schedule =
        replay(
            EP_FROM_LAST,
            disbursed("2026-01-15", "1200.00"),
            repaid("2026-02-15", "112.23"),
            repaid("2026-04-20", "150.00"));
    assertThat(rows(schedule).subList(0, 4))
        .containsExactly(
            "1 2026-02-15 100.00 12.23 0.00 paid 100.00 12.23 0.00",
            "2 2026-03-15 100.00 10.13 0.00 paid 100.00 10.13 0.00",
            "3 2026-04-15 100.00 10.19 0.00 paid 29.68 10.19 0.00",
            "4 2026-05-15 100.00 8.88 0.00 paid 0.00 0.00 0.00");
    LocalDate today = LocalDate.parse("2026-04-20");
    assertThat(schedule.subList(0, 4).stream().map(i -> i.status(today)))
        .containsExactly(
            InstalmentStatus.PAID,
            InstalmentStatus.PAID,
            InstalmentStatus.OVERDUE,
            InstalmentStatus.PENDING);
    assertThat(schedule).hasSize(12);
  }

  @Test
  void payingTheCurrentInstalmentEarlyIsNotAnEarlyRepayment() {
    // 10 February: nothing is due yet; 112.23 is exactly the current instalment #1.
    List<Instalment> schedule =
        replay(EP_FROM_LAST, disbursed("2026-01-15", "1200.00"), repaid("2026-02-10", "112.23"));
    assertThat(schedule).hasSize(12);
    assertThat(schedule.get(0).status(LocalDate.parse("2026-02-10")))
        .isEqualTo(InstalmentStatus.PAID);
    assertThat(schedule.get(11).principal()).isEqualByComparingTo("100.00");
  }

  @Test
  void earlyRepaymentFromLastInstalmentRetiresTheLastInstalments() {
    // 412.23 on 10 February: 112.23 pays the current #1, the other 300.00 is early. It is recorded
    // on #1 (principal 100.00 + 300.00 = 400.00, paid) and comes off the principal of #12, #11 and
    // #10 (100.00 each), which disappear with their interest; #2 to #9 are unchanged.
    List<Instalment> schedule =
        replay(EP_FROM_LAST, disbursed("2026-01-15", "1200.00"), repaid("2026-02-10", "412.23"));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 400.00 12.23 0.00 paid 400.00 12.23 0.00",
            "2 2026-03-15 100.00 10.13 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 100.00 10.19 0.00 paid 0.00 0.00 0.00",
            "4 2026-05-15 100.00 8.88 0.00 paid 0.00 0.00 0.00",
            "5 2026-06-15 100.00 8.15 0.00 paid 0.00 0.00 0.00",
            "6 2026-07-15 100.00 6.90 0.00 paid 0.00 0.00 0.00",
            "7 2026-08-15 100.00 6.12 0.00 paid 0.00 0.00 0.00",
            "8 2026-09-15 100.00 5.10 0.00 paid 0.00 0.00 0.00",
            "9 2026-10-15 100.00 3.95 0.00 paid 0.00 0.00 0.00");
    assertThat(sum(schedule, Instalment::principal)).isEqualByComparingTo("1200.00");
  }

  @Test
  void earlyRepaymentFromLastInstalmentLeavesAPartlyReducedInstalment() {
    // 362.23: 250.00 early. #12 and #11 go (200.00); #10 keeps 50.00 of principal and its 3.06.
    List<Instalment> schedule =
        replay(EP_FROM_LAST, disbursed("2026-01-15", "1200.00"), repaid("2026-02-10", "362.23"));
    assertThat(schedule).hasSize(10);
    assertThat(rows(schedule).get(0))
        .isEqualTo("1 2026-02-15 350.00 12.23 0.00 paid 350.00 12.23 0.00");
    assertThat(rows(schedule).get(9))
        .isEqualTo("10 2026-11-15 50.00 3.06 0.00 paid 0.00 0.00 0.00");
  }

  @Test
  void earlyRepaymentReducedInstalmentsReschedulesTheRestAsANewLoan() {
    // 412.23 on 10 February: #1 becomes 400.00 paid; 800.00 is left over #2 to #12 (11 periods from
    // 15 February): 800.00 / 11 = 72.7272 → 72.72, the last 800.00 - 727.20 = 72.80. Interest:
    // 800.00 × 12 × 28 / 36500 = 7.36; 727.28 × 12 × 31 / 36500 = 7.41; 654.56 × 12 × 30 / 36500 =
    // 6.46; ... 72.80 × 12 × 31 / 36500 = 0.74.
    List<Instalment> schedule =
        replay(EP_REDUCED, disbursed("2026-01-15", "1200.00"), repaid("2026-02-10", "412.23"));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 400.00 12.23 0.00 paid 400.00 12.23 0.00",
            "2 2026-03-15 72.72 7.36 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 72.72 7.41 0.00 paid 0.00 0.00 0.00",
            "4 2026-05-15 72.72 6.46 0.00 paid 0.00 0.00 0.00",
            "5 2026-06-15 72.72 5.93 0.00 paid 0.00 0.00 0.00",
            "6 2026-07-15 72.72 5.02 0.00 paid 0.00 0.00 0.00",
            "7 2026-08-15 72.72 4.45 0.00 paid 0.00 0.00 0.00",
            "8 2026-09-15 72.72 3.71 0.00 paid 0.00 0.00 0.00",
            "9 2026-10-15 72.72 2.87 0.00 paid 0.00 0.00 0.00",
            "10 2026-11-15 72.72 2.22 0.00 paid 0.00 0.00 0.00",
            "11 2026-12-15 72.72 1.44 0.00 paid 0.00 0.00 0.00",
            "12 2027-01-15 72.80 0.74 0.00 paid 0.00 0.00 0.00");
  }

  @Test
  void earlyRepaymentReducedInstalmentsKeepsEvenTotals() {
    // 1000.00 at 12% over 3 (339.93 each). 639.93 on 10 February: #1 paid, 300.00 early, so #1
    // repays 329.74 + 300.00 = 629.74. 370.26 is left over 28 d and 31 d: A = 187.78;
    // 370.26 × 12 × 28 / 36500 = 3.41 → principal 184.37; last 185.89 + 1.89 = 187.78.
    List<Instalment> schedule =
        replay(
            terms("12", EVEN_TOTAL, REDUCED_INSTALMENTS, 3, 0, 0),
            disbursed("2026-01-15", "1000.00"),
            repaid("2026-02-10", "639.93"));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 629.74 10.19 0.00 paid 629.74 10.19 0.00",
            "2 2026-03-15 184.37 3.41 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 185.89 1.89 0.00 paid 0.00 0.00 0.00");
  }

  @Test
  void earlyRepaymentOfEverythingLeavesNoFutureInstalments() {
    // 1212.23 on 10 February: #1 (112.23) plus all remaining 1100.00 of principal.
    for (ScheduleTerms terms : List.of(EP_FROM_LAST, EP_REDUCED)) {
      List<Instalment> schedule =
          replay(terms, disbursed("2026-01-15", "1200.00"), repaid("2026-02-10", "1212.23"));
      assertThat(rows(schedule))
          .containsExactly("1 2026-02-15 1200.00 12.23 0.00 paid 1200.00 12.23 0.00");
    }
  }

  @Test
  void feesGoOnTheCurrentInstalmentAndArePaidFirst() {
    // A 50.00 disbursement fee goes on #1. 100.00 repaid with the loan's allocation giving 50.00
    // to fees: the fee is paid, then #1's interest 12.23 and 37.77 of its principal.
    List<Instalment> schedule =
        replay(
            EP_FROM_LAST,
            disbursed("2026-01-15", "1200.00"),
            charged("2026-01-15", "50.00"),
            repaid("2026-01-20", "100.00", "50.00"));
    assertThat(rows(schedule).get(0))
        .isEqualTo("1 2026-02-15 100.00 12.23 50.00 paid 37.77 12.23 50.00");
    assertThat(schedule.get(0).status(LocalDate.parse("2026-01-20")))
        .isEqualTo(InstalmentStatus.PARTIALLY_PAID);
  }

  @Test
  void aFurtherDisbursementRegeneratesTheScheduleOverTheTotalWithTheFirstDates() {
    // 600.00 on 15 January and 600.00 on 20 February: the schedule is that of 1200.00 from
    // 15 January, and the 112.23 repaid on 15 February is applied to it again.
    List<Instalment> schedule =
        replay(
            EP_FROM_LAST,
            disbursed("2026-01-15", "600.00"),
            repaid("2026-02-15", "112.23"),
            disbursed("2026-02-20", "600.00"));
    assertThat(schedule).hasSize(12);
    assertThat(rows(schedule).get(0))
        .isEqualTo("1 2026-02-15 100.00 12.23 0.00 paid 100.00 12.23 0.00");
    assertThat(rows(schedule).get(1))
        .isEqualTo("2 2026-03-15 100.00 10.13 0.00 paid 0.00 0.00 0.00");
    assertThat(sum(schedule, Instalment::principal)).isEqualByComparingTo("1200.00");
  }
}
