package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import javax.annotation.Nullable;

/**
 * A partner's webhook signing secret. The value is only present right after it was issued; lists
 * never show it.
 */
public record WebhookSecret(
    long id,
    long partnerId,
    @Nullable String secret,
    Instant createdAt,
    @Nullable Instant revokedAt) {
  public WebhookSecret {
    requireNonNull(createdAt, "createdAt");
  }
}
