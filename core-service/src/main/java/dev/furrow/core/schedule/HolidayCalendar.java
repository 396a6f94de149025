package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The business days of one country: every day but Saturdays, Sundays and the country's holidays.
 * Repayment dates are moved off non-business days, and interest skips them when a product does not
 * calculate interest on holidays.
 */
public final class HolidayCalendar {
  /** How far a search for a business day looks before giving up (a calendar without any). */
  private static final int SEARCH_LIMIT_DAYS = 366;

  private final String country;
  private final Set<LocalDate> holidays;

  private HolidayCalendar(String country, Collection<LocalDate> holidays) {
    this.country = requireNonNull(country, "country");
    this.holidays = Set.copyOf(new TreeSet<>(holidays));
  }

  /** A calendar with the given holidays; weekends are non-business days as well. */
  public static HolidayCalendar of(String country, Collection<LocalDate> holidays) {
    return new HolidayCalendar(country, holidays);
  }

  /** A calendar without holidays, for a country none were loaded for: weekends only. */
  public static HolidayCalendar weekendsOnly(String country) {
    return new HolidayCalendar(country, Set.of());
  }

  /** The ISO 3166-1 alpha-2 code the calendar belongs to ("" for a borrower without a country). */
  public String country() {
    return country;
  }

  /** Whether the date is neither a Saturday, a Sunday nor a holiday. */
  public boolean isBusinessDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
  }

  /** Whether the date is one of the loaded holidays. */
  public boolean isHoliday(LocalDate date) {
    return holidays.contains(date);
  }

  /** The date itself if it is a business day, else the last business day before it. */
  public LocalDate businessDayOnOrBefore(LocalDate date) {
    return search(date, -1);
  }

  /** The date itself if it is a business day, else the first business day after it. */
  public LocalDate businessDayOnOrAfter(LocalDate date) {
    return search(date, 1);
  }

  /** The business days from {@code start} (included) to {@code end} (excluded). */
  public int businessDaysBetween(LocalDate start, LocalDate end) {
    int count = 0;
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
      if (isBusinessDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The days from {@code start} (included) to {@code end} (excluded) that are not holidays: the
   * days interest accrues on when a product does not calculate interest on holidays. Weekends
   * count; they decide due dates, not interest.
   */
  public int interestDaysBetween(LocalDate start, LocalDate end) {
    int count = 0;
    for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
      if (!holidays.contains(d)) {
        count++;
      }
    }
    return count;
  }

  private LocalDate search(LocalDate date, int step) {
    LocalDate d = date;
    for (int i = 0; i <= SEARCH_LIMIT_DAYS; i++, d = d.plusDays(step)) {
      if (isBusinessDay(d)) {
        return d;
      }
    }
    throw new IllegalStateException(
        "calendar " + country + " has no business day within a year of " + date);
  }
}
