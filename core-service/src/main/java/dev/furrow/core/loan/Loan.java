package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A partner's loan account as stored. {@code lastTransaction} and {@code businessDaysInPeriod} stay
 * null until transactions and repayment schedules exist.
 */
public record Loan(
    UUID id,
    LoanTerms terms,
    LoanState state,
    @Nullable UUID lastTransaction,
    @Nullable Integer businessDaysInPeriod,
    Instant created,
    Instant updated) {
  public Loan {
    requireNonNull(id, "id");
    requireNonNull(terms, "terms");
    requireNonNull(state, "state");
    requireNonNull(created, "created");
    requireNonNull(updated, "updated");
  }
}
