package dev.furrow.core.product;

/** How a term loan's schedule changes after an early repayment. */
public enum EarlyRepaymentRecalculation {
  /** The repayment retires the last instalments first, so the loan ends sooner. */
  FROM_LAST_INSTALMENT,
  /** The number of instalments stays; each remaining one gets smaller. */
  REDUCED_INSTALMENTS;

  public String code() {
    return Codes.of(this);
  }
}
