package dev.furrow.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import dev.furrow.proto.telematics.v1.UsageReport;

/**
 * Reads the protobuf form of a usage report: the bytes of a {@link UsageReport}, checked to the
 * same wire-level rules as the JSON form.
 */
final class ProtobufUsageReader {

  /** Returns the report for {@code tractorId}, or throws naming every problem found. */
  UsageReport read(byte[] payload, String tractorId) {
    UsageReport sent;
    try {
      sent = UsageReport.parseFrom(payload);
    } catch (InvalidProtocolBufferException e) {
      throw new UsageParseException("malformed protobuf: " + e.getMessage());
    }
    FieldErrors errors = new FieldErrors();
    if (sent.getSchemaVersion() == 0) {
      errors.add("schema_version", "required");
    } else if (sent.getSchemaVersion() != 1) {
      errors.add(
          "schema_version", "unsupported version " + sent.getSchemaVersion() + " (supported: 1)");
    }
    errors.throwIfAny(); // under an unknown version, nothing else can be judged

    sent.getUnknownFields()
        .asMap()
        .keySet()
        .forEach(number -> errors.add("field " + number, "unknown field"));
    if (!sent.getTractorId().isEmpty() && !sent.getTractorId().equals(tractorId)) {
      errors.add(
          "tractor_id",
          "does not match the topic ("
              + JsonValue.quoted(sent.getTractorId())
              + ", topic has "
              + JsonValue.quoted(tractorId)
              + ")");
    }
    if (sent.getMessageId().isEmpty()) {
      errors.add("message_id", "required");
    } else {
      MessageIds.check(sent.getMessageId(), errors);
    }
    checkTimestamp("window_start", sent.hasWindowStart(), sent.getWindowStart(), errors);
    checkTimestamp("window_end", sent.hasWindowEnd(), sent.getWindowEnd(), errors);
    String hectares = decimal("hectares", sent.getHectares(), true, errors);
    String engineHours = decimal("engine_hours", sent.getEngineHours(), false, errors);
    String fuelLitres = decimal("fuel_litres", sent.getFuelLitres(), false, errors);
    if (sent.getHasPosition()) {
      checkFinite("latitude", sent.getLatitude(), errors);
      checkFinite("longitude", sent.getLongitude(), errors);
    }
    errors.throwIfAny();

    UsageReport.Builder report =
        sent.toBuilder()
            .setTractorId(tractorId)
            .setHectares(hectares)
            .setEngineHours(engineHours)
            .setFuelLitres(fuelLitres);
    if (!sent.getHasPosition()) {
      report.clearLatitude().clearLongitude();
    }
    return report.build();
  }

  private static void checkTimestamp(
      String field, boolean present, Timestamp timestamp, FieldErrors errors) {
    if (!present) {
      errors.add(field, "required");
    } else if (!Timestamps.isValid(timestamp)) {
      errors.add(
          field,
          "not a valid timestamp (seconds="
              + timestamp.getSeconds()
              + ", nanos="
              + timestamp.getNanos()
              + ")");
    }
  }

  private static String decimal(String field, String text, boolean required, FieldErrors errors) {
    if (text.isEmpty()) {
      if (required) {
        errors.add(field, "required");
      }
      return "";
    }
    String plain = Decimals.toPlainString(field, text, false, JsonValue.quoted(text), errors);
    return plain == null ? "" : plain;
  }

  private static void checkFinite(String field, double value, FieldErrors errors) {
    if (!Double.isFinite(value)) {
      errors.add(field, "not a finite number (" + value + ")");
    }
  }
}
