package dev.furrow.core.idempotency;

import static java.util.Objects.requireNonNull;

/**
 * What a partner's idempotency key was first used for: the method, the fingerprint of the request,
 * and the serialized reply the call gave.
 */
public record StoredRequest(String method, String fingerprint, byte[] response) {
  public StoredRequest {
    requireNonNull(method, "method");
    requireNonNull(fingerprint, "fingerprint");
    requireNonNull(response, "response");
  }
}
