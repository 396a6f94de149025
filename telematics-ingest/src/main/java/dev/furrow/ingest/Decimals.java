package dev.furrow.ingest;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Decimal quantities (hectares, hours, litres) as exact plain strings; never via double. */
final class Decimals {
  /** Longest plain form accepted; guards against exponents like {@code 1e999999999}. */
  static final int MAX_PLAIN_DIGITS = 64;

  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private Decimals() {}

  /**
   * Returns the plain string of a decimal given as a JSON number's text or as a decimal string, or
   * records why it is not one and returns null.
   *
   * @param shown how the value appears in error messages
   */
  static @Nullable String toPlainString(
      String field, String text, boolean isJsonNumber, String shown, FieldErrors errors) {
    if (!isJsonNumber && !PLAIN_DECIMAL.matcher(text).matches()) {
      errors.add(field, "not a decimal number (" + shown + ")");
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      errors.add(field, "not a decimal number (" + shown + ")");
      return null;
    }
    long integerDigits = Math.max(1L, (long) value.precision() - value.scale());
    long fractionDigits = Math.max(0L, value.scale());
    if (integerDigits + fractionDigits > MAX_PLAIN_DIGITS) {
      errors.add(field, "more than " + MAX_PLAIN_DIGITS + " digits (" + shown + ")");
      return null;
    }
    return value.toPlainString();
  }
}
