package dev.furrow.core.product;

/** How a term loan's instalments are computed. */
public enum InterestCalculation {
  /** The principal is split evenly; interest follows the declining balance. */
  EQUAL_PRINCIPAL,
  /** Every instalment has the same total (annuity), the last one absorbing rounding. */
  EVEN_TOTAL;

  public String code() {
    return Codes.of(this);
  }
}
