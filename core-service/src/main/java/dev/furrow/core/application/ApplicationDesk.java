package dev.furrow.core.application;

import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.query.CompiledQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A partner's use cases for its applications: take one in, change it while it is incomplete,
 * complete it (which decides it), reopen and withdraw it, and look applications up. Another
 * partner's application is never found.
 */
public final class ApplicationDesk {
  static final String NOT_FOUND = "Not found.";

  /** Mask paths may name a field relative to the request: {@code application.amount}. */
  private static final String MASK_PREFIX = "application.";

  private final ApplicationRepository repository;
  private final ApplicationPolicy policy;
  private final UnderwritingPolicy underwriting;
  private final Clock clock;

  public ApplicationDesk(
      ApplicationRepository repository,
      ApplicationPolicy policy,
      UnderwritingPolicy underwriting,
      Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.underwriting = underwriting;
    this.clock = clock;
  }

  /** Takes in a new, incomplete application. */
  public Application create(long partnerId, ApplicationInput input) {
    return repository.insert(partnerId, refs -> policy.validate(input, refs, null), now());
  }

  /** The partner's application; an id that is not a UUID is simply not found. */
  public Application get(long partnerId, String id) {
    return parseId(id)
        .flatMap(uuid -> repository.find(partnerId, uuid))
        .orElseThrow(ApplicationDesk::notFound);
  }

  /** A page of the partner's applications; see {@link ApplicationRepository#FILTERS}. */
  public ApplicationPage list(long partnerId, CompiledQuery query) {
    return repository.list(partnerId, query);
  }

  /**
   * Full replace (PUT) of an incomplete application, checked as a create would be; the end user
   * must be the stored one.
   */
  public Application replace(long partnerId, String id, ApplicationInput input) {
    return change(
        partnerId,
        id,
        ApplicationAction.CHANGE,
        (current, refs) ->
            current.withTerms(policy.validate(input, refs, current.terms().endUserId()), now()));
  }

  /**
   * Partial update (PATCH) of an incomplete application: only the named fields change, to their
   * values in {@code input} (null where the input lacks them); names that are not writable fields
   * are ignored, as DRF ignores read-only and unknown keys. The result is checked as a whole
   * against its product, which may itself have changed.
   */
  public Application amend(
      long partnerId, String id, ApplicationInput input, Collection<String> fields) {
    Set<ApplicationField> named = EnumSet.noneOf(ApplicationField.class);
    for (String name : fields) {
      String key = name.startsWith(MASK_PREFIX) ? name.substring(MASK_PREFIX.length()) : name;
      ApplicationField.byKey(key).ifPresent(named::add);
    }
    return change(
        partnerId,
        id,
        ApplicationAction.CHANGE,
        (current, refs) -> {
          ApplicationInput merged = ApplicationInput.of(current.terms()).overlay(input, named);
          return current.withTerms(
              policy.validate(merged, refs, current.terms().endUserId()), now());
        });
  }

  /**
   * Completes an incomplete application and decides it at once, on the product and the end user as
   * they are now.
   */
  public Application complete(long partnerId, String id) {
    return change(
        partnerId,
        id,
        ApplicationAction.COMPLETE,
        (current, refs) -> {
          ApplicationTerms terms = current.terms();
          Decision decision =
              underwriting.decide(
                  terms,
                  refs.product(terms.productId()).orElseThrow(() -> missing("product")),
                  refs.endUser(terms.endUserId()).orElseThrow(() -> missing("end user")));
          return current.decided(decision, now());
        });
  }

  /** Makes a withdrawn or decided application incomplete again, dropping its decision. */
  public Application reopen(long partnerId, String id) {
    return change(
        partnerId, id, ApplicationAction.REOPEN, (current, refs) -> current.reopened(now()));
  }

  /** Withdraws an incomplete or decided application; a decision it had stays on record. */
  public Application withdraw(long partnerId, String id) {
    return change(
        partnerId, id, ApplicationAction.WITHDRAW, (current, refs) -> current.withdrawn(now()));
  }

  /**
   * Locks the application, refuses {@code action} if its state forbids it (before any field is
   * checked), and stores what {@code change} makes of it.
   */
  private Application change(
      long partnerId,
      String id,
      ApplicationAction action,
      BiFunction<Application, ApplicationPolicy.References, Application> change) {
    UUID uuid = parseId(id).orElseThrow(ApplicationDesk::notFound);
    return repository
        .update(
            partnerId,
            uuid,
            (current, refs) -> {
              action.check(current);
              return change.apply(current, refs);
            })
        .orElseThrow(ApplicationDesk::notFound);
  }

  /** Microseconds, the resolution PostgreSQL keeps, so a returned time equals a re-read one. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Optional<UUID> parseId(String id) {
    return ApplicationPolicy.parseId(id);
  }

  /** The foreign keys make this impossible; it would mean a row changed partner. */
  private static IllegalStateException missing(String what) {
    return new IllegalStateException("The application's " + what + " is not the partner's");
  }

  private static NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND);
  }
}
