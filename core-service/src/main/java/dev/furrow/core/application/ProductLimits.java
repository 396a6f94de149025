package dev.furrow.core.application;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.ProductType;
import java.math.BigDecimal;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * The part of a product an application depends on: whether it may be applied for, its type (which
 * decides whether installments apply), and the limits and defaults of amount, rate and
 * installments. Amounts have two decimal places, rates no trailing zeros, as products show them.
 */
public record ProductLimits(
    UUID id,
    ProductType type,
    boolean published,
    @Nullable BigDecimal maxLoanAmount,
    @Nullable BigDecimal defaultLoanAmount,
    @Nullable BigDecimal maxInterestRate,
    @Nullable BigDecimal defaultInterestRate,
    @Nullable Integer installments) {

  public ProductLimits {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    maxLoanAmount = Decimals.money(maxLoanAmount);
    defaultLoanAmount = Decimals.money(defaultLoanAmount);
    maxInterestRate = Decimals.percentage(maxInterestRate);
    defaultInterestRate = Decimals.percentage(defaultInterestRate);
  }
}
