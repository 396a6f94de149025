package dev.furrow.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.RepaymentDateType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Due dates of every repayment date type, across short months, weekends and holidays. */
class RepaymentDatesTest {
  private static final HolidayCalendar WEEKENDS = HolidayCalendar.weekendsOnly("NG");

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static List<LocalDate> dates(String... iso) {
    return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
  }

  private static RepaymentRule dayOfMonth(int day, HolidayScheduling scheduling) {
    return new RepaymentRule(RepaymentDateType.DAY_OF_MONTH, day, scheduling);
  }

  @Test
  void dayOfMonthThirtyFirstFallsOnTheLastDayOfShortMonthsWithoutDrifting() {
    // 2026: February has 28 days, April 30; the 31st comes back in March and May.
    assertThat(
            RepaymentDates.dueDates(
                d("2026-01-10"), 4, dayOfMonth(31, HolidayScheduling.ON_DAY), WEEKENDS))
        .containsExactlyElementsOf(dates("2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"));
  }

  @Test
  void dayOfMonthThirtiethInALeapYearFebruaryIsTheTwentyNinth() {
    assertThat(
            RepaymentDates.dueDates(
                d("2027-12-20"), 3, dayOfMonth(30, HolidayScheduling.ON_DAY), WEEKENDS))
        .containsExactlyElementsOf(dates("2028-01-30", "2028-02-29", "2028-03-30"));
  }

  @Test
  void dayOfMonthOnASaturdayMovesByTheHolidayScheduling() {
    // 15 August 2026 is a Saturday.
    LocalDate start = d("2026-07-01");
    assertThat(
            RepaymentDates.dueDates(
                start,
                2,
                dayOfMonth(15, HolidayScheduling.LAST_BUSINESS_DAY_BEFORE_THE_DAY),
                WEEKENDS))
        .containsExactlyElementsOf(dates("2026-08-14", "2026-09-15"));
    assertThat(
            RepaymentDates.dueDates(
                start,
                2,
                dayOfMonth(15, HolidayScheduling.FIRST_BUSINESS_DAY_AFTER_THE_DAY),
                WEEKENDS))
        .containsExactlyElementsOf(dates("2026-08-17", "2026-09-15"));
    assertThat(
            RepaymentDates.dueDates(start, 2, dayOfMonth(15, HolidayScheduling.ON_DAY), WEEKENDS))
        .containsExactlyElementsOf(dates("2026-08-15", "2026-09-15"));
  }

  @Test
  void dayOfMonthOnAHolidayMovesPastTheHolidayAndTheWeekendBehindIt() {
    // Friday 25 December 2026 is a holiday; Saturday and Sunday follow; Monday 28 is a holiday too.
    HolidayCalendar ng =
        HolidayCalendar.of("NG", List.of(d("2026-12-25"), d("2026-12-28"), d("2026-12-24")));
    LocalDate start = d("2026-11-25");
    assertThat(
            RepaymentDates.dueDates(
                start, 1, dayOfMonth(25, HolidayScheduling.FIRST_BUSINESS_DAY_AFTER_THE_DAY), ng))
        .containsExactly(d("2026-12-29"));
    assertThat(
            RepaymentDates.dueDates(
                start, 1, dayOfMonth(25, HolidayScheduling.LAST_BUSINESS_DAY_BEFORE_THE_DAY), ng))
        .containsExactly(d("2026-12-23"));
    assertThat(RepaymentDates.dueDates(start, 1, dayOfMonth(25, HolidayScheduling.ON_DAY), ng))
        .containsExactly(d("2026-12-25"));
  }

  @Test
  void lastDayOfMonthIsTheLastBusinessDay() {
    // 28 February 2026 is a Saturday; 30 April 2026 (Thursday) is a holiday in this calendar.
    HolidayCalendar ng = HolidayCalendar.of("NG", List.of(d("2026-04-30")));
    RepaymentRule rule = new RepaymentRule(RepaymentDateType.LAST_DAY_OF_MONTH, null, null);
    assertThat(RepaymentDates.dueDates(d("2026-01-10"), 4, rule, ng))
        .containsExactlyElementsOf(dates("2026-02-27", "2026-03-31", "2026-04-29", "2026-05-29"));
  }

  @Test
  void firstDayOfMonthIsTheFirstBusinessDay() {
    // 1 January 2026 (Thursday) is a holiday; 1 February and 1 March 2026 are Sundays.
    HolidayCalendar ng = HolidayCalendar.of("NG", List.of(d("2026-01-01")));
    RepaymentRule rule = new RepaymentRule(RepaymentDateType.FIRST_DAY_OF_MONTH, null, null);
    assertThat(RepaymentDates.dueDates(d("2025-12-05"), 4, rule, ng))
        .containsExactlyElementsOf(dates("2026-01-02", "2026-02-02", "2026-03-02", "2026-04-01"));
  }

  @Test
  void holidaySchedulingDoesNotMoveFirstOrLastBusinessDays() {
    // The date types already give business days; scheduling "after" changes nothing.
    RepaymentRule rule =
        new RepaymentRule(
            RepaymentDateType.LAST_DAY_OF_MONTH,
            null,
            HolidayScheduling.FIRST_BUSINESS_DAY_AFTER_THE_DAY);
    assertThat(RepaymentDates.dueDates(d("2026-01-10"), 1, rule, WEEKENDS))
        .containsExactly(d("2026-02-27"));
  }

  @Test
  void withoutADateTypeInstalmentsFallOnTheDisbursementDayOfMonth() {
    RepaymentRule rule = new RepaymentRule(null, null, null);
    assertThat(RepaymentDates.dueDates(d("2026-01-31"), 3, rule, WEEKENDS))
        .containsExactlyElementsOf(dates("2026-02-28", "2026-03-31", "2026-04-30"));
  }

  @Test
  void aMoveBackThatWouldReachTheDisbursementGoesForwardInstead() {
    // Disbursed Friday 30 January 2026; the 1st of February is a Sunday and "before" would give
    // Friday 30 January itself, so the date moves forward to Monday 2 February.
    assertThat(
            RepaymentDates.dueDates(
                d("2026-01-30"),
                2,
                dayOfMonth(1, HolidayScheduling.LAST_BUSINESS_DAY_BEFORE_THE_DAY),
                WEEKENDS))
        .containsExactlyElementsOf(dates("2026-02-02", "2026-02-27"));
  }

  @Test
  void businessDaysBetweenSkipWeekendsAndHolidays() {
    HolidayCalendar ng = HolidayCalendar.of("NG", List.of(d("2026-01-01")));
    // 1 to 31 January 2026 (31 excluded): 30 days, 8 weekend days, 1 holiday.
    assertThat(ng.businessDaysBetween(d("2026-01-01"), d("2026-01-31"))).isEqualTo(21);
  }

  @Test
  void interestDaysSkipHolidaysButNotWeekends() {
    HolidayCalendar ng = HolidayCalendar.of("NG", List.of(d("2026-01-01"), d("2026-01-03")));
    // 1 to 31 January 2026 (31 excluded): 30 days, 2 holidays (3 January is a Saturday).
    assertThat(ng.interestDaysBetween(d("2026-01-01"), d("2026-01-31"))).isEqualTo(28);
  }
}
