package dev.furrow.core.partner;

import java.time.Instant;
import javax.annotation.Nullable;

/** An issued API key as stored: its digest stays in the database, never the key itself. */
public record ApiKey(
    long id,
    long partnerId,
    ApiFace face,
    String label,
    String prefix,
    Instant createdAt,
    @Nullable Instant revokedAt) {}
