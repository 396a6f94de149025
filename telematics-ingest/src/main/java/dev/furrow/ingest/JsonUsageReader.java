package dev.furrow.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.google.protobuf.Timestamp;
import dev.furrow.proto.telematics.v1.UsageReport;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the JSON form of a usage report (see {@link UsagePayloadParser} for the contract). */
final class JsonUsageReader {
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private static final Set<String> FIELDS =
      Set.of(
          "schema_version",
          "message_id",
          "window_start",
          "window_end",
          "hectares",
          "engine_hours",
          "fuel_litres",
          "position");
  private static final Set<String> POSITION_FIELDS = Set.of("lat", "lon");

  private static final Pattern REDACTED_SOURCE = Pattern.compile("\\[Source: [^;\\]]*; ");

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** Returns the report for {@code tractorId}, or throws naming every problem found. */
  UsageReport read(byte[] payload, String tractorId) {
    Map<String, JsonValue> fields = readTopLevelObject(payload);
    FieldErrors errors = new FieldErrors();
    checkSchemaVersion(fields.get("schema_version"), errors);
    errors.throwIfAny(); // under an unknown version, nothing else can be judged

    fields.keySet().stream()
        .filter(name -> !FIELDS.contains(name))
        .forEach(name -> errors.add(name, "unknown field"));

    UsageReport.Builder report =
        UsageReport.newBuilder().setSchemaVersion(1).setTractorId(tractorId);
    String messageId = messageId(fields.get("message_id"), errors);
    Timestamp windowStart = timestamp("window_start", fields.get("window_start"), errors);
    Timestamp windowEnd = timestamp("window_end", fields.get("window_end"), errors);
    String hectares = decimal("hectares", fields.get("hectares"), true, errors);
    String engineHours = decimal("engine_hours", fields.get("engine_hours"), false, errors);
    String fuelLitres = decimal("fuel_litres", fields.get("fuel_litres"), false, errors);
    readPosition(fields.get("position"), report, errors);
    errors.throwIfAny();

    return report
        .setMessageId(messageId)
        .setWindowStart(windowStart)
        .setWindowEnd(windowEnd)
        .setHectares(hectares)
        .setEngineHours(engineHours == null ? "" : engineHours)
        .setFuelLitres(fuelLitres == null ? "" : fuelLitres)
        .build();
  }

  private static Map<String, JsonValue> readTopLevelObject(byte[] payload) {
    try (JsonParser parser = JSON.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new UsageParseException("malformed JSON: empty payload");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new UsageParseException("payload: not a JSON object");
      }
      JsonValue object = JsonValue.readObject(parser, "");
      if (parser.nextToken() != null) {
        throw new UsageParseException("malformed JSON: more content after the object");
      }
      return object.members();
    } catch (JsonProcessingException e) {
      throw new UsageParseException("malformed JSON: " + describe(e));
    } catch (IOException e) {
      throw new UsageParseException("malformed JSON: " + e.getMessage());
    }
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    // Jackson names the (redacted) input in nested locations; the device knows what it sent.
    String message = REDACTED_SOURCE.matcher(e.getOriginalMessage()).replaceAll("[");
    if (location == null) {
      return message;
    }
    return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static void checkSchemaVersion(@Nullable JsonValue value, FieldErrors errors) {
    if (isAbsent(value)) {
      errors.add("schema_version", "required");
    } else if (value.kind() != JsonValue.Kind.INTEGER) {
      errors.add("schema_version", "not an integer (" + value.shown() + ")");
    } else if (!value.text().equals("1")) {
      errors.add("schema_version", "unsupported version " + value.text() + " (supported: 1)");
    }
  }

  private static String messageId(@Nullable JsonValue value, FieldErrors errors) {
    if (isAbsent(value)) {
      errors.add("message_id", "required");
      return "";
    }
    if (value.kind() != JsonValue.Kind.STRING) {
      errors.add("message_id", "not a string (" + value.shown() + ")");
      return "";
    }
    return MessageIds.check(value.text(), errors);
  }

  private static Timestamp timestamp(String field, @Nullable JsonValue value, FieldErrors errors) {
    if (isAbsent(value)) {
      errors.add(field, "required");
      return Timestamp.getDefaultInstance();
    }
    String problem = "not an ISO 8601 timestamp with offset (" + value.shown() + ")";
    if (value.kind() != JsonValue.Kind.STRING) {
      errors.add(field, problem);
      return Timestamp.getDefaultInstance();
    }
    Instant instant;
    try {
      instant =
          OffsetDateTime.parse(value.text(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      errors.add(field, problem);
      return Timestamp.getDefaultInstance();
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      errors.add(field, "outside the years 0001 to 9999 (" + value.shown() + ")");
      return Timestamp.getDefaultInstance();
    }
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  private static @Nullable String decimal(
      String field, @Nullable JsonValue value, boolean required, FieldErrors errors) {
    if (isAbsent(value)) {
      if (required) {
        errors.add(field, "required");
      }
      return null;
    }
    if (!value.isNumber() && value.kind() != JsonValue.Kind.STRING) {
      errors.add(field, "not a decimal number (" + value.shown() + ")");
      return null;
    }
    return Decimals.toPlainString(field, value.text(), value.isNumber(), value.shown(), errors);
  }

  private static void readPosition(
      @Nullable JsonValue value, UsageReport.Builder report, FieldErrors errors) {
    if (isAbsent(value)) {
      return;
    }
    if (value.kind() != JsonValue.Kind.OBJECT) {
      errors.add("position", "not an object (" + value.shown() + ")");
      return;
    }
    value.members().keySet().stream()
        .filter(name -> !POSITION_FIELDS.contains(name))
        .forEach(name -> errors.add("position." + name, "unknown field"));
    Double lat = coordinate("position.lat", value.members().get("lat"), errors);
    Double lon = coordinate("position.lon", value.members().get("lon"), errors);
    if (lat != null && lon != null) {
      report.setHasPosition(true).setLatitude(lat).setLongitude(lon);
    }
  }

  private static @Nullable Double coordinate(
      String field, @Nullable JsonValue value, FieldErrors errors) {
    if (isAbsent(value)) {
      errors.add(field, "required");
      return null;
    }
    if (!value.isNumber()) {
      errors.add(field, "not a number (" + value.shown() + ")");
      return null;
    }
    double coordinate = Double.parseDouble(value.text());
    if (Double.isInfinite(coordinate)) {
      errors.add(field, "out of range (" + value.shown() + ")");
      return null;
    }
    return coordinate;
  }

  private static boolean isAbsent(@Nullable JsonValue value) {
    return value == null || value.kind() == JsonValue.Kind.NULL;
  }
}
