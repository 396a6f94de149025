package dev.furrow.core.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a loan owes, as the loan row states it or as its journal adds up; money, 2 decimals. */
public record LedgerBalances(BigDecimal principal, BigDecimal interest, BigDecimal fee) {
  public LedgerBalances {
    principal = requireNonNull(principal, "principal").setScale(2, RoundingMode.UNNECESSARY);
    interest = requireNonNull(interest, "interest").setScale(2, RoundingMode.UNNECESSARY);
    fee = requireNonNull(fee, "fee").setScale(2, RoundingMode.UNNECESSARY);
  }

  /** Nothing owed. */
  public static final LedgerBalances ZERO =
      new LedgerBalances(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

  /** These balances less {@code other}'s, part by part. */
  public LedgerBalances minus(LedgerBalances other) {
    return new LedgerBalances(
        principal.subtract(other.principal),
        interest.subtract(other.interest),
        fee.subtract(other.fee));
  }

  /** Principal, interest and fee together. */
  public BigDecimal outstanding() {
    return principal.add(interest).add(fee);
  }

  /** Whether every balance is the same to the cent. */
  public boolean matches(LedgerBalances other) {
    return principal.compareTo(other.principal) == 0
        && interest.compareTo(other.interest) == 0
        && fee.compareTo(other.fee) == 0;
  }
}
