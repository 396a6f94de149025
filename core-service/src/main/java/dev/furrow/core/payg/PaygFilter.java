package dev.furrow.core.payg;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One filter parameter a PAYG list accepts: its query-parameter name, the SQL expression it
 * compares (trusted code, never user input) and how its value is read.
 */
public record PaygFilter(String name, String expression, Kind kind, List<String> choices) {
  /** How a filter's value is read and compared. */
  public enum Kind {
    /** Exact text match ({@code currency=NGN}). */
    TEXT,
    /** Exact match against a fixed list of values ({@code status=CURRENT}). */
    CHOICE,
    /** Exact match on a whole-number id ({@code contract=1001}). */
    ID,
    /** On or after an ISO date ({@code date_from=2026-01-01}) of a {@code date} column. */
    DATE_FROM,
    /** On or before an ISO date of a {@code date} column. */
    DATE_TO,
    /** At or after the start (UTC) of an ISO date, on a {@code timestamptz} column. */
    INSTANT_FROM,
    /** Before the end (UTC) of an ISO date, on a {@code timestamptz} column. */
    INSTANT_TO
  }

  public PaygFilter {
    requireNonNull(name, "name");
    requireNonNull(expression, "expression");
    requireNonNull(kind, "kind");
    choices = List.copyOf(choices);
    if (kind == Kind.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choices: empty (expected: at least one for CHOICE)");
    }
  }
}
