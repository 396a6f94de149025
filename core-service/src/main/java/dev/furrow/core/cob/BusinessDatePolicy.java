package dev.furrow.core.cob;

import dev.furrow.core.error.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Which dates an operator may ask close of business to close: an ISO date, not after today. */
public final class BusinessDatePolicy {
  static final String FIELD = "business_date";
  static final String REQUIRED = "This field is required.";
  static final String WRONG_FORMAT =
      "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";

  private BusinessDatePolicy() {}

  /** The date asked for; refuses a blank, malformed or future one (after {@code today}). */
  public static LocalDate parse(String raw, LocalDate today) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      throw InvalidInputException.of(FIELD, REQUIRED);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(FIELD, WRONG_FORMAT);
    }
    if (date.isAfter(today)) {
      throw InvalidInputException.of(
          FIELD, "Date is after today (" + today + "); only a day that has ended can be closed.");
    }
    return date;
  }
}
