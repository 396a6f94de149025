package dev.furrow.core.partner;

import dev.furrow.core.error.UnauthenticatedException;
import javax.annotation.Nullable;

/** Resolves a presented API key to the partner that owns it, for one REST face. */
public final class ApiKeyAuthenticator {
  /** The answer for every unusable key, so a caller cannot tell revoked from unknown. */
  public static final String INVALID_KEY = "Invalid API key.";

  private final PartnerRepository partners;

  public ApiKeyAuthenticator(PartnerRepository partners) {
    this.partners = partners;
  }

  /**
   * Returns the owning partner's id, or throws when the key is missing, unknown, revoked or for the
   * other face.
   */
  public long authenticate(@Nullable String key, ApiFace face) {
    if (key == null || key.isEmpty()) {
      throw new UnauthenticatedException("Authentication credentials were not provided.");
    }
    return partners
        .findKeyByDigest(ApiKeys.digest(key))
        .filter(k -> k.revokedAt() == null && k.face() == face)
        .map(ApiKey::partnerId)
        .orElseThrow(() -> new UnauthenticatedException(INVALID_KEY));
  }
}
