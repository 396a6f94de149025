package dev.furrow.core.transaction;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.ledger.JournalEntry;
import dev.furrow.core.loan.LoanState;
import dev.furrow.core.loan.LoanStateMachine;
import dev.furrow.core.loan.LoanStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which transactions can be reverted and what reverting does: the target and every applied
 * transaction after it on the same loan are undone, newest first, each by a reversal that negates
 * its balance changes, puts back the status it changed, and posts the mirror of its journal entry.
 */
public final class RevertPolicy {
  static final String CLOSED = "Loan is closed; transactions of a closed loan cannot be reverted.";

  /**
   * The reversals, newest original first. {@code later} holds every transaction of the loan posted
   * after the target, in any status; {@code entries} gives a transaction's journal entry.
   */
  List<Reversal> plan(
      LoanContext context,
      Transaction target,
      List<Transaction> later,
      Function<UUID, JournalEntry> entries) {
    LoanState state = context.loan().state();
    if (state.status() == LoanStatus.CLOSED) {
      throw new ConflictException(CLOSED);
    }
    if (target.status() != TransactionStatus.APPLIED) {
      throw new ConflictException(
          "Transaction is "
              + target.status().described()
              + "; only an applied transaction can be reverted.");
    }
    List<Transaction> chain = new ArrayList<>();
    for (Transaction t : later.stream().sorted((a, b) -> Long.compare(b.seq(), a.seq())).toList()) {
      if (t.status() == TransactionStatus.PENDING) {
        throw new ConflictException(
            "Transaction "
                + t.id()
                + " on this loan is pending; a transaction can only be reverted when every later"
                + " one has been applied.");
      }
      if (t.status() == TransactionStatus.APPLIED) {
        chain.add(t);
      }
    }
    chain.add(target);

    BigDecimal disbursed = context.disbursed();
    List<Reversal> reversals = new ArrayList<>();
    for (Transaction original : chain) {
      Effect done = original.effect();
      BalanceChange change = done.change().negate();
      if (original.type() == TransactionType.DISBURSEMENT) {
        disbursed = disbursed.subtract(original.amount());
      }
      LoanState after =
          LoanStateMachine.reverse(
              state,
              change.applyTo(state.balances()),
              done.statusBefore(),
              done.resultStatus(),
              disbursed.signum() > 0);
      Effect effect =
          new Effect(change, state.status(), after.status(), after.balances().outstanding());
      reversals.add(
          new Reversal(
              original,
              effect,
              after,
              entries.apply(original.id()).mirror(),
              original.previousTransaction()));
      state = after;
    }
    return reversals;
  }
}
