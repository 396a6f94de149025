package dev.furrow.core.ledger;

import java.math.BigDecimal;
import java.util.List;

/** The lines one posting writes: at least two, debits equal to credits. */
public record JournalEntry(List<JournalLine> lines) {
  public JournalEntry {
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException("lines: " + lines.size() + " (expected: at least 2)");
    }
    BigDecimal debits = sum(lines, true);
    BigDecimal credits = sum(lines, false);
    if (debits.compareTo(credits) != 0) {
      throw new IllegalArgumentException(
          "debits " + debits + " and credits " + credits + " (expected: equal)");
    }
  }

  /** The sum of the debits, which is also the sum of the credits. */
  public BigDecimal total() {
    return sum(lines, true);
  }

  /** The entry that undoes this one: every line on the other side, in the same order. */
  public JournalEntry mirror() {
    return new JournalEntry(lines.stream().map(JournalLine::mirror).toList());
  }

  private static BigDecimal sum(List<JournalLine> lines, boolean debits) {
    return lines.stream()
        .map(debits ? JournalLine::debit : JournalLine::credit)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
