package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.ledger.JournalEntry;
import dev.furrow.core.loan.LoanState;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * The undoing of one applied transaction, about to be stored: its effect (the negation of the
 * original's), the loan state it leaves, the mirror of the original's journal entry, and the loan's
 * latest applied transaction afterwards (the original's previous one).
 */
public record Reversal(
    Transaction original,
    Effect effect,
    LoanState after,
    JournalEntry entry,
    @Nullable UUID lastTransactionAfter) {
  public Reversal {
    requireNonNull(original, "original");
    requireNonNull(effect, "effect");
    requireNonNull(after, "after");
    requireNonNull(entry, "entry");
  }
}
