package dev.furrow.core.loan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The canonical forms of loan decimals: money with exactly two decimal places ("1500.00"), rates
 * without trailing zeros and never in exponent form ("5", "5.5").
 */
final class Money {
  static final BigDecimal ZERO = new BigDecimal("0.00");

  private Money() {}

  /** Money with two decimal places; the value must already have at most two. */
  static BigDecimal of(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A rate without trailing zeros. */
  static BigDecimal rate(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
  }
}
