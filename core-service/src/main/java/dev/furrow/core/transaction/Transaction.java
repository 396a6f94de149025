package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A transaction as stored. {@code seq} is its place in the order of postings (within a loan, the
 * order they were applied in); {@code effect} is null only while pending; {@code fingerprint}
 * identifies the request its idempotency key was first used with.
 */
public record Transaction(
    UUID id,
    UUID loanId,
    long seq,
    TransactionType type,
    TransactionStatus status,
    BigDecimal amount,
    @Nullable String feeName,
    @Nullable DefaultFee.Type feeType,
    @Nullable BigDecimal customFeeAmount,
    @Nullable String idempotencyKey,
    @Nullable String fingerprint,
    @Nullable String customField,
    @Nullable UUID previousTransaction,
    @Nullable UUID relatedTransaction,
    @Nullable Instant completedAt,
    @Nullable Instant revertedAt,
    @Nullable Effect effect,
    @Nullable UUID statement,
    Instant created,
    Instant updated) {

  public Transaction {
    requireNonNull(id, "id");
    requireNonNull(loanId, "loanId");
    requireNonNull(type, "type");
    requireNonNull(status, "status");
    amount = Decimals.money(requireNonNull(amount, "amount"));
    requireNonNull(created, "created");
    requireNonNull(updated, "updated");
    if ((status == TransactionStatus.PENDING) != (effect == null)) {
      throw new IllegalArgumentException(
          "effect: " + effect + " (expected: set exactly when the transaction is not pending)");
    }
  }
}
