package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * What a statement period's transactions add up to: the amounts of its disbursements, repayments
 * and fees (reversal rows excluded; a transaction reverted later still counts, its reversal undoes
 * it), the signed balance change of its reversals, and the summed signed change of every one of
 * them to each balance.
 */
public record PeriodTransactions(
    BigDecimal disbursements,
    BigDecimal repayments,
    BigDecimal fees,
    BigDecimal reversals,
    Balances change) {
  public static final PeriodTransactions NONE =
      new PeriodTransactions(
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Balances.ZERO);

  public PeriodTransactions {
    requireNonNull(change, "change");
    disbursements = disbursements.setScale(2);
    repayments = repayments.setScale(2);
    fees = fees.setScale(2);
    reversals = reversals.setScale(2);
  }
}
