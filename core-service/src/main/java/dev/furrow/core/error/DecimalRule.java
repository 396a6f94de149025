package dev.furrow.core.error;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * How one decimal input field is checked: decimal places and range, with Django REST Framework's
 * DecimalField messages. Every policy that reads money, rates or percentages uses this one rule.
 */
public record DecimalRule(int places, BigDecimal min, @Nullable BigDecimal max) {
  /** DRF's message for text that is no number. */
  public static final String NOT_A_NUMBER = "A valid number is required.";

  /** At most this many digits before the decimal point (fits numeric(20, 2) and friends). */
  public static final int MAX_WHOLE_DIGITS = 18;

  private static final Pattern DECIMAL_TEXT =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final int MAX_NUMBER_TEXT = 100;

  /**
   * Plain or exponent notation in ASCII digits, as DRF's DecimalField reads it; null for anything
   * else, NaN and Infinity included.
   */
  @Nullable
  public static BigDecimal parse(String raw) {
    String text = raw.strip();
    if (text.length() > MAX_NUMBER_TEXT || !DECIMAL_TEXT.matcher(text).matches()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null; // an exponent beyond what BigDecimal holds
    }
  }

  /** The value as sent, or null after recording in {@code violations} why it is not acceptable. */
  @Nullable
  public BigDecimal read(String field, String raw, Violations violations) {
    BigDecimal value = parse(raw);
    if (value == null) {
      violations.add(field, NOT_A_NUMBER);
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > places) {
      violations.add(field, "Ensure that there are no more than " + places + " decimal places.");
      return null;
    }
    if ((long) stripped.precision() - stripped.scale() > MAX_WHOLE_DIGITS) {
      violations.add(
          field,
          "Ensure that there are no more than "
              + MAX_WHOLE_DIGITS
              + " digits before the decimal point.");
      return null;
    }
    if (value.compareTo(min) < 0) {
      violations.add(
          field, "Ensure this value is greater than or equal to " + min.toPlainString() + ".");
      return null;
    }
    if (max != null && value.compareTo(max) > 0) {
      violations.add(
          field, "Ensure this value is less than or equal to " + max.toPlainString() + ".");
      return null;
    }
    return value;
  }
}
