package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * The application a loan account is to be opened for, read under lock, with the terms of its
 * product that the loan copies. {@code status} is the application's status code as stored.
 */
public record ApplicationSnapshot(
    UUID id,
    String status,
    @Nullable UUID loanId,
    UUID endUserId,
    UUID productId,
    BigDecimal amount,
    BigDecimal rate,
    @Nullable Integer installments,
    String productType,
    @Nullable Integer productInstallments,
    @Nullable Integer defaultGraceInstalments,
    @Nullable Integer principalRepaymentGrace,
    @Nullable Integer arrearsTolerance,
    String currency) {
  public ApplicationSnapshot {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    requireNonNull(endUserId, "endUserId");
    requireNonNull(productId, "productId");
    requireNonNull(amount, "amount");
    requireNonNull(rate, "rate");
    requireNonNull(productType, "productType");
    requireNonNull(currency, "currency");
  }
}
