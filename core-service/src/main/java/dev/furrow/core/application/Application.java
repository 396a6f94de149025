package dev.furrow.core.application;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * An application as stored: its terms, where it stands, the decision (reason and time) once
 * underwriting ran, and the loan account opened for it, after which it is immutable.
 */
public record Application(
    UUID id,
    ApplicationTerms terms,
    ApplicationStatus status,
    @Nullable String reason,
    @Nullable Instant processingFinishedAt,
    Instant created,
    Instant updated,
    @Nullable UUID loanId) {

  public Application {
    requireNonNull(id, "id");
    requireNonNull(terms, "terms");
    requireNonNull(status, "status");
    requireNonNull(created, "created");
    requireNonNull(updated, "updated");
  }

  /** Whether a loan account was opened for it, which freezes it for good. */
  public boolean hasLoan() {
    return loanId != null;
  }

  /** The same application with other terms (PUT, PATCH). */
  Application withTerms(ApplicationTerms newTerms, Instant now) {
    return new Application(
        id, newTerms, status, reason, processingFinishedAt, created, now, loanId);
  }

  /** Decided by underwriting at {@code now}. */
  Application decided(Decision decision, Instant now) {
    return new Application(
        id, terms, decision.status(), decision.reason(), now, created, now, loanId);
  }

  /** Incomplete again, without the decision it had. */
  Application reopened(Instant now) {
    return new Application(
        id, terms, ApplicationStatus.INCOMPLETE, null, null, created, now, loanId);
  }

  /** Withdrawn, keeping the decision it had, if any. */
  Application withdrawn(Instant now) {
    return new Application(
        id, terms, ApplicationStatus.WITHDRAWN, reason, processingFinishedAt, created, now, loanId);
  }
}
