package dev.furrow.core.partner;

import dev.furrow.core.error.UnauthenticatedException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.annotation.Nullable;

/**
 * Resolves a presented API key to the partner that owns it, for one REST face.
 *
 * <p>Every partner call presents its key, so usable keys are remembered for {@link #TTL} (by
 * digest, never in plain text) instead of being looked up in the database each time. A key revoked
 * through this process stops working at once ({@link #forget}); one revoked by another core process
 * on the same database stops working here within {@link #TTL}. Unknown, revoked and wrong-face keys
 * are never remembered: they are looked up every time.
 */
public final class ApiKeyAuthenticator {
  /** The answer for every unusable key, so a caller cannot tell revoked from unknown. */
  public static final String INVALID_KEY = "Invalid API key.";

  /** How long a usable key is trusted without asking the database again. */
  public static final Duration TTL = Duration.ofSeconds(10);

  /** Remembered keys at most; the cache starts over when full (keys are few, partners fewer). */
  static final int MAX_ENTRIES = 10_000;

  private final PartnerRepository partners;
  private final LongSupplier nanoTime;
  private final Map<ByteBuffer, Remembered> remembered = new ConcurrentHashMap<>();

  public ApiKeyAuthenticator(PartnerRepository partners) {
    this(partners, System::nanoTime);
  }

  /** With its own clock ({@link System#nanoTime} semantics), so tests can pass the TTL. */
  ApiKeyAuthenticator(PartnerRepository partners, LongSupplier nanoTime) {
    this.partners = partners;
    this.nanoTime = nanoTime;
  }

  private record Remembered(long keyId, long partnerId, ApiFace face, long expiresAt) {}

  /**
   * Returns the owning partner's id, or throws when the key is missing, unknown, revoked or for the
   * other face.
   */
  public long authenticate(@Nullable String key, ApiFace face) {
    if (key == null || key.isEmpty()) {
      throw new UnauthenticatedException("Authentication credentials were not provided.");
    }
    ByteBuffer digest = ByteBuffer.wrap(ApiKeys.digest(key));
    long now = nanoTime.getAsLong();
    Remembered known = remembered.get(digest);
    if (known == null || now - known.expiresAt() >= 0) {
      known =
          partners
              .findKeyByDigest(digest.array())
              .filter(k -> k.revokedAt() == null)
              .map(k -> new Remembered(k.id(), k.partnerId(), k.face(), now + TTL.toNanos()))
              .orElse(null);
      if (known == null) {
        remembered.remove(digest);
        throw new UnauthenticatedException(INVALID_KEY);
      }
      if (remembered.size() >= MAX_ENTRIES) {
        remembered.clear();
      }
      remembered.put(digest, known);
    }
    if (known.face() != face) {
      throw new UnauthenticatedException(INVALID_KEY);
    }
    return known.partnerId();
  }

  /** Stops trusting a key at once; called when it is revoked. */
  public void forget(long keyId) {
    remembered.values().removeIf(r -> r.keyId() == keyId);
  }
}
