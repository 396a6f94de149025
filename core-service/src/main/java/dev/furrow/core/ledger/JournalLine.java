package dev.furrow.core.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One line of a journal entry: a debit or a credit of one account, money with 2 decimals. */
public record JournalLine(LedgerAccount account, BigDecimal debit, BigDecimal credit) {
  private static final BigDecimal ZERO = new BigDecimal("0.00");

  public JournalLine {
    requireNonNull(account, "account");
    debit = money(requireNonNull(debit, "debit"), "debit");
    credit = money(requireNonNull(credit, "credit"), "credit");
    if ((debit.signum() == 0) == (credit.signum() == 0)) {
      throw new IllegalArgumentException(
          "debit: " + debit + ", credit: " + credit + " (expected: exactly one above zero)");
    }
  }

  public static JournalLine debit(LedgerAccount account, BigDecimal amount) {
    return new JournalLine(account, amount, ZERO);
  }

  public static JournalLine credit(LedgerAccount account, BigDecimal amount) {
    return new JournalLine(account, ZERO, amount);
  }

  /** The same amount on the other side of the same account. */
  public JournalLine mirror() {
    return new JournalLine(account, credit, debit);
  }

  private static BigDecimal money(BigDecimal value, String name) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
    }
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }
}
