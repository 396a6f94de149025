package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * What a loan account was opened with, copied from its application and product when opened and
 * never changed afterwards, so later edits elsewhere cannot alter a running loan.
 */
public record LoanTerms(
    UUID applicationId,
    UUID endUserId,
    UUID productId,
    BigDecimal amount,
    BigDecimal interestRate,
    @Nullable Integer installments,
    @Nullable Integer graceInstalments,
    @Nullable Integer principalRepaymentGrace,
    @Nullable Integer arrearsTolerance,
    String currency,
    @Nullable String customField) {

  public LoanTerms {
    requireNonNull(applicationId, "applicationId");
    requireNonNull(endUserId, "endUserId");
    requireNonNull(productId, "productId");
    amount = Decimals.money(requireNonNull(amount, "amount"));
    interestRate = Decimals.percentage(requireNonNull(interestRate, "interestRate"));
    requireNonNull(currency, "currency");
  }
}
