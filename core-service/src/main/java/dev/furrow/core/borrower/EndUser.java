package dev.furrow.core.borrower;

import java.time.Instant;
import java.util.UUID;

/** A borrower of one partner, as stored. */
public record EndUser(UUID id, EndUserDetails details, Instant created, Instant updated) {}
