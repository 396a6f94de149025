package dev.furrow.ingest;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one broker delivery into the {@link UsageSubmission} the core records. It only parses the
 * wire format; the core judges the content (unknown tractor, negative hectares, future windows). A
 * delivery that cannot be parsed is never dropped: it becomes a submission with {@code parse_error}
 * set, which the core keeps as a rejected delivery.
 *
 * <h2>Device contract (MQTT v5)</h2>
 *
 * <p><b>Topic</b> {@code furrow/v1/tractors/{tractor_id}/usage}, published at <b>QoS 1</b>. The
 * tractor id comes from the topic: 1 to 64 characters of {@code [A-Za-z0-9._-]}.
 *
 * <p><b>JSON payload</b>, when the message has no content type or content type {@code
 * application/json}:
 *
 * <pre>{@code
 * {"schema_version": 1, "message_id": "m-000123",
 *  "window_start": "2026-11-20T08:00:00+01:00", "window_end": "2026-11-20T10:00:00+01:00",
 *  "hectares": 2.5, "engine_hours": 2.1, "fuel_litres": 10.5,
 *  "position": {"lat": 9.05, "lon": 7.49}}
 * }</pre>
 *
 * <ul>
 *   <li>{@code schema_version} (required): the integer 1, the only version known so far.
 *   <li>{@code message_id} (required): a non-empty string of at most 128 characters, unique per
 *       tractor. The core deduplicates on (tractor id, message id), so a device resends a report
 *       with the same id and never reuses an id for different usage.
 *   <li>{@code window_start}, {@code window_end} (required): ISO 8601 timestamps with an offset
 *       ({@code Z} or {@code +01:00}).
 *   <li>{@code hectares} (required), {@code engine_hours}, {@code fuel_litres} (optional): a JSON
 *       number or a string holding a plain decimal ({@code "2.5"}). They are kept exactly as sent,
 *       never rounded through binary floating point; at most 64 digits.
 *   <li>{@code position} (optional): {@code {"lat": number, "lon": number}}.
 *   <li>A {@code null} value counts as not sent. Any other field is rejected, so that a device
 *       never loses data silently to a field the ingester does not know; a field sent twice is
 *       rejected too.
 * </ul>
 *
 * <p><b>Protobuf payload</b>, when the content type is {@code application/x-protobuf}: the bytes of
 * a {@code furrow.telematics.v1.UsageReport}. Its {@code tractor_id} must be empty or equal the
 * topic's; the same rules apply (decimals as plain decimal strings, empty meaning not sent).
 *
 * <p><b>Rejections</b> name the field and the reason, for example {@code hectares: not a decimal
 * number ("abc")} or {@code window_start: not an ISO 8601 timestamp with offset ("2026-11-20
 * 08:00")}; several problems are joined with {@code "; "}. Payloads over 64 KiB are rejected and
 * only their first 64 KiB are kept.
 */
final class UsagePayloadParser {
  static final String JSON = "application/json";
  static final String PROTOBUF = "application/x-protobuf";
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  private static final Logger logger = LoggerFactory.getLogger(UsagePayloadParser.class);
  private static final Pattern TOPIC =
      Pattern.compile("furrow/v1/tractors/([A-Za-z0-9._-]{1,64})/usage");

  private final JsonUsageReader jsonReader = new JsonUsageReader();
  private final ProtobufUsageReader protobufReader = new ProtobufUsageReader();

  /** Never throws: a delivery that cannot be parsed yields a submission with its parse error. */
  UsageSubmission parse(String topic, byte[] payload, @Nullable String contentType) {
    UsageSubmission.Builder submission =
        UsageSubmission.newBuilder()
            .setTopic(topic)
            .setContentType(contentType == null ? "" : contentType);
    if (payload.length > MAX_PAYLOAD_BYTES) {
      // Bounded so that one oversized delivery can never make a RecordUsage call too big to send.
      return submission
          .setRawPayload(ByteString.copyFrom(payload, 0, MAX_PAYLOAD_BYTES))
          .setParseError(
              "payload: larger than "
                  + MAX_PAYLOAD_BYTES
                  + " bytes ("
                  + payload.length
                  + "; raw_payload keeps the first "
                  + MAX_PAYLOAD_BYTES
                  + ")")
          .build();
    }
    // Wrapped, not copied: Paho hands over a fresh array per message and nobody writes to it.
    submission.setRawPayload(UnsafeByteOperations.unsafeWrap(payload));
    try {
      return submission.setReport(report(topic, payload, contentType)).build();
    } catch (UsageParseException e) {
      return submission.setParseError(e.getMessage()).build();
    } catch (RuntimeException e) {
      logger.error("Unexpected failure parsing a delivery on {}", topic, e);
      return submission.setParseError("payload: could not be parsed (" + e + ")").build();
    }
  }

  private UsageReport report(String topic, byte[] payload, @Nullable String contentType) {
    String tractorId = tractorId(topic);
    String mediaType = mediaType(contentType);
    if (mediaType.isEmpty() || mediaType.equals(JSON)) {
      return jsonReader.read(payload, tractorId);
    }
    if (mediaType.equals(PROTOBUF)) {
      return protobufReader.read(payload, tractorId);
    }
    throw new UsageParseException(
        "content_type: unsupported ("
            + JsonValue.quoted(String.valueOf(contentType))
            + "; supported: "
            + JSON
            + ", "
            + PROTOBUF
            + ")");
  }

  private static String tractorId(String topic) {
    Matcher matcher = TOPIC.matcher(topic);
    if (!matcher.matches()) {
      throw new UsageParseException(
          "topic: not furrow/v1/tractors/{tractor_id}/usage with a tractor id of 1-64 characters"
              + " [A-Za-z0-9._-] ("
              + JsonValue.quoted(topic)
              + ")");
    }
    return matcher.group(1);
  }

  /** The media type without parameters ({@code application/json; charset=utf-8}), lower case. */
  private static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
