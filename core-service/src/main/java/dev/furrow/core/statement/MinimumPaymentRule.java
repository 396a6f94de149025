package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.annotation.Nullable;

/**
 * A revolving credit product's minimum payment: {@code percent} of the closing balance (half to
 * even, to the cent), at least {@code floor} when the product has one, never more than what the
 * closing balance leaves after the minimums still unpaid from earlier statements, never below 0.
 */
public record MinimumPaymentRule(BigDecimal percent, @Nullable BigDecimal floor) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public MinimumPaymentRule {
    requireNonNull(percent, "percent");
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("percent: " + percent + " (expected: > 0, <= 100)");
    }
    if (floor != null && floor.signum() <= 0) {
      throw new IllegalArgumentException("floor: " + floor + " (expected: > 0)");
    }
  }

  /** This statement's own minimum, with {@code pastDue} unpaid from earlier statements. */
  public BigDecimal minimum(BigDecimal closingBalance, BigDecimal pastDue) {
    BigDecimal share = closingBalance.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
    BigDecimal asked = floor == null ? share : share.max(floor);
    BigDecimal room = closingBalance.subtract(pastDue);
    return asked.min(room).max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * What the minimum asks for of each balance, as its instalment records it: fees first, then
   * interest, the rest principal.
   */
  public static Balances split(BigDecimal minimum, Balances closing) {
    BigDecimal fee = minimum.min(closing.fee()).max(BigDecimal.ZERO);
    BigDecimal interest = minimum.subtract(fee).min(closing.interest()).max(BigDecimal.ZERO);
    return new Balances(minimum.subtract(fee).subtract(interest), interest, fee);
  }
}
