package dev.furrow.core.product;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The canonical forms of product decimals, so that what a partner reads back never depends on how
 * the value was typed or stored: money has exactly two decimal places ("1500000.00"), percentages
 * have no trailing zeros ("5", "5.5", "0.125").
 */
final class Decimals {
  private Decimals() {}

  /** Money with two decimal places; the value must already have at most two. */
  static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A percentage without trailing zeros and never in exponent form. */
  static BigDecimal percentage(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
  }
}
