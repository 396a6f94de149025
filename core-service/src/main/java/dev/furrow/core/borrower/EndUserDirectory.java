package dev.furrow.core.borrower;

import dev.furrow.core.error.NotFoundException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** A partner's use cases for its end users: register, look up, replace and amend them. */
public final class EndUserDirectory {
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final EndUserRepository repository;
  private final EndUserPolicy policy;
  private final Clock clock;

  public EndUserDirectory(EndUserRepository repository, EndUserPolicy policy, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
  }

  public EndUser create(long partnerId, EndUserInput input) {
    return repository.insert(partnerId, policy.validate(input), clock.instant());
  }

  /** The partner's end user; another partner's, or an id that is not a UUID, is not found. */
  public EndUser get(long partnerId, String id) {
    return parseId(id)
        .flatMap(uuid -> repository.find(partnerId, uuid))
        .orElseThrow(EndUserDirectory::notFound);
  }

  /** Full replace (PUT): required fields must all be present; absent optional fields are unset. */
  public EndUser replace(long partnerId, String id, EndUserInput input) {
    return update(partnerId, id, current -> policy.validate(input));
  }

  /** Partial update (PATCH): only {@code fields} change, to their values in {@code input}. */
  public EndUser amend(long partnerId, String id, EndUserInput input, Set<EndUserField> fields) {
    return update(partnerId, id, current -> policy.merge(current, input, fields));
  }

  /**
   * A page of the partner's end users. {@code filters} maps parameter names ({@code
   * last_name__iexact}) to raw values; sort, limit and offset are raw text, null or blank for the
   * defaults. Every unusable parameter is reported at once.
   */
  public EndUserPage list(
      long partnerId,
      Map<String, String> filters,
      @Nullable String sort,
      @Nullable String limit,
      @Nullable String offset) {
    return repository.list(
        partnerId, EndUserRepository.FILTERS.compile(filters, sort, limit, offset));
  }

  private EndUser update(long partnerId, String id, UnaryOperator<EndUserDetails> change) {
    UUID uuid = parseId(id).orElseThrow(EndUserDirectory::notFound);
    return repository
        .update(partnerId, uuid, change, clock.instant())
        .orElseThrow(EndUserDirectory::notFound);
  }

  /**
   * The UUID in canonical form, either case. {@link UUID#fromString} alone also takes shortened
   * groups such as "1-2-3-4-5", which would name a different id than the one the client typed.
   */
  private static Optional<UUID> parseId(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Not found.");
  }
}
