package dev.furrow.core.payment;

import javax.annotation.Nullable;

/** The webhook body's fields exactly as the partner sent them; null means absent. */
public record PaymentInput(
    @Nullable String customerName,
    @Nullable String amountPaid,
    @Nullable String transactionCode,
    @Nullable String initiatedAt,
    @Nullable String completedAt,
    @Nullable String loanId,
    @Nullable String invoiceNumber) {}
