package dev.furrow.core.schedule;

import static dev.furrow.core.product.EarlyRepaymentRecalculation.FROM_LAST_INSTALMENT;
import static dev.furrow.core.product.InterestCalculation.EQUAL_PRINCIPAL;
import static dev.furrow.core.product.InterestCalculation.EVEN_TOTAL;
import static dev.furrow.core.schedule.Tables.generate;
import static dev.furrow.core.schedule.Tables.rows;
import static dev.furrow.core.schedule.Tables.sum;
import static dev.furrow.core.schedule.Tables.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Both amortization methods against tables worked out by hand. Interest of a period = balance ×
 * rate × days / 36500 (rate in percent, actual days from the previous due date), rounded half-even
 * to the cent. Disbursed 15 January 2026, due on the 15th: the periods have 31, 28, 31, 30, 31, 30,
 * 31, 31, 30, 31, 30, 31 days.
 */
class ScheduleCalculatorTest {

  @Test
  void equalPrincipalTwelveHundredAtTwelvePercentOverTwelveMonths() {
    // principal 1200.00 / 12 = 100.00 each; interest on the balance before each instalment:
    // 1200.00 × 12 × 31 / 36500 = 12.2301 → 12.23;  1100.00 × 12 × 28 / 36500 = 10.1260 → 10.13
    // 1000.00 × 12 × 31 / 36500 = 10.1918 → 10.19;   900.00 × 12 × 30 / 36500 =  8.8767 →  8.88
    //  800.00 × 12 × 31 / 36500 =  8.1534 →  8.15;   700.00 × 12 × 30 / 36500 =  6.9041 →  6.90
    //  600.00 × 12 × 31 / 36500 =  6.1151 →  6.12;   500.00 × 12 × 31 / 36500 =  5.0959 →  5.10
    //  400.00 × 12 × 30 / 36500 =  3.9452 →  3.95;   300.00 × 12 × 31 / 36500 =  3.0575 →  3.06
    //  200.00 × 12 × 30 / 36500 =  1.9726 →  1.97;   100.00 × 12 × 31 / 36500 =  1.0192 →  1.02
    List<Instalment> schedule =
        generate("1200.00", terms("12", EQUAL_PRINCIPAL, FROM_LAST_INSTALMENT, 12, 0, 0));
    assertThat(schedule.stream().map(Instalment::interest).map(BigDecimal::toPlainString))
        .containsExactly(
            "12.23", "10.13", "10.19", "8.88", "8.15", "6.90", "6.12", "5.10", "3.95", "3.06",
            "1.97", "1.02");
    assertThat(schedule).allSatisfy(i -> assertThat(i.principal()).isEqualByComparingTo("100.00"));
    assertThat(schedule.stream().map(Instalment::dueDate).map(LocalDate::toString))
        .startsWith("2026-02-15", "2026-03-15")
        .endsWith("2027-01-15");
    assertThat(sum(schedule, Instalment::interest)).isEqualByComparingTo("77.70");
  }

  @Test
  void equalPrincipalLastInstalmentAbsorbsTheRounding() {
    // 1000.00 / 3 = 333.333..., rounded down to 333.33; the last repays 1000.00 - 666.66 = 333.34.
    List<Instalment> schedule =
        generate("1000.00", terms("0", EQUAL_PRINCIPAL, FROM_LAST_INSTALMENT, 3, 0, 0));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 333.33 0.00 0.00 paid 0.00 0.00 0.00",
            "2 2026-03-15 333.33 0.00 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 333.34 0.00 0.00 paid 0.00 0.00 0.00");
  }

  @Test
  void evenTotalTwelveHundredAtTwelvePercentOverTwelveMonthsHasEqualPayments() {
    // r_k = 12 × days_k / 36500; A = 1200 / Σ_j Π_{k≤j} 1/(1+r_k) = 106.5947... → 106.59.
    // Each instalment: interest on the balance, principal = 106.59 - interest:
    // 1200.00: 12.23 / 94.36;  1105.64 (28 d): 10.18 / 96.41;  1009.23: 10.29 / 96.30; ...
    // the last repays the remaining 105.51 with 1.08 interest: 106.59 as well.
    List<Instalment> schedule =
        generate("1200.00", terms("12", EVEN_TOTAL, FROM_LAST_INSTALMENT, 12, 0, 0));
    assertThat(schedule).allSatisfy(i -> assertThat(i.total()).isEqualByComparingTo("106.59"));
    assertThat(schedule.stream().map(Instalment::principal).map(BigDecimal::toPlainString))
        .containsExactly(
            "94.36", "96.41", "96.30", "97.59", "98.28", "99.52", "100.30", "101.32", "102.49",
            "103.40", "104.52", "105.51");
    assertThat(sum(schedule, Instalment::principal)).isEqualByComparingTo("1200.00");
    assertThat(sum(schedule, Instalment::interest)).isEqualByComparingTo("79.08");
  }

  @Test
  void evenTotalThousandOverThreeMonths() {
    // r = 0.01019178 (31 d), 0.00920548 (28 d), 0.01019178 (31 d)
    // A = 1000 / (1/1.01019178 + 1/(1.01019178 × 1.00920548) + 1/(... × 1.01019178)) = 339.93
    // 1000.00 × r1 = 10.19 → principal 329.74; 670.26 × r2 = 6.17 → 333.76;
    // last: 336.50 + 336.50 × r3 = 3.43 → 339.93.
    List<Instalment> schedule =
        generate("1000.00", terms("12", EVEN_TOTAL, FROM_LAST_INSTALMENT, 3, 0, 0));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 329.74 10.19 0.00 paid 0.00 0.00 0.00",
            "2 2026-03-15 333.76 6.17 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 336.50 3.43 0.00 paid 0.00 0.00 0.00");
  }

  @Test
  void evenTotalLastInstalmentAbsorbsTheRounding() {
    // Without interest A = 1000 / 3 = 333.33; the last repays the remaining 333.34.
    List<Instalment> schedule =
        generate("1000.00", terms("0", EVEN_TOTAL, FROM_LAST_INSTALMENT, 3, 0, 0));
    assertThat(schedule.stream().map(Instalment::total).map(BigDecimal::toPlainString))
        .containsExactly("333.33", "333.33", "333.34");
  }

  @Test
  void graceDefersInterestAndPrincipalGraceAsksForInterestOnly() {
    // 4 instalments, 1 grace, principal grace 2 (counted from the first, so #2 is interest only).
    // #1 grace: nothing due; its interest 1000.00 × 12 × 31 / 36500 = 10.19 is deferred.
    // #2 interest only: 1000.00 × 12 × 28 / 36500 = 9.21, plus the deferred 10.19 = 19.40.
    // #3, #4 repay 1000.00 / 2 = 500.00: interest 10.19 (31 d on 1000.00), 4.93 (30 d on 500.00).
    List<Instalment> schedule =
        generate("1000.00", terms("12", EQUAL_PRINCIPAL, FROM_LAST_INSTALMENT, 4, 1, 2));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 0.00 0.00 0.00 paid 0.00 0.00 0.00",
            "2 2026-03-15 0.00 19.40 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 500.00 10.19 0.00 paid 0.00 0.00 0.00",
            "4 2026-05-15 500.00 4.93 0.00 paid 0.00 0.00 0.00");
    assertThat(schedule.stream().map(Instalment::kind))
        .containsExactly(
            InstalmentKind.GRACE,
            InstalmentKind.INTEREST_ONLY,
            InstalmentKind.REGULAR,
            InstalmentKind.REGULAR);
  }

  @Test
  void evenTotalAfterGraceSpreadsThePrincipalOverTheAmortizingInstalments() {
    // As above, then the annuity over #3 (31 d) and #4 (30 d): A = 507.57.
    // #3: 10.19 interest, 497.38 principal; #4: 502.62 × 12 × 30 / 36500 = 4.96 → 507.58
    // (rounding).
    List<Instalment> schedule =
        generate("1000.00", terms("12", EVEN_TOTAL, FROM_LAST_INSTALMENT, 4, 1, 2));
    assertThat(rows(schedule))
        .containsExactly(
            "1 2026-02-15 0.00 0.00 0.00 paid 0.00 0.00 0.00",
            "2 2026-03-15 0.00 19.40 0.00 paid 0.00 0.00 0.00",
            "3 2026-04-15 497.38 10.19 0.00 paid 0.00 0.00 0.00",
            "4 2026-05-15 502.62 4.96 0.00 paid 0.00 0.00 0.00");
  }

  @Test
  void withoutInterestOnHolidaysOnlyHolidaysAreSkippedNotWeekends() {
    // 15 January to 15 February 2026: 31 days, 9 of them weekend days, 2 holidays (one on a
    // Saturday, 24 January). Interest skips the holidays only: 29 days.
    // 1000.00 × 12 × 29 / 36500 = 9.5342 → 9.53.
    ScheduleTerms terms =
        new ScheduleTerms(
            new BigDecimal("12"), EQUAL_PRINCIPAL, FROM_LAST_INSTALMENT, 1, 0, 0, false, 2);
    HolidayCalendar ng =
        HolidayCalendar.of(
            "NG", List.of(LocalDate.parse("2026-01-20"), LocalDate.parse("2026-01-24")));
    List<LocalDate> dates = RepaymentDates.dueDates(Tables.JAN_15, 1, Tables.ON_THE_15TH, ng);
    List<Period> periods = ScheduleCalculator.periods(Tables.JAN_15, dates, terms, ng);
    assertThat(periods.get(0).interestDays()).isEqualTo(29);
    assertThat(
            ScheduleCalculator.generate(new BigDecimal("1000.00"), periods, terms)
                .get(0)
                .interest())
        .isEqualByComparingTo("9.53");
  }

  @Test
  void withoutInterestOnHolidaysAWeekendOnlyCalendarCountsEveryDay() {
    // No holidays loaded: 31 days, as with interest on holidays. 1000 × 12 × 31 / 36500 = 10.19.
    ScheduleTerms terms =
        new ScheduleTerms(
            new BigDecimal("12"), EQUAL_PRINCIPAL, FROM_LAST_INSTALMENT, 1, 0, 0, false, 2);
    List<LocalDate> dates =
        RepaymentDates.dueDates(Tables.JAN_15, 1, Tables.ON_THE_15TH, Tables.WEEKENDS);
    List<Period> periods = ScheduleCalculator.periods(Tables.JAN_15, dates, terms, Tables.WEEKENDS);
    assertThat(periods.get(0).interestDays()).isEqualTo(31);
  }

  @Test
  void aCurrencyWithoutMinorUnitRoundsToWholeUnits() {
    // JPY has no minor unit: 1000 / 3 → 333, 333, 334; 1000 × 12 × 31 / 36500 = 10.19 → 10.
    ScheduleTerms terms =
        new ScheduleTerms(
            new BigDecimal("12"),
            EQUAL_PRINCIPAL,
            FROM_LAST_INSTALMENT,
            3,
            0,
            0,
            true,
            ScheduleTerms.minorUnitsOf("JPY"));
    List<Instalment> schedule = generate("1000.00", terms);
    assertThat(schedule.stream().map(Instalment::principal).map(BigDecimal::toPlainString))
        .containsExactly("333.00", "333.00", "334.00");
    assertThat(schedule.get(0).interest()).isEqualByComparingTo("10.00");
  }
}
