package dev.furrow.core.loan;

import dev.furrow.core.ledger.JournalEntry;
import dev.furrow.core.ledger.PostingRules;
import java.util.Optional;

/**
 * What a write-off posts: when a change closes a loan as written off, the balances it was closed
 * with move from the receivables to the loss account. The loan keeps those balances as the record
 * of the debt written off, and its journal's receivables go to zero.
 */
final class WriteOff {
  private WriteOff() {}

  /** The entry the change from {@code before} to {@code after} posts; empty unless a write-off. */
  static Optional<JournalEntry> entry(LoanState before, LoanState after) {
    LoanClosure closure = after.closure();
    if (before.status() == LoanStatus.CLOSED
        || closure == null
        || closure.substatus() != CloseSubstatus.WRITTEN_OFF) {
      return Optional.empty();
    }
    LoanBalances written = after.balances();
    return PostingRules.writeOff(written.principal(), written.interest(), written.fee());
  }
}
