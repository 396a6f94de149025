package dev.furrow.core.telematics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UsagePolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  private final UsagePolicy policy = new UsagePolicy(Clock.fixed(NOW, ZoneOffset.UTC));

  private static UsageReport report(int version, Instant start, Instant end, String hectares) {
    return new UsageReport(
        version, "T1", "m-1", start, end, new BigDecimal(hectares), null, null, null);
  }

  @Test
  void plausibleReportPasses() {
    assertThat(policy.violation(report(1, NOW.minusSeconds(3600), NOW, "10"))).isEmpty();
  }

  @Test
  void unknownSchemaVersionIsRefused() {
    assertThat(policy.violation(report(2, NOW.minusSeconds(60), NOW, "0.1")))
        .contains("schema_version: unsupported version 2 (supported: 1)");
  }

  @Test
  void windowEndingBeyondTheClockSkewIsRefused() {
    Instant end = NOW.plusSeconds(301);
    assertThat(policy.violation(report(1, NOW, end, "1")))
        .contains("window_end: 2026-11-20T12:05:01Z is in the future");
    assertThat(policy.violation(report(1, NOW.minusSeconds(60), NOW.plusSeconds(300), "1")))
        .isEmpty();
  }

  @Test
  void emptyOrReversedWindowIsRefused() {
    assertThat(policy.violation(report(1, NOW, NOW, "1")))
        .contains("window_end: must be after window_start");
  }

  @Test
  void moreThanTenHectaresPerHourIsImplausible() {
    assertThat(policy.violation(report(1, NOW.minusSeconds(1800), NOW, "5.0001")))
        .contains("hectares: 5.0001 in 30 minutes exceeds the plausible maximum of 10 per hour");
  }

  @Test
  void moreThanFourDecimalPlacesIsRefused() {
    assertThat(policy.violation(report(1, NOW.minusSeconds(3600), NOW, "1.00001")))
        .contains("hectares: more than 4 decimal places");
    assertThat(policy.violation(report(1, NOW.minusSeconds(3600), NOW, "1.00010"))).isEmpty();
  }

  @Test
  void windowLongerThanADayIsRefused() {
    assertThat(policy.violation(report(1, NOW.minusSeconds(86_401), NOW, "1")))
        .contains("window: covers more than 24 hours");
  }
}
