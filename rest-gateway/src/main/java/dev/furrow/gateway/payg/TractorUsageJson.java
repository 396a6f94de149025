package dev.furrow.gateway.payg;

import com.google.protobuf.Timestamp;
import dev.furrow.proto.telematics.v1.TractorUsage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of a tractor's usage totals. Hectares and engine hours stay the decimal strings
 * the core sent: never parsed, never through a double.
 */
record TractorUsageJson(
    String tractorId,
    long reportCount,
    String hectares,
    String engineHours,
    @Nullable String lastReportAt) {

  static TractorUsageJson from(TractorUsage usage) {
    return new TractorUsageJson(
        usage.getTractorId(),
        usage.getReportCount(),
        usage.getHectares(),
        usage.getEngineHours(),
        usage.hasLastReportAt() ? iso8601(usage.getLastReportAt()) : null);
  }

  private static String iso8601(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
  }
}
