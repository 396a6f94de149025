package dev.furrow.core.partner;

import java.time.Instant;

/** A lender or funding partner; everything its keys create belongs to it. */
public record Partner(long id, String name, Instant createdAt) {}
