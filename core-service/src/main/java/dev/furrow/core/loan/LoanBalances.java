package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;

/**
 * What a loan account owes. The first three are the outstanding totals; the pending ones are the
 * part of each that is due now (the current instalment and anything overdue), so never more than
 * the outstanding total. All money with two decimal places, never negative.
 */
public record LoanBalances(
    BigDecimal principal,
    BigDecimal interest,
    BigDecimal fee,
    BigDecimal pendingPrincipal,
    BigDecimal pendingInterest,
    BigDecimal pendingFee) {

  /** A new account's balances: nothing disbursed, nothing owed. */
  public static final LoanBalances NONE =
      new LoanBalances(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

  public LoanBalances {
    principal = amount(principal, "principal");
    interest = amount(interest, "interest");
    fee = amount(fee, "fee");
    pendingPrincipal = pending(pendingPrincipal, principal, "pendingPrincipal");
    pendingInterest = pending(pendingInterest, interest, "pendingInterest");
    pendingFee = pending(pendingFee, fee, "pendingFee");
  }

  /** Everything owed: principal, interest and fees. */
  public BigDecimal outstanding() {
    return principal.add(interest).add(fee);
  }

  private static BigDecimal amount(BigDecimal value, String name) {
    requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
    }
    return Decimals.money(value);
  }

  private static BigDecimal pending(BigDecimal value, BigDecimal outstanding, String name) {
    BigDecimal amount = amount(value, name);
    if (amount.compareTo(outstanding) > 0) {
      throw new IllegalArgumentException(
          name + ": " + amount + " (expected: <= outstanding " + outstanding + ")");
    }
    return amount;
  }
}
