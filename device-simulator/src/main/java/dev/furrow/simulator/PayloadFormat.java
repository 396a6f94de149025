package dev.furrow.simulator;

import com.google.protobuf.Timestamp;
import dev.furrow.proto.telematics.v1.UsageReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** How a usage report travels, per the device contract in docs/telematics.md. */
public enum PayloadFormat {
  /** A JSON object, sent without a content type; hectares as a JSON number with 4 decimals. */
  JSON(null) {
    @Override
    byte[] encode(String tractorId, String messageId, Instant start, Instant end, String ha) {
      String json =
          "{\"schema_version\":1,\"message_id\":\""
              + messageId
              + "\",\"window_start\":\""
              + start
              + "\",\"window_end\":\""
              + end
              + "\",\"hectares\":"
              + ha
              + "}";
      return json.getBytes(StandardCharsets.UTF_8);
    }
  },

  /** A {@code furrow.telematics.v1.UsageReport}, content type {@code application/x-protobuf}. */
  PROTOBUF("application/x-protobuf") {
    @Override
    byte[] encode(String tractorId, String messageId, Instant start, Instant end, String ha) {
      return UsageReport.newBuilder()
          .setSchemaVersion(1)
          .setTractorId(tractorId)
          .setMessageId(messageId)
          .setWindowStart(timestamp(start))
          .setWindowEnd(timestamp(end))
          .setHectares(ha)
          .build()
          .toByteArray();
    }
  };

  private final String contentType;

  PayloadFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The MQTT v5 content type property to send, or null for none. */
  String contentType() {
    return contentType;
  }

  /** The payload of one report; {@code hectares} is a plain decimal string. */
  abstract byte[] encode(
      String tractorId, String messageId, Instant windowStart, Instant windowEnd, String hectares);

  /** {@code json} or {@code protobuf}, in any case. */
  static PayloadFormat fromName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format: " + name + " (expected: json or protobuf)", e);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
