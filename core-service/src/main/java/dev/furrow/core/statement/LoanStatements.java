package dev.furrow.core.statement;

import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.ResourceFilters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A partner's reads of its loans' statements. Another partner's loan or statement, an unknown one
 * and an id that is not a UUID are "Not found.".
 */
public final class LoanStatements {
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * Statement lists take only {@code limit} and {@code offset}, read and checked as every list of
   * the lending API reads them (default 20, at most 100, the same field errors).
   */
  private static final ResourceFilters PAGING =
      ResourceFilters.builder().tiebreaker("s.number").build();

  private final StatementRepository repository;

  public LoanStatements(StatementRepository repository) {
    this.repository = repository;
  }

  /**
   * A page of the loan's statements, newest first; {@code limit} and {@code offset} are text
   * (blank: the defaults) and are checked before the loan is looked up.
   */
  public StatementPage list(
      long partnerId, String loanId, @Nullable String limit, @Nullable String offset) {
    CompiledQuery page = PAGING.compile(Map.of(), null, limit, offset);
    return parseUuid(loanId)
        .flatMap(id -> repository.page(partnerId, id, page.limit(), page.offset()))
        .orElseThrow(() -> new NotFoundException("Not found."));
  }

  /** One of the partner's statements with its transactions in posting order. */
  public Statement get(long partnerId, String id) {
    return parseUuid(id)
        .flatMap(uuid -> repository.find(partnerId, uuid))
        .orElseThrow(() -> new NotFoundException("Not found."));
  }

  private static Optional<UUID> parseUuid(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }
}
