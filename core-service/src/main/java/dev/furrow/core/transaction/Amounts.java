package dev.furrow.core.transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money arithmetic of transactions: the one rounding rule, half to even at the cent, wherever a
 * percentage makes more digits. Display forms are {@link dev.furrow.core.money.Decimals}.
 */
final class Amounts {
  static final BigDecimal ZERO = new BigDecimal("0.00");
  static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Amounts() {}

  /** {@code percent} % of {@code base}, rounded half to even to the cent. */
  static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
    return base.multiply(percent).divide(HUNDRED).setScale(2, ROUNDING);
  }

  static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
