package dev.furrow.core.fx;

import java.math.BigDecimal;
import java.time.Instant;

/** Units of {@code currency} one US dollar buys, in force from {@code effectiveFrom}. */
public record FxRate(String currency, BigDecimal unitsPerUsd, Instant effectiveFrom) {}
