package dev.furrow.core.delinquency;

import dev.furrow.core.error.NotFoundException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A partner's reads of delinquency: one loan's, and portfolio at risk over its loans. */
public final class Portfolio {
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final DelinquencyRepository repository;

  public Portfolio(DelinquencyRepository repository) {
    this.repository = repository;
  }

  /** One of the partner's loans; another partner's, an unknown one or a non-UUID is not found. */
  public LoanDelinquency delinquency(long partnerId, String loanId) {
    return parseUuid(loanId)
        .flatMap(id -> repository.delinquency(partnerId, id))
        .orElseThrow(() -> new NotFoundException("Not found."));
  }

  /** PAR1, PAR30 and PAR90 of the partner's running loans. */
  public PortfolioAtRisk portfolioAtRisk(long partnerId) {
    return PortfolioAtRisk.of(repository.businessDate(), repository.portfolioAtRisk(partnerId));
  }

  private static Optional<UUID> parseUuid(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }
}
