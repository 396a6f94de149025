package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A statement's money: the opening balances (the previous statement's closing), the period's
 * transactions, the interest accrued in the period and the closing balances. Interest is what the
 * interest balance grew by beyond the transactions' own changes to it: between statements only
 * transactions and close of business's accrual change it.
 *
 * <p>Built only when {@code closing = opening + disbursements - repayments + fees + interest +
 * reversals} holds to the cent; anything else means a balance moved outside transactions and
 * accrual, which is a bug, so it fails loudly rather than issue a statement that does not add up.
 */
public record StatementFigures(
    Balances opening, PeriodTransactions period, BigDecimal interest, Balances closing) {
  public StatementFigures {
    requireNonNull(opening, "opening");
    requireNonNull(period, "period");
    requireNonNull(interest, "interest");
    requireNonNull(closing, "closing");
    BigDecimal expected =
        opening
            .total()
            .add(period.disbursements())
            .subtract(period.repayments())
            .add(period.fees())
            .add(interest)
            .add(period.reversals());
    if (expected.compareTo(closing.total()) != 0) {
      throw new IllegalStateException(
          "Statement does not add up: opening "
              + opening.total()
              + " + disbursements "
              + period.disbursements()
              + " - repayments "
              + period.repayments()
              + " + fees "
              + period.fees()
              + " + interest "
              + interest
              + " + reversals "
              + period.reversals()
              + " = "
              + expected
              + ", but the closing balance is "
              + closing.total()
              + ".");
    }
  }

  /** The figures of a period from its opening and closing balances and its transactions. */
  public static StatementFigures of(Balances opening, PeriodTransactions period, Balances closing) {
    BigDecimal interest =
        closing.interest().subtract(opening.interest()).subtract(period.change().interest());
    return new StatementFigures(opening, period, interest, closing);
  }

  public BigDecimal openingBalance() {
    return opening.total();
  }

  public BigDecimal closingBalance() {
    return closing.total();
  }
}
