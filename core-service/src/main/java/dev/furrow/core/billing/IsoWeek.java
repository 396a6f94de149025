package dev.furrow.core.billing;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** An ISO week (Monday to Sunday) of a contract's calendar, named like "2026-W47". */
public record IsoWeek(LocalDate start) {
  public IsoWeek {
    requireNonNull(start, "start");
    if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new IllegalArgumentException("start: " + start + " (expected: a Monday)");
    }
  }

  /** The week a local date falls in. */
  public static IsoWeek of(LocalDate date) {
    return new IsoWeek(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /** Its Sunday. */
  public LocalDate end() {
    return start.plusDays(6);
  }

  /** The ISO name: week-based year, "-W", two-digit week number (2026-12-28 is in 2026-W53). */
  public String name() {
    return String.format(
        "%04d-W%02d",
        start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The week after this one. */
  public IsoWeek next() {
    return new IsoWeek(start.plusWeeks(1));
  }

  /** Closed on a business date after its Sunday. */
  public boolean closedOn(LocalDate businessDate) {
    return businessDate.isAfter(end());
  }
}
