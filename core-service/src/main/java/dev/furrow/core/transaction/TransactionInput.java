package dev.furrow.core.transaction;

import javax.annotation.Nullable;

/** A request to create a transaction exactly as a client sent it; null means absent. */
public record TransactionInput(
    @Nullable String loan,
    @Nullable String type,
    @Nullable String amount,
    @Nullable String feeName,
    @Nullable String feeType,
    @Nullable String idempotencyKey,
    @Nullable String customField) {}
