package dev.furrow.core.billing;

import java.math.BigDecimal;
import java.time.Instant;

/** A usage event no contract billed (no open contract, or worked before the loan start date). */
public record UnbilledUsage(
    long usageEventId,
    String tractorId,
    String messageId,
    Instant windowStart,
    Instant windowEnd,
    BigDecimal hectares,
    Instant receivedAt) {}
