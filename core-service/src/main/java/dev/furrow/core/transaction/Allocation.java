package dev.furrow.core.transaction;

import dev.furrow.core.loan.LoanBalances;
import java.math.BigDecimal;

/**
 * How a repayment is split: fees, then interest, then principal, first against what is due now (the
 * pending balances) and then against what is not due yet. Once schedules exist, pending will itself
 * be ordered overdue before current.
 */
record Allocation(
    BigDecimal pendingFee,
    BigDecimal pendingInterest,
    BigDecimal pendingPrincipal,
    BigDecimal fee,
    BigDecimal interest,
    BigDecimal principal) {

  /** Splits {@code amount}, which must not exceed the outstanding total, over {@code b}. */
  static Allocation of(LoanBalances b, BigDecimal amount) {
    if (amount.compareTo(b.outstanding()) > 0) {
      throw new IllegalArgumentException(
          "amount: " + amount + " (expected: <= outstanding " + b.outstanding() + ")");
    }
    Remainder left = new Remainder(amount);
    BigDecimal pendingFee = left.take(b.pendingFee());
    BigDecimal pendingInterest = left.take(b.pendingInterest());
    BigDecimal pendingPrincipal = left.take(b.pendingPrincipal());
    BigDecimal fee = pendingFee.add(left.take(b.fee().subtract(pendingFee)));
    BigDecimal interest = pendingInterest.add(left.take(b.interest().subtract(pendingInterest)));
    BigDecimal principal =
        pendingPrincipal.add(left.take(b.principal().subtract(pendingPrincipal)));
    return new Allocation(pendingFee, pendingInterest, pendingPrincipal, fee, interest, principal);
  }

  /** The repayment's effect: every allocated part owed no more. */
  BalanceChange change() {
    return new BalanceChange(
        principal.negate(),
        interest.negate(),
        fee.negate(),
        pendingPrincipal.negate(),
        pendingInterest.negate(),
        pendingFee.negate());
  }

  /** What is left of the repayment while it is allocated. */
  private static final class Remainder {
    private BigDecimal left;

    Remainder(BigDecimal amount) {
      this.left = amount;
    }

    BigDecimal take(BigDecimal owed) {
      BigDecimal taken = Amounts.min(left, owed);
      left = left.subtract(taken);
      return taken;
    }
  }
}
