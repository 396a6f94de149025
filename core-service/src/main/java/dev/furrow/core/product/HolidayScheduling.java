package dev.furrow.core.product;

/** Where a repayment date that falls on a holiday moves to. */
public enum HolidayScheduling {
  LAST_BUSINESS_DAY_BEFORE_THE_DAY,
  FIRST_BUSINESS_DAY_AFTER_THE_DAY,
  /** The date does not move. */
  ON_DAY;

  public String code() {
    return Codes.of(this);
  }
}
