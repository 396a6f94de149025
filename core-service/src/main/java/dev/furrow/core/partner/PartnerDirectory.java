package dev.furrow.core.partner;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.error.Violations;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;

/** Operator use cases for partners and their keys. */
public final class PartnerDirectory {
  private final PartnerRepository repository;
  private final Clock clock;
  private final LongConsumer revoked;

  public PartnerDirectory(PartnerRepository repository, Clock clock) {
    this(repository, clock, keyId -> {});
  }

  /** {@code revoked} hears the id of every key revoked here (the authenticator forgets it). */
  public PartnerDirectory(PartnerRepository repository, Clock clock, LongConsumer revoked) {
    this.repository = repository;
    this.clock = clock;
    this.revoked = revoked;
  }

  public Partner create(String name) {
    String trimmed = name.strip();
    new Violations()
        .check(trimmed.isEmpty(), "name", "This field may not be blank.")
        .check(trimmed.length() > 200, "name", "Ensure this field has no more than 200 characters.")
        .throwIfAny();
    return repository
        .insertPartner(trimmed)
        .orElseThrow(
            () -> new ConflictException("A partner named \"" + trimmed + "\" already exists."));
  }

  public Partner get(long id) {
    return repository
        .findPartner(id)
        .orElseThrow(() -> new NotFoundException("No partner with id " + id + "."));
  }

  public Partner getByName(String name) {
    return repository
        .findPartnerByName(name)
        .orElseThrow(() -> new NotFoundException("No partner named \"" + name + "\"."));
  }

  public List<Partner> list() {
    return repository.listPartners();
  }

  /**
   * Issues a key; {@code chosenKey} may be empty (a key is generated) or an operator-chosen key of
   * at least {@link ApiKeys#MIN_LENGTH} characters. Issuing the same chosen key twice returns the
   * first.
   */
  public IssuedKey issueKey(long partnerId, ApiFace face, String label, String chosenKey) {
    get(partnerId);
    new Violations()
        .check(
            !chosenKey.isEmpty() && chosenKey.length() < ApiKeys.MIN_LENGTH,
            "key",
            "Ensure this field has at least " + ApiKeys.MIN_LENGTH + " characters.")
        .check(
            !chosenKey.chars().allMatch(c -> c > 0x20 && c < 0x7f),
            "key",
            "Use printable ASCII characters only.")
        .throwIfAny();
    String key = chosenKey.isEmpty() ? ApiKeys.generate(face) : chosenKey;
    ApiKey stored =
        repository
            .insertKey(partnerId, face, label, ApiKeys.prefix(key), ApiKeys.digest(key))
            .orElseThrow(
                () -> new ConflictException("This key is already in use; choose another."));
    return new IssuedKey(stored, key);
  }

  public ApiKey revokeKey(long keyId) {
    ApiKey key =
        repository
            .revokeKey(keyId, clock.instant())
            .orElseThrow(() -> new NotFoundException("No API key with id " + keyId + "."));
    revoked.accept(keyId);
    return key;
  }

  public List<ApiKey> listKeys(long partnerId) {
    get(partnerId);
    return repository.listKeys(partnerId);
  }

  /** A stored key together with its plain text, which exists only in this response. */
  public record IssuedKey(ApiKey apiKey, String key) {}
}
