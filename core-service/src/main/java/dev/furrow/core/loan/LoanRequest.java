package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A checked request to open a loan account: the application it names (not yet looked up) and the
 * partner's custom field as sent.
 */
public record LoanRequest(
    UUID applicationId, String applicationAsSent, @Nullable String customField) {
  public LoanRequest {
    requireNonNull(applicationId, "applicationId");
    requireNonNull(applicationAsSent, "applicationAsSent");
  }
}
