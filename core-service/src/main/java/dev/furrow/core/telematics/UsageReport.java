package dev.furrow.core.telematics;

import java.math.BigDecimal;
import java.time.Instant;
import javax.annotation.Nullable;

/** One report of work done by a tractor, as its telematics unit sent it. */
public record UsageReport(
    int schemaVersion,
    String tractorId,
    String messageId,
    Instant windowStart,
    Instant windowEnd,
    BigDecimal hectares,
    @Nullable BigDecimal engineHours,
    @Nullable BigDecimal fuelLitres,
    @Nullable Position position) {

  /** Where the tractor was, in WGS 84 degrees. */
  public record Position(double latitude, double longitude) {}
}
