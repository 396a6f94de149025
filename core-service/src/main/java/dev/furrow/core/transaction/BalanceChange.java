package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.loan.LoanBalances;
import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;

/**
 * The signed change one posting makes to a loan's outstanding balances and to the pending (due now)
 * part of each. A reversal makes the {@linkplain #negate() negation} of its original's.
 */
public record BalanceChange(
    BigDecimal principal,
    BigDecimal interest,
    BigDecimal fee,
    BigDecimal pendingPrincipal,
    BigDecimal pendingInterest,
    BigDecimal pendingFee) {

  public BalanceChange {
    principal = Decimals.money(requireNonNull(principal, "principal"));
    interest = Decimals.money(requireNonNull(interest, "interest"));
    fee = Decimals.money(requireNonNull(fee, "fee"));
    pendingPrincipal = Decimals.money(requireNonNull(pendingPrincipal, "pendingPrincipal"));
    pendingInterest = Decimals.money(requireNonNull(pendingInterest, "pendingInterest"));
    pendingFee = Decimals.money(requireNonNull(pendingFee, "pendingFee"));
  }

  /** Principal owed grows by {@code amount}; none of it is due yet. */
  static BalanceChange principal(BigDecimal amount) {
    BigDecimal zero = Amounts.ZERO;
    return new BalanceChange(amount, zero, zero, zero, zero, zero);
  }

  /** Fees owed grow by {@code amount}, all of it due at once. */
  static BalanceChange fee(BigDecimal amount) {
    BigDecimal zero = Amounts.ZERO;
    return new BalanceChange(zero, zero, amount, zero, zero, amount);
  }

  public BalanceChange negate() {
    return new BalanceChange(
        principal.negate(),
        interest.negate(),
        fee.negate(),
        pendingPrincipal.negate(),
        pendingInterest.negate(),
        pendingFee.negate());
  }

  /** The change to the outstanding total. */
  public BigDecimal outstanding() {
    return principal.add(interest).add(fee);
  }

  /**
   * The balances after this change. Pending amounts are kept between zero and their outstanding
   * balance, which only matters if something other than transactions moved them in between.
   */
  LoanBalances applyTo(LoanBalances b) {
    BigDecimal newPrincipal = b.principal().add(principal);
    BigDecimal newInterest = b.interest().add(interest);
    BigDecimal newFee = b.fee().add(fee);
    return new LoanBalances(
        newPrincipal,
        newInterest,
        newFee,
        pending(b.pendingPrincipal().add(pendingPrincipal), newPrincipal),
        pending(b.pendingInterest().add(pendingInterest), newInterest),
        pending(b.pendingFee().add(pendingFee), newFee));
  }

  private static BigDecimal pending(BigDecimal value, BigDecimal outstanding) {
    return Amounts.min(value.max(Amounts.ZERO), outstanding.max(Amounts.ZERO));
  }
}
