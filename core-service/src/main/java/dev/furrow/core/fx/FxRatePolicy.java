package dev.furrow.core.fx;

import dev.furrow.core.error.DecimalRule;
import dev.furrow.core.error.Violations;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** Checks an operator's FX rate: a real ISO currency and a positive rate of up to 8 decimals. */
public final class FxRatePolicy {
  private static final DecimalRule RATE = new DecimalRule(8, new BigDecimal("0.00000001"), null);
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  /** The currency code, reported when it is not a known ISO 4217 code. */
  public static String currency(String raw, Violations v) {
    String code = raw == null ? "" : raw.strip();
    if (code.isEmpty()) {
      v.add("currency", "This field is required.");
      return code;
    }
    boolean known = CODE.matcher(code).matches();
    if (known) {
      try {
        Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        known = false;
      }
    }
    v.check(!known, "currency", "\"" + code + "\" is not a valid choice.");
    return code;
  }

  /** The rate, reported when it is missing, not a number, not positive or too precise. */
  public static BigDecimal unitsPerUsd(String raw, Violations v) {
    if (raw == null || raw.isBlank()) {
      v.add("units_per_usd", "This field is required.");
      return null;
    }
    BigDecimal rate = RATE.read("units_per_usd", raw, v);
    if (rate != null && rate.precision() - rate.scale() > 12) {
      v.add(
          "units_per_usd",
          "Ensure that there are no more than 12 digits before the decimal point.");
      return null;
    }
    return rate == null ? null : rate.setScale(Math.max(2, rate.stripTrailingZeros().scale()));
  }

  private FxRatePolicy() {}
}
