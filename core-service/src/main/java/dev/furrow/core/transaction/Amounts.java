package dev.furrow.core.transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money arithmetic of transactions: amounts with exactly two decimal places, and the one
 * rounding rule, half to even at the cent, wherever a percentage makes more digits.
 */
final class Amounts {
  static final BigDecimal ZERO = new BigDecimal("0.00");
  static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Amounts() {}

  /** Money with two decimal places; the value must already have at most two. */
  static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** {@code percent} % of {@code base}, rounded half to even to the cent. */
  static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
    return base.multiply(percent).divide(HUNDRED).setScale(2, ROUNDING);
  }

  /** A percentage without trailing zeros and never in exponent form ("1.5", "100"). */
  static BigDecimal percentage(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
  }

  static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
