package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.RepaymentDateType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The due dates of a monthly schedule. Instalment {@code k} falls in the {@code k}-th month after
 * the month of the first disbursement:
 *
 * <ul>
 *   <li>{@code day_of_month}: on {@code repayment_date_period}, or the month's last day when the
 *       month is shorter (31 becomes 30 April and 28 or 29 February); each date is computed from
 *       the first month, so a short month does not pull the later dates earlier;
 *   <li>{@code first_day_of_month} / {@code last_day_of_month}: the month's first / last business
 *       day;
 *   <li>no date type: like {@code day_of_month} on the day of the month of the disbursement.
 * </ul>
 *
 * A {@code day_of_month} date that is not a business day then moves by the holiday scheduling: back
 * to the last business day before it, forward to the first one after it, or not at all ({@code
 * on_day}, also when the product sets none). A move back that would reach the previous due date (or
 * the disbursement date) moves forward instead, so dates always strictly increase.
 */
public final class RepaymentDates {
  private RepaymentDates() {}

  /** The {@code count} due dates of a loan first disbursed on {@code disbursedOn}. */
  public static List<LocalDate> dueDates(
      LocalDate disbursedOn, int count, RepaymentRule rule, HolidayCalendar calendar) {
    requireNonNull(disbursedOn, "disbursedOn");
    requireNonNull(rule, "rule");
    requireNonNull(calendar, "calendar");
    if (count < 1) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 1)");
    }
    YearMonth first = YearMonth.from(disbursedOn);
    RepaymentDateType type = rule.type() == null ? RepaymentDateType.DAY_OF_MONTH : rule.type();
    int day = rule.dayOfMonth() == null ? disbursedOn.getDayOfMonth() : rule.dayOfMonth();
    List<LocalDate> dates = new ArrayList<>(count);
    LocalDate previous = disbursedOn;
    for (int k = 1; k <= count; k++) {
      YearMonth month = first.plusMonths(k);
      LocalDate due =
          switch (type) {
            case FIRST_DAY_OF_MONTH -> calendar.businessDayOnOrAfter(month.atDay(1));
            case LAST_DAY_OF_MONTH -> calendar.businessDayOnOrBefore(month.atEndOfMonth());
            case DAY_OF_MONTH ->
                move(month.atDay(Math.min(day, month.lengthOfMonth())), rule, calendar);
          };
      if (!due.isAfter(previous)) {
        due = calendar.businessDayOnOrAfter(previous.plusDays(1));
      }
      dates.add(due);
      previous = due;
    }
    return List.copyOf(dates);
  }

  private static LocalDate move(LocalDate nominal, RepaymentRule rule, HolidayCalendar calendar) {
    HolidayScheduling scheduling =
        rule.scheduling() == null ? HolidayScheduling.ON_DAY : rule.scheduling();
    return switch (scheduling) {
      case LAST_BUSINESS_DAY_BEFORE_THE_DAY -> calendar.businessDayOnOrBefore(nominal);
      case FIRST_BUSINESS_DAY_AFTER_THE_DAY -> calendar.businessDayOnOrAfter(nominal);
      case ON_DAY -> nominal;
    };
  }
}
