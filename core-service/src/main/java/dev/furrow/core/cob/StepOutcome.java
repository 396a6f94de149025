package dev.furrow.core.cob;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * What a step did for a date: rows changed, money posted (zero for steps that post none) and the
 * commits it made.
 */
public record StepOutcome(long rows, BigDecimal amount, int chunks) {
  public StepOutcome {
    requireNonNull(amount, "amount");
    if (rows < 0) {
      throw new IllegalArgumentException("rows: " + rows + " (expected: >= 0)");
    }
    if (chunks < 0) {
      throw new IllegalArgumentException("chunks: " + chunks + " (expected: >= 0)");
    }
  }

  /** Rows changed in one commit, posting no money. */
  public static StepOutcome rows(long rows) {
    return new StepOutcome(rows, BigDecimal.ZERO.setScale(2), 1);
  }
}
