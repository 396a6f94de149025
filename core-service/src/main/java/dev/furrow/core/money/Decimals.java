package dev.furrow.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.annotation.Nullable;

/**
 * The canonical forms every resource shows decimals in: money with two decimal places
 * ("1500000.00"), rates and percentages without trailing zeros and never in exponent form ("5",
 * "5.5"). Neither rounds: a value with more places than its form allows is a bug upstream.
 */
public final class Decimals {
  private Decimals() {}

  /** Money with two decimal places; the value must already have at most two. Null stays null. */
  @Nullable
  public static BigDecimal money(@Nullable BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A rate or percentage without trailing zeros, 100.00 as 100. Null stays null. */
  @Nullable
  public static BigDecimal percentage(@Nullable BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
  }
}
