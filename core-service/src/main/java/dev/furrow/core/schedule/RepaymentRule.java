package dev.furrow.core.schedule;

import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.RepaymentDateType;
import javax.annotation.Nullable;

/**
 * A product's repayment date settings: which day of the month instalments fall due, and where a
 * date that is not a business day moves. Null fields take the documented defaults: no date type
 * means the day of the month of the first disbursement, no scheduling means {@code on_day}.
 */
public record RepaymentRule(
    @Nullable RepaymentDateType type,
    @Nullable Integer dayOfMonth,
    @Nullable HolidayScheduling scheduling) {

  public RepaymentRule {
    if (type == RepaymentDateType.DAY_OF_MONTH
        && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31)) {
      throw new IllegalArgumentException("dayOfMonth: " + dayOfMonth + " (expected: 1 to 31)");
    }
  }
}
