package dev.furrow.core.schedule;

import dev.furrow.core.error.Violations;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which holiday calendar changes are well formed; every problem is reported at once. */
public final class HolidayPolicy {
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 2200;
  static final int MAX_NAME = 200;
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** One holiday as sent: an ISO date and a name. */
  public record HolidayInput(String date, String name) {}

  /** The country code in upper case, or a violation on {@code country}. */
  public static String country(String raw, Violations violations) {
    String code = raw.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      violations.add("country", "This field may not be blank.");
    } else if (!COUNTRY.matcher(code).matches()) {
      violations.add("country", "\"" + raw + "\" is not a valid ISO 3166-1 alpha-2 country code.");
    }
    return code;
  }

  /** The year, or a violation on {@code year}. */
  public static int year(int year, Violations violations) {
    violations.check(
        year < MIN_YEAR || year > MAX_YEAR,
        "year",
        "Ensure this value is between " + MIN_YEAR + " and " + MAX_YEAR + ".");
    return year;
  }

  /** The holidays of a replacement, or the violations that refuse it. */
  public List<Holiday> replacement(String rawCountry, int rawYear, List<HolidayInput> inputs) {
    Violations violations = new Violations();
    String country = country(rawCountry, violations);
    int year = year(rawYear, violations);
    List<Holiday> holidays = new ArrayList<>(inputs.size());
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      String key = "holidays[" + i + "].";
      HolidayInput input = inputs.get(i);
      LocalDate date = null;
      try {
        date = LocalDate.parse(input.date().strip());
      } catch (DateTimeParseException e) {
        violations.add(
            key + "date", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
      }
      if (date != null) {
        violations.check(
            date.getYear() != year, key + "date", "Date is not in the year " + year + ".");
        violations.check(!seen.add(date), key + "date", "Date is listed more than once.");
      }
      String name = input.name().strip();
      violations
          .check(name.isEmpty(), key + "name", "This field may not be blank.")
          .check(
              name.length() > MAX_NAME,
              key + "name",
              "Ensure this field has no more than " + MAX_NAME + " characters.");
      if (date != null) {
        holidays.add(new Holiday(country, date, name));
      }
    }
    violations.throwIfAny();
    return List.copyOf(holidays);
  }
}
