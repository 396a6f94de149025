package dev.furrow.core.loan;

import java.math.BigDecimal;

/** Money constants of loans; the display forms are {@link dev.furrow.core.money.Decimals}. */
final class Money {
  static final BigDecimal ZERO = new BigDecimal("0.00");

  private Money() {}
}
