package dev.furrow.gateway.drf;

import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Timestamps as DRF's {@code DateTimeField} writes and reads them in an API whose time zone is UTC.
 */
final class DrfDateTimes {

  /** DRF's message for a date-time it cannot read. */
  static final String INVALID =
      "Datetime has wrong format. Use one of these formats instead: "
          + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  // Date, 'T' or space, hh:mm, optional :ss and fraction, optional Z or offset (+hh, +hhmm,
  // +hh:mm).
  private static final Pattern ISO_8601 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})"
              + "(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
              + "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?");

  private DrfDateTimes() {}

  /**
   * Python's {@code isoformat()} with {@code +00:00} written as {@code Z}, as DRF renders: whole
   * seconds when there is no fraction, else six fraction digits. Precision is the microsecond, the
   * precision of Python and PostgreSQL; finer digits are cut.
   */
  static String format(Timestamp timestamp) {
    final OffsetDateTime time =
        Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos())
            .atOffset(ZoneOffset.UTC);
    final StringBuilder text = new StringBuilder(32).append(SECONDS.format(time));
    final int micros = time.getNano() / 1000;
    if (micros != 0) {
      text.append('.').append(String.format(Locale.ROOT, "%06d", micros));
    }
    return text.append('Z').toString();
  }

  /**
   * The instant an ISO 8601 date-time names, or null if the text is none. A time without an offset
   * is taken as UTC (DRF makes it aware in the current time zone, UTC here). Fraction digits past
   * the microsecond are cut, as Python's parser does.
   */
  static @Nullable Timestamp parse(String text) {
    final Matcher m = ISO_8601.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      final String fraction = m.group(7) == null ? "" : m.group(7);
      final int micros =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000").substring(0, 6));
      final LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              micros * 1000);
      final Instant instant = local.atOffset(offset(m.group(8))).toInstant();
      return Timestamp.newBuilder()
          .setSeconds(instant.getEpochSecond())
          .setNanos(instant.getNano())
          .build();
    } catch (DateTimeException e) {
      // Well-formed but impossible, such as 2026-02-30 or an offset beyond 18 hours.
      return null;
    }
  }

  private static ZoneOffset offset(@Nullable String text) {
    if (text == null || text.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    final String digits = text.replace(":", "");
    final int sign = digits.charAt(0) == '-' ? -1 : 1;
    final int hours = Integer.parseInt(digits.substring(1, 3));
    final int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
