package dev.furrow.core.application;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * What the end user applies for, checked by {@link ApplicationPolicy}. The amount is held with two
 * decimal places ("1500000.00") and the rate without trailing zeros ("5.5"), however they were
 * typed or stored.
 */
public record ApplicationTerms(
    UUID productId,
    UUID endUserId,
    BigDecimal amount,
    @Nullable Integer installments,
    BigDecimal rate,
    @Nullable String customField) {

  public ApplicationTerms {
    requireNonNull(productId, "productId");
    requireNonNull(endUserId, "endUserId");
    amount = Decimals.money(requireNonNull(amount, "amount"));
    rate = Decimals.percentage(requireNonNull(rate, "rate"));
  }
}
