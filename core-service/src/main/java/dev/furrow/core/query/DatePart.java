package dev.furrow.core.query;

/** A part of a date the {@code __year}, {@code __month} and {@code __day} filters compare. */
enum DatePart {
  YEAR("year", "YEAR", 1, 9999),
  MONTH("month", "MONTH", 1, 12),
  DAY("day", "DAY", 1, 31);

  private final String suffix;
  private final String sqlField;
  private final int min;
  private final int max;

  DatePart(String suffix, String sqlField, int min, int max) {
    this.suffix = suffix;
    this.sqlField = sqlField;
    this.min = min;
    this.max = max;
  }

  String suffix() {
    return suffix;
  }

  /** The field name {@code EXTRACT} takes; a constant, never user text. */
  String sqlField() {
    return sqlField;
  }

  int min() {
    return min;
  }

  int max() {
    return max;
  }
}
