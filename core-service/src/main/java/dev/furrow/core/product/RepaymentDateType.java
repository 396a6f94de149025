package dev.furrow.core.product;

/** Which day of the month repayments fall on. */
public enum RepaymentDateType {
  /** The day given by the product's {@code repayment_date_period}. */
  DAY_OF_MONTH,
  /** The last business day of the month. */
  LAST_DAY_OF_MONTH,
  /** The first business day of the month. */
  FIRST_DAY_OF_MONTH;

  public String code() {
    return Codes.of(this);
  }
}
