package dev.furrow.core.schedule;

import dev.furrow.core.error.Violations;
import java.util.List;
import javax.annotation.Nullable;

/** The operator's use cases for holiday calendars: replace a country's year, list holidays. */
public final class HolidayCalendars {
  private final ScheduleRepository repository;
  private final HolidayPolicy policy;

  public HolidayCalendars(ScheduleRepository repository, HolidayPolicy policy) {
    this.repository = repository;
    this.policy = policy;
  }

  /** Replaces the country's holidays of the year; returns them as stored. */
  public List<Holiday> replace(
      String country, int year, List<HolidayPolicy.HolidayInput> holidays) {
    List<Holiday> checked = policy.replacement(country, year, holidays);
    String code = country.strip().toUpperCase(java.util.Locale.ROOT);
    repository.replaceHolidays(code, year, checked);
    return repository.holidays(code, year);
  }

  /** The country's holidays of the year, or of every year. */
  public List<Holiday> list(String country, @Nullable Integer year) {
    Violations violations = new Violations();
    String code = HolidayPolicy.country(country, violations);
    if (year != null) {
      HolidayPolicy.year(year, violations);
    }
    violations.throwIfAny();
    return repository.holidays(code, year);
  }
}
