package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.ledger.JournalEntry;
import dev.furrow.core.loan.LoanState;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * A transaction about to be applied: what it is, its effect, the loan state it leaves and the
 * journal entry it posts. The partner's request yields one; a first disbursement also yields one
 * per disbursement fee of the product, which carry no idempotency key.
 */
public record Posting(
    TransactionType type,
    BigDecimal amount,
    @Nullable String feeName,
    @Nullable DefaultFee.Type feeType,
    @Nullable BigDecimal customFeeAmount,
    @Nullable String idempotencyKey,
    @Nullable String fingerprint,
    @Nullable String customField,
    Effect effect,
    LoanState after,
    JournalEntry entry) {
  public Posting {
    requireNonNull(type, "type");
    requireNonNull(amount, "amount");
    requireNonNull(effect, "effect");
    requireNonNull(after, "after");
    requireNonNull(entry, "entry");
  }
}
