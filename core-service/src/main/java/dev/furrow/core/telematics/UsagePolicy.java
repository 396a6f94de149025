package dev.furrow.core.telematics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The rules a usage report must meet before its hectares are counted. A report that breaks one is
 * kept as rejected with the reason this policy gives.
 */
public final class UsagePolicy {
  /** The only schema version devices may send today. */
  public static final int SCHEMA_VERSION = 1;

  /** More than this per hour of work is implausible for one tractor and is refused. */
  public static final BigDecimal MAX_HECTARES_PER_HOUR = new BigDecimal("10");

  /** How far a window may end in the future before it is refused (device clocks drift). */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The longest window one report may cover. */
  public static final Duration MAX_WINDOW = Duration.ofHours(24);

  private static final int MAX_MESSAGE_ID = 128;
  private static final int HECTARE_SCALE = 4;

  private final Clock clock;

  public UsagePolicy(Clock clock) {
    this.clock = clock;
  }

  /** The reason the report must be rejected, or empty when it can be counted. */
  public Optional<String> violation(UsageReport report) {
    if (report.schemaVersion() != SCHEMA_VERSION) {
      return reason(
          "schema_version: unsupported version "
              + report.schemaVersion()
              + " (supported: "
              + SCHEMA_VERSION
              + ")");
    }
    if (report.messageId().isEmpty() || report.messageId().length() > MAX_MESSAGE_ID) {
      return reason("message_id: must be 1 to " + MAX_MESSAGE_ID + " characters");
    }
    if (!report.windowEnd().isAfter(report.windowStart())) {
      return reason("window_end: must be after window_start");
    }
    Duration window = Duration.between(report.windowStart(), report.windowEnd());
    if (window.compareTo(MAX_WINDOW) > 0) {
      return reason("window: covers more than 24 hours");
    }
    if (report.windowEnd().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      return reason("window_end: " + report.windowEnd() + " is in the future");
    }
    if (report.hectares().signum() < 0) {
      return reason("hectares: " + report.hectares().toPlainString() + " (expected: >= 0)");
    }
    if (report.hectares().stripTrailingZeros().scale() > HECTARE_SCALE) {
      return reason("hectares: more than " + HECTARE_SCALE + " decimal places");
    }
    BigDecimal hours =
        BigDecimal.valueOf(window.toSeconds()).divide(BigDecimal.valueOf(3600), 6, RoundingMode.UP);
    BigDecimal ceiling = MAX_HECTARES_PER_HOUR.multiply(hours);
    if (report.hectares().compareTo(ceiling) > 0) {
      return reason(
          "hectares: "
              + report.hectares().toPlainString()
              + " in "
              + window.toMinutes()
              + " minutes exceeds the plausible maximum of "
              + MAX_HECTARES_PER_HOUR
              + " per hour");
    }
    if (report.engineHours() != null && report.engineHours().signum() < 0) {
      return reason("engine_hours: " + report.engineHours().toPlainString() + " (expected: >= 0)");
    }
    if (report.fuelLitres() != null && report.fuelLitres().signum() < 0) {
      return reason("fuel_litres: " + report.fuelLitres().toPlainString() + " (expected: >= 0)");
    }
    if (report.position() != null
        && (Math.abs(report.position().latitude()) > 90
            || Math.abs(report.position().longitude()) > 180)) {
      return reason("position: latitude must be within ±90 and longitude within ±180");
    }
    return Optional.empty();
  }

  private static Optional<String> reason(String text) {
    return Optional.of(text);
  }
}
