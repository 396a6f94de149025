package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/** The days a statement covers (both inclusive) and when its minimum payment is due. */
public record StatementPeriod(LocalDate start, LocalDate end, LocalDate dueDate) {
  public StatementPeriod {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(dueDate, "dueDate");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start: " + start + " (expected: <= end " + end + ")");
    }
    if (!dueDate.isAfter(end)) {
      throw new IllegalArgumentException("dueDate: " + dueDate + " (expected: > end " + end + ")");
    }
  }

  /** Transactions created before this instant (the end of the statement date, UTC) are its own. */
  public Instant cutoff() {
    return StatementDates.cutoff(end);
  }
}
