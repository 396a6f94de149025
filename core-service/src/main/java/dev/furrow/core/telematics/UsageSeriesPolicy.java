package dev.furrow.core.telematics;

import dev.furrow.core.error.Violations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Validates a usage-series request and fixes its range: dates are local days in an IANA time zone
 * (UTC when none is given), both ends included, at most {@link #MAX_DAYS} days; ISO-week series are
 * widened to whole weeks.
 */
public final class UsageSeriesPolicy {
  /** The longest range one request may ask for, in days, before widening to weeks. */
  public static final int MAX_DAYS = 366;

  /** The zone used when the request names none. */
  public static final String DEFAULT_TIME_ZONE = "UTC";

  static final String REQUIRED = "This field is required.";
  static final String DATE_FORMAT =
      "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  /** A validated request: whose usage, grouped how, over which local days in which zone. */
  public record Range(
      String tractorId, UsagePeriod period, LocalDate from, LocalDate to, ZoneId zone) {}

  /**
   * The validated range; throws with every field problem at once.
   *
   * @param period null when the request did not say
   */
  public Range check(
      String tractorId, @Nullable UsagePeriod period, String from, String to, String timeZone) {
    Violations violations = new Violations();
    violations.check(tractorId.isEmpty(), "tractor_id", REQUIRED);
    violations.check(period == null, "period", "Use USAGE_PERIOD_DAY or USAGE_PERIOD_ISO_WEEK.");
    LocalDate fromDate = date(from, "from_date", violations);
    LocalDate toDate = date(to, "to_date", violations);
    ZoneId zone = zone(timeZone, violations);
    if (fromDate != null && toDate != null) {
      if (toDate.isBefore(fromDate)) {
        violations.add("to_date", "Must not be before from_date (" + fromDate + ").");
      } else if (ChronoUnit.DAYS.between(fromDate, toDate) + 1 > MAX_DAYS) {
        violations.add(
            "to_date",
            "The range may cover at most " + MAX_DAYS + " days (from " + fromDate + ").");
      }
    }
    violations.throwIfAny();
    if (period == UsagePeriod.ISO_WEEK) {
      fromDate = fromDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      toDate = toDate.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }
    return new Range(tractorId, period, fromDate, toDate, zone);
  }

  @Nullable
  private static LocalDate date(String text, String field, Violations violations) {
    if (text.isEmpty()) {
      violations.add(field, REQUIRED);
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      violations.add(field, DATE_FORMAT);
      return null;
    }
  }

  /** Region ids of the IANA database only: offsets like "+01:00" have no daylight saving rules. */
  @Nullable
  private static ZoneId zone(String text, Violations violations) {
    String name = text.isEmpty() ? DEFAULT_TIME_ZONE : text;
    if (!ZONES.contains(name)) {
      violations.add(
          "time_zone", "Unknown time zone \"" + name + "\"; use an IANA name like Africa/Lagos.");
      return null;
    }
    return ZoneId.of(name);
  }
}
