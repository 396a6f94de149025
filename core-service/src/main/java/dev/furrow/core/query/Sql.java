package dev.furrow.core.query;

import java.util.regex.Pattern;

/** Small helpers for composing SQL from developer-chosen expressions. */
final class Sql {
  private static final Pattern COLUMN =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  private Sql() {}

  /**
   * The expression ready to sit beside an operator: a plain column ({@code a.status}) as is,
   * anything else in parentheses so that operator precedence cannot change its meaning.
   */
  static String operand(String expression) {
    String trimmed = expression.strip();
    return COLUMN.matcher(trimmed).matches() ? trimmed : "(" + trimmed + ")";
  }

  /**
   * {@code value} as a LIKE pattern matching it literally anywhere, escaped with backslash (LIKE's
   * default escape).
   */
  static String containsPattern(String value) {
    String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
