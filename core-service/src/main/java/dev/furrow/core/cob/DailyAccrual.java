package dev.furrow.core.cob;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The accrual rule, actual/365: a day's interest is principal × annual rate / 100 / 365, kept to
 * {@value #CARRY_SCALE} places (truncated) on top of what the loan carries below one cent; the
 * whole cents of that are posted, the fraction is carried to the next day. So no interest is lost
 * or invented by rounding, and each day posts at most one cent more than its exact share. The bulk
 * accrual in SQL ({@code CloseOfBusinessRepository}) applies the same arithmetic.
 */
public final class DailyAccrual {
  /** Places the carried fraction keeps; matches {@code loan.accrued_interest_unposted}. */
  public static final int CARRY_SCALE = 10;

  private static final BigDecimal PERCENT_DAYS_IN_YEAR = BigDecimal.valueOf(36_500);

  private DailyAccrual() {}

  /** One day's exact interest on {@code principal} at {@code annualRate} percent, truncated. */
  public static BigDecimal dayInterest(BigDecimal principal, BigDecimal annualRate) {
    return principal
        .multiply(annualRate)
        .divide(PERCENT_DAYS_IN_YEAR, CARRY_SCALE, RoundingMode.DOWN);
  }

  /** The posting of one day: whole cents to post and the fraction carried on. */
  public static Day accrue(BigDecimal carried, BigDecimal principal, BigDecimal annualRate) {
    BigDecimal total = carried.add(dayInterest(principal, annualRate));
    BigDecimal posted = total.setScale(2, RoundingMode.DOWN);
    return new Day(posted, total.subtract(posted).setScale(CARRY_SCALE, RoundingMode.UNNECESSARY));
  }

  /** A day's posted cents and the fraction left to carry. */
  public record Day(BigDecimal posted, BigDecimal carried) {}
}
