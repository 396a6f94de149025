package dev.furrow.core.ledger;

import dev.furrow.core.error.NotFoundException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a loan's ledger: recomputes its balances from the journal and compares them with the loan
 * row, and counts entries whose debits and credits differ. For the loan's partner, or for an
 * operator on any partner's loan; an unknown loan (or one of another partner) is "Not found.".
 */
public final class LedgerAudit {
  static final String NOT_FOUND = "Not found.";

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final LedgerRepository repository;

  public LedgerAudit(LedgerRepository repository) {
    this.repository = repository;
  }

  /** The check of one of the partner's loans. */
  public LedgerCheck check(long partnerId, String loanId) {
    return parse(loanId)
        .flatMap(id -> repository.check(partnerId, id))
        .orElseThrow(LedgerAudit::notFound);
  }

  /** The check of any partner's loan. */
  public LedgerCheck checkAnyPartner(String loanId) {
    return parse(loanId).flatMap(repository::checkAnyPartner).orElseThrow(LedgerAudit::notFound);
  }

  private static Optional<UUID> parse(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }

  private static NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND);
  }
}
