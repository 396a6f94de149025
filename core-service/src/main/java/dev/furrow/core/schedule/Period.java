package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One repayment period: from {@code start} (the disbursement or the previous due date, included) to
 * {@code due} (excluded), the days interest is charged for in it, and what its instalment asks.
 */
public record Period(
    int number, LocalDate start, LocalDate due, int interestDays, InstalmentKind kind) {
  public Period {
    requireNonNull(start, "start");
    requireNonNull(due, "due");
    requireNonNull(kind, "kind");
    if (!due.isAfter(start)) {
      throw new IllegalArgumentException("due: " + due + " (expected: after " + start + ")");
    }
    if (interestDays < 0) {
      throw new IllegalArgumentException("interestDays: " + interestDays + " (expected: >= 0)");
    }
  }
}
