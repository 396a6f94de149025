package dev.furrow.core.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * How one raw parameter value is parsed and bound: the Java value, the SQL element type of an
 * {@code __in} array, and the message for text that does not parse. Parsing is strict (ASCII
 * digits, canonical UUIDs, ISO dates) so that nothing odd reaches the database as a bound value.
 */
enum ValueKind {
  TEXT(String.class, "text", "") {
    @Override
    Object parse(String raw) {
      return raw;
    }
  },
  UUID_VALUE(UUID.class, "uuid", "Enter a valid UUID.") {
    @Override
    Object parse(String raw) {
      if (!CANONICAL_UUID.matcher(raw).matches()) {
        throw invalid();
      }
      return UUID.fromString(raw);
    }
  },
  DECIMAL(BigDecimal.class, "numeric", "Enter a number.") {
    @Override
    Object parse(String raw) {
      if (raw.length() > MAX_NUMBER_LENGTH || !DECIMAL_TEXT.matcher(raw).matches()) {
        throw invalid();
      }
      BigDecimal value = new BigDecimal(raw);
      if (Math.abs(value.scale()) > MAX_DECIMAL_SCALE) {
        throw invalid(); // beyond what a PostgreSQL numeric holds
      }
      return value;
    }
  },
  INTEGER(Long.class, "bigint", "Enter a whole number.") {
    @Override
    Object parse(String raw) {
      return wholeNumber(raw, this);
    }
  },
  DATE(LocalDate.class, "date", "Enter a valid date.") {
    @Override
    Object parse(String raw) {
      try {
        return checkYear(LocalDate.parse(raw), this);
      } catch (DateTimeParseException e) {
        throw invalid();
      }
    }
  },
  /**
   * ISO 8601 with an offset ({@code T} or a space between date and time); without an offset, or a
   * plain date (that day's start), it is UTC.
   */
  DATETIME(OffsetDateTime.class, "timestamptz", "Enter a valid date/time.") {
    @Override
    Object parse(String raw) {
      OffsetDateTime value = parseDateTime(raw);
      if (value == null) {
        throw invalid();
      }
      checkYear(value.toLocalDate(), this);
      return value.withOffsetSameInstant(ZoneOffset.UTC);
    }
  },
  YEAR(Integer.class, "integer", "Enter a whole number.") {
    @Override
    Object parse(String raw) {
      return datePart(raw, DatePart.YEAR, this);
    }
  },
  MONTH(Integer.class, "integer", "Enter a whole number.") {
    @Override
    Object parse(String raw) {
      return datePart(raw, DatePart.MONTH, this);
    }
  },
  DAY(Integer.class, "integer", "Enter a whole number.") {
    @Override
    Object parse(String raw) {
      return datePart(raw, DatePart.DAY, this);
    }
  };

  private static final Pattern CANONICAL_UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,18}");
  private static final int MAX_NUMBER_LENGTH = 100;
  private static final int MAX_DECIMAL_SCALE = 1000;
  private static final int MIN_YEAR = 1;
  private static final int MAX_YEAR = 9999;

  private final Class<?> javaType;
  private final String sqlType;
  private final String message;

  ValueKind(Class<?> javaType, String sqlType, String message) {
    this.javaType = javaType;
    this.sqlType = sqlType;
    this.message = message;
  }

  /** Parses trimmed, non-blank text. */
  abstract Object parse(String raw);

  /** The Java type {@link #parse} returns. */
  Class<?> javaType() {
    return javaType;
  }

  /** The PostgreSQL element type of an {@code __in} array of these values. */
  String sqlType() {
    return sqlType;
  }

  /** How a value of a field of {@code type} is parsed for {@code lookup}. */
  static ValueKind of(FieldType type, Lookup lookup) {
    return switch (type) {
      case TEXT -> TEXT;
      case UUID -> lookup == Lookup.EXACT || lookup == Lookup.IN ? UUID_VALUE : TEXT;
      case REFERENCE -> UUID_VALUE;
      case DECIMAL -> DECIMAL;
      case INTEGER -> INTEGER;
      case DATE -> DATE;
      case DATETIME -> DATETIME;
    };
  }

  /** How a {@code __year}, {@code __month} or {@code __day} value is parsed. */
  static ValueKind of(DatePart part) {
    return switch (part) {
      case YEAR -> YEAR;
      case MONTH -> MONTH;
      case DAY -> DAY;
    };
  }

  InvalidValue invalid() {
    return new InvalidValue(message);
  }

  private static long wholeNumber(String raw, ValueKind kind) {
    if (!WHOLE_NUMBER.matcher(raw).matches()) {
      throw kind.invalid();
    }
    return Long.parseLong(raw);
  }

  private static int datePart(String raw, DatePart part, ValueKind kind) {
    long value = wholeNumber(raw, kind);
    if (value < part.min()) {
      throw new InvalidValue("Ensure this value is greater than or equal to " + part.min() + ".");
    }
    if (value > part.max()) {
      throw new InvalidValue("Ensure this value is less than or equal to " + part.max() + ".");
    }
    return (int) value;
  }

  private static LocalDate checkYear(LocalDate date, ValueKind kind) {
    if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
      throw kind.invalid();
    }
    return date;
  }

  @Nullable
  private static OffsetDateTime parseDateTime(String text) {
    // Django also accepts a space between date and time: 2026-11-20 07:00:00
    String raw =
        text.length() > 10 && text.charAt(10) == ' '
            ? text.substring(0, 10) + 'T' + text.substring(11)
            : text;
    try {
      return OffsetDateTime.parse(raw);
    } catch (DateTimeParseException e) {
      // not with an offset; try the UTC forms
    }
    try {
      return LocalDateTime.parse(raw).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // not a local date-time either
    }
    try {
      return LocalDate.parse(raw).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
