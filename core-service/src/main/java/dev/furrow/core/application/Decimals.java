package dev.furrow.core.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.annotation.Nullable;

/**
 * The canonical forms applications show decimals in, the same as products: money with two decimal
 * places ("1500000.00"), rates without trailing zeros ("5", "5.5").
 */
final class Decimals {
  private Decimals() {}

  /** Money with two decimal places; the value must already have at most two. */
  @Nullable
  static BigDecimal money(@Nullable BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A percentage without trailing zeros and never in exponent form. */
  @Nullable
  static BigDecimal percentage(@Nullable BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
  }
}
