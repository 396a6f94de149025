package dev.furrow.core.product;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A partner's use cases for its credit products: configure a draft, change or delete it while it is
 * a draft, publish it, and look products up. Another partner's product is never found.
 */
public final class ProductCatalog {
  static final String NOT_FOUND = "Not found.";
  static final String PUBLISHED_UNCHANGEABLE = "Product is published and can no longer be changed.";
  static final String PUBLISHED_UNDELETABLE = "Product is published and can no longer be deleted.";
  static final String ALREADY_PUBLISHED = "Product is already published.";

  /** Mask paths may name a field relative to the request: {@code product.max_loan_amount}. */
  private static final String MASK_PREFIX = "product.";

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final ProductRepository repository;
  private final ProductPolicy policy;
  private final Clock clock;

  public ProductCatalog(ProductRepository repository, ProductPolicy policy, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
  }

  /** Configures a new draft product. */
  public Product create(long partnerId, ProductInput input) {
    return repository.insert(partnerId, policy.validate(input), now());
  }

  /** The partner's product; an id that is not a UUID is simply not found. */
  public Product get(long partnerId, String id) {
    return parseId(id)
        .flatMap(uuid -> repository.find(partnerId, uuid))
        .orElseThrow(this::notFound);
  }

  /** Full replace (PUT) of a draft: absent fields become null or take their defaults. */
  public Product replace(long partnerId, String id, ProductInput input) {
    return change(partnerId, id, current -> policy.validate(input));
  }

  /**
   * Partial update (PATCH) of a draft: only the named fields change, to their values in {@code
   * input} (null where the input lacks them); names that are not writable fields are ignored, as
   * DRF ignores read-only and unknown keys. A name may also be written as a path into the request
   * ({@code product.name}). The result is checked as a whole.
   */
  public Product amend(long partnerId, String id, ProductInput input, Collection<String> fields) {
    Set<ProductField> named = EnumSet.noneOf(ProductField.class);
    for (String name : fields) {
      String key = name.startsWith(MASK_PREFIX) ? name.substring(MASK_PREFIX.length()) : name;
      ProductField.byKey(key).ifPresent(named::add);
    }
    return change(
        partnerId,
        id,
        current -> policy.validate(ProductInput.of(current.terms()).overlay(input, named)));
  }

  /** Deletes a draft; a published product stays, as loan accounts may rely on it. */
  public void delete(long partnerId, String id) {
    UUID uuid = parseId(id).orElseThrow(this::notFound);
    if (!repository.deleteDraft(partnerId, uuid)) {
      throw refusal(partnerId, uuid, PUBLISHED_UNDELETABLE);
    }
  }

  /** Publishes a draft, after which it can be neither changed nor deleted. */
  public Product publish(long partnerId, String id) {
    UUID uuid = parseId(id).orElseThrow(this::notFound);
    return repository
        .publishDraft(partnerId, uuid, now())
        .orElseThrow(() -> refusal(partnerId, uuid, ALREADY_PUBLISHED));
  }

  /** A page of the partner's products, newest first; only limit and offset may be given. */
  public ProductPage list(
      long partnerId, Map<String, String> filters, String sort, String limit, String offset) {
    return repository.list(partnerId, Paging.parse(filters, sort, limit, offset));
  }

  private Product change(
      long partnerId, String id, java.util.function.Function<Product, ProductTerms> change) {
    UUID uuid = parseId(id).orElseThrow(this::notFound);
    return repository
        .update(
            partnerId,
            uuid,
            current -> {
              if (current.published()) {
                throw new ConflictException(PUBLISHED_UNCHANGEABLE);
              }
              return change.apply(current);
            },
            now())
        .orElseThrow(this::notFound);
  }

  /** Why a draft-only operation did nothing: the product is published, or there is none. */
  private RuntimeException refusal(long partnerId, UUID id, String publishedMessage) {
    return repository.find(partnerId, id).isPresent()
        ? new ConflictException(publishedMessage)
        : notFound();
  }

  /** Microseconds, the resolution PostgreSQL keeps, so a returned time equals a re-read one. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The UUID in canonical form, either case. {@link UUID#fromString} alone also takes shortened
   * groups such as "1-2-3-4-5", which would name another id than the one the client sent.
   */
  private static Optional<UUID> parseId(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }

  private NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND);
  }
}
