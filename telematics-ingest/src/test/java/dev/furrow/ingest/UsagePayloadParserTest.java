package dev.furrow.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.util.Timestamps;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsagePayloadParserTest {
  private static final String TOPIC = "furrow/v1/tractors/T1/usage";
  private static final String FULL_REPORT =
      """
      {"schema_version": 1, "message_id": "m-000123",
       "window_start": "2026-11-20T08:00:00+01:00", "window_end": "2026-11-20T10:00:00+01:00",
       "hectares": 2.5, "engine_hours": 2.1, "fuel_litres": 10.5,
       "position": {"lat": 9.05, "lon": 7.49}}
      """;

  private final UsagePayloadParser parser = new UsagePayloadParser();

  private UsageSubmission parseJson(String json) {
    return parser.parse(TOPIC, json.getBytes(UTF_8), null);
  }

  /** A minimal valid report with one field replaced (or removed, when {@code value} is null). */
  private static String reportWith(String field, String value) {
    String hectares = field.equals("hectares") ? value : "2.5";
    String windowStart = field.equals("window_start") ? value : "\"2026-11-20T08:00:00+01:00\"";
    StringBuilder json = new StringBuilder("{\"schema_version\": 1, \"message_id\": \"m-1\"");
    json.append(", \"window_start\": ").append(windowStart);
    json.append(", \"window_end\": \"2026-11-20T10:00:00+01:00\"");
    json.append(", \"hectares\": ").append(hectares);
    if (!field.equals("hectares") && !field.equals("window_start")) {
      json.append(", \"").append(field).append("\": ").append(value);
    }
    return json.append('}').toString();
  }

  private String parseErrorOf(String json) {
    UsageSubmission submission = parseJson(json);
    assertThat(submission.hasReport()).as("parsed into a report").isFalse();
    return submission.getParseError();
  }

  @Nested
  class Json {
    @Test
    void readsEveryFieldExactly() {
      UsageSubmission submission = parseJson(FULL_REPORT);

      assertThat(submission.getTopic()).isEqualTo(TOPIC);
      assertThat(submission.getContentType()).isEmpty();
      assertThat(submission.getRawPayload().toStringUtf8()).isEqualTo(FULL_REPORT);
      assertThat(submission.getReport())
          .isEqualTo(
              UsageReport.newBuilder()
                  .setSchemaVersion(1)
                  .setTractorId("T1")
                  .setMessageId("m-000123")
                  .setWindowStart(Timestamps.parseUnchecked("2026-11-20T07:00:00Z"))
                  .setWindowEnd(Timestamps.parseUnchecked("2026-11-20T09:00:00Z"))
                  .setHectares("2.5")
                  .setEngineHours("2.1")
                  .setFuelLitres("10.5")
                  .setHasPosition(true)
                  .setLatitude(9.05)
                  .setLongitude(7.49)
                  .build());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "0.1 | 0.1",
          "2.50 | 2.50",
          "3 | 3",
          "0.30000000000000004 | 0.30000000000000004",
          "1e2 | 100",
          "2.5E-1 | 0.25",
          "\"0.1\" | 0.1",
          "\"12.340\" | 12.340",
          "-1.5 | -1.5",
        })
    void keepsHectaresExactlyAsSent(String sent, String expected) {
      assertThat(parseJson(reportWith("hectares", sent)).getReport().getHectares())
          .isEqualTo(expected);
    }

    @Test
    void leavesOptionalFieldsEmptyWhenAbsentOrNull() {
      UsageReport report = parseJson(reportWith("engine_hours", "null")).getReport();

      assertThat(report.getEngineHours()).isEmpty();
      assertThat(report.getFuelLitres()).isEmpty();
      assertThat(report.getHasPosition()).isFalse();
    }

    @Test
    void acceptsTimestampsInUtcWithFractionsOfSeconds() {
      UsageReport report =
          parseJson(reportWith("window_start", "\"2026-11-20T06:59:59.250Z\"")).getReport();

      assertThat(report.getWindowStart())
          .isEqualTo(Timestamps.parseUnchecked("2026-11-20T06:59:59.250Z"));
    }

    @Test
    void acceptsTheJsonContentTypeWithParameters() {
      UsageSubmission submission =
          parser.parse(TOPIC, FULL_REPORT.getBytes(UTF_8), "Application/JSON; charset=utf-8");

      assertThat(submission.getReport().getMessageId()).isEqualTo("m-000123");
      assertThat(submission.getContentType()).isEqualTo("Application/JSON; charset=utf-8");
    }

    @Test
    void takesTheTractorIdFromTheTopic() {
      UsageSubmission submission =
          parser.parse("furrow/v1/tractors/NG-LAG.0042_b/usage", FULL_REPORT.getBytes(UTF_8), null);

      assertThat(submission.getReport().getTractorId()).isEqualTo("NG-LAG.0042_b");
    }
  }

  @Nested
  class JsonErrors {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '\'',
        value = {
          "hectares | '\"abc\"' | hectares: not a decimal number (\"abc\")",
          "hectares | '\"2,5\"' | hectares: not a decimal number (\"2,5\")",
          "hectares | '\"1e3\"' | hectares: not a decimal number (\"1e3\")",
          "hectares | '\"\"' | hectares: not a decimal number (\"\")",
          "hectares | true | hectares: not a decimal number (true)",
          "hectares | '[2.5]' | hectares: not a decimal number (an array)",
          "hectares | 1e999 | hectares: more than 64 digits (1e999)",
          "hectares | null | hectares: required",
          "window_start | '\"2026-11-20 08:00\"' | window_start: not an ISO 8601 timestamp with offset"
              + " (\"2026-11-20 08:00\")",
          "window_start | '\"2026-11-20T08:00:00\"' | window_start: not an ISO 8601 timestamp with"
              + " offset (\"2026-11-20T08:00:00\")",
          "window_start | '\"2026-02-30T08:00:00Z\"' | window_start: not an ISO 8601 timestamp with"
              + " offset (\"2026-02-30T08:00:00Z\")",
          "window_start | 1763622000 | window_start: not an ISO 8601 timestamp with offset"
              + " (1763622000)",
          "window_start | '\"+10000-01-01T00:00:00Z\"' | window_start: outside the years 0001 to"
              + " 9999 (\"+10000-01-01T00:00:00Z\")",
          "engine_hours | '\"two\"' | engine_hours: not a decimal number (\"two\")",
          "fuel_litres | '{}' | fuel_litres: not a decimal number (an object)",
          "position | '\"9.05,7.49\"' | position: not an object (\"9.05,7.49\")",
          "position | '{\"lat\": 9.05}' | position.lon: required",
          "position | '{\"lat\": \"9.05\", \"lon\": 7.49}' | position.lat: not a number (\"9.05\")",
          "position | '{\"lat\": 9.05, \"lon\": 7.49, \"alt\": 300}' | position.alt: unknown field",
          "speed | 12 | speed: unknown field",
        })
    void namesTheFieldAndTheReason(String field, String value, String expectedError) {
      assertThat(parseErrorOf(reportWith(field, value))).isEqualTo(expectedError);
    }

    @Test
    void rejectsAnUnsupportedSchemaVersionWithoutJudgingTheRest() {
      assertThat(parseErrorOf("{\"schema_version\": 2, \"whatever\": true}"))
          .isEqualTo("schema_version: unsupported version 2 (supported: 1)");
    }

    @Test
    void rejectsAMissingOrNonIntegerSchemaVersion() {
      assertThat(parseErrorOf("{\"message_id\": \"m-1\"}")).isEqualTo("schema_version: required");
      assertThat(parseErrorOf("{\"schema_version\": \"1\"}"))
          .isEqualTo("schema_version: not an integer (\"1\")");
      assertThat(parseErrorOf("{\"schema_version\": 1.0}"))
          .isEqualTo("schema_version: not an integer (1.0)");
    }

    @Test
    void rejectsAMissingEmptyTooLongOrNonStringMessageId() {
      assertThat(parseErrorOf(FULL_REPORT.replace("\"message_id\": \"m-000123\",", "")))
          .isEqualTo("message_id: required");
      assertThat(parseErrorOf(FULL_REPORT.replace("\"m-000123\"", "\"\"")))
          .isEqualTo("message_id: empty");
      assertThat(parseErrorOf(FULL_REPORT.replace("\"m-000123\"", "\"" + "m".repeat(129) + "\"")))
          .isEqualTo("message_id: longer than 128 characters (129)");
      assertThat(parseErrorOf(FULL_REPORT.replace("\"m-000123\"", "123")))
          .isEqualTo("message_id: not a string (123)");
    }

    @Test
    void acceptsAMessageIdOfExactly128Characters() {
      String id = "m".repeat(128);

      assertThat(parseJson(FULL_REPORT.replace("m-000123", id)).getReport().getMessageId())
          .isEqualTo(id);
    }

    @Test
    void namesEveryUnknownTopLevelField() {
      assertThat(
              parseErrorOf(
                  FULL_REPORT.replace(
                      "{\"schema_version\": 1,",
                      "{\"schema_version\": 1, \"colour\": \"red\", \"speed\": {\"kmh\": 9},")))
          .isEqualTo("colour: unknown field; speed: unknown field");
    }

    @Test
    void listsEveryProblemInFieldOrder() {
      assertThat(
              parseErrorOf(
                  "{\"schema_version\": 1, \"hectares\": \"abc\", \"message_id\": \"m-1\","
                      + " \"window_start\": \"yesterday\"}"))
          .isEqualTo(
              "window_start: not an ISO 8601 timestamp with offset (\"yesterday\");"
                  + " window_end: required; hectares: not a decimal number (\"abc\")");
    }

    @Test
    void rejectsAFieldSentTwice() {
      assertThat(parseErrorOf(reportWith("engine_hours", "1, \"hectares\": 3")))
          .isEqualTo("hectares: sent more than once");
    }

    @Test
    void showsLongValuesShortened() {
      String value = "x".repeat(100);

      assertThat(parseErrorOf(reportWith("hectares", "\"" + value + "\"")))
          .isEqualTo("hectares: not a decimal number (\"" + "x".repeat(64) + "...\")");
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
      assertThat(parseErrorOf("{\"schema_version\": 1,, \"message_id\": \"m-1\"}"))
          .isEqualTo(
              "malformed JSON: Unexpected character (',' (code 44)): was expecting double-quote to"
                  + " start field name (line 1, column 22)");
      assertThat(parseErrorOf("{\"schema_version\": 1"))
          .isEqualTo(
              "malformed JSON: Unexpected end-of-input: expected close marker for Object (start"
                  + " marker at [line: 1, column: 1]) (line 1, column 21)");
    }

    @Test
    void rejectsPayloadsThatAreNotOneJsonObject() {
      assertThat(parseErrorOf("")).isEqualTo("malformed JSON: empty payload");
      assertThat(parseErrorOf("[1, 2]")).isEqualTo("payload: not a JSON object");
      assertThat(parseErrorOf(FULL_REPORT + " {}"))
          .isEqualTo("malformed JSON: more content after the object");
    }

    @Test
    void rejectsInvalidUtf8() {
      byte[] payload = reportWith("engine_hours", "\"_\"").getBytes(UTF_8);
      int underscore = new String(payload, UTF_8).indexOf('_');
      payload[underscore] = (byte) 0xC3; // a lone lead byte

      UsageSubmission submission = parser.parse(TOPIC, payload, null);

      assertThat(submission.getParseError()).startsWith("malformed JSON: Invalid UTF-8");
      assertThat(submission.getRawPayload().toByteArray()).isEqualTo(payload);
    }
  }

  @Nested
  class TopicsAndContentTypes {
    @Test
    void rejectsATopicWhoseTractorIdIsInvalid() {
      UsageSubmission submission =
          parser.parse("furrow/v1/tractors/T 1/usage", FULL_REPORT.getBytes(UTF_8), null);

      assertThat(submission.getParseError())
          .isEqualTo(
              "topic: not furrow/v1/tractors/{tractor_id}/usage with a tractor id of 1-64"
                  + " characters [A-Za-z0-9._-] (\"furrow/v1/tractors/T 1/usage\")");
      assertThat(submission.getTopic()).isEqualTo("furrow/v1/tractors/T 1/usage");
    }

    @Test
    void rejectsATractorIdLongerThan64Characters() {
      String topic = "furrow/v1/tractors/" + "t".repeat(65) + "/usage";

      assertThat(parser.parse(topic, FULL_REPORT.getBytes(UTF_8), null).getParseError())
          .startsWith("topic: not furrow/v1/tractors/{tractor_id}/usage");
      assertThat(
              parser
                  .parse(
                      "furrow/v1/tractors/" + "t".repeat(64) + "/usage",
                      FULL_REPORT.getBytes(UTF_8),
                      null)
                  .hasReport())
          .isTrue();
    }

    @Test
    void rejectsAnUnsupportedContentTypeKeepingThePayload() {
      UsageSubmission submission = parser.parse(TOPIC, "2.5 ha".getBytes(UTF_8), "text/plain");

      assertThat(submission.getParseError())
          .isEqualTo(
              "content_type: unsupported (\"text/plain\"; supported: application/json,"
                  + " application/x-protobuf)");
      assertThat(submission.getContentType()).isEqualTo("text/plain");
      assertThat(submission.getRawPayload().toStringUtf8()).isEqualTo("2.5 ha");
    }

    @Test
    void rejectsAnOversizedPayloadKeepingItsBeginning() {
      byte[] payload = new byte[UsagePayloadParser.MAX_PAYLOAD_BYTES + 1];
      Arrays.fill(payload, (byte) ' ');

      UsageSubmission submission = parser.parse(TOPIC, payload, null);

      assertThat(submission.getParseError())
          .isEqualTo("payload: larger than 65536 bytes (65537; raw_payload keeps the first 65536)");
      assertThat(submission.getRawPayload().size()).isEqualTo(65536);
    }
  }

  @Nested
  class Protobuf {
    private final UsageReport sent =
        UsageReport.newBuilder()
            .setSchemaVersion(1)
            .setMessageId("m-7")
            .setWindowStart(Timestamps.parseUnchecked("2026-11-20T07:00:00Z"))
            .setWindowEnd(Timestamps.parseUnchecked("2026-11-20T09:00:00Z"))
            .setHectares("0.1")
            .setFuelLitres("10.50")
            .build();

    private UsageSubmission parseProtobuf(UsageReport report) {
      return parser.parse(TOPIC, report.toByteArray(), "application/x-protobuf");
    }

    @Test
    void readsTheReportAndFillsInTheTractorIdFromTheTopic() {
      UsageSubmission submission = parseProtobuf(sent);

      assertThat(submission.getReport()).isEqualTo(sent.toBuilder().setTractorId("T1").build());
      assertThat(submission.getContentType()).isEqualTo("application/x-protobuf");
      assertThat(submission.getRawPayload()).isEqualTo(sent.toByteString());
    }

    @Test
    void acceptsTheTopicsOwnTractorId() {
      assertThat(
              parseProtobuf(sent.toBuilder().setTractorId("T1").build()).getReport().getTractorId())
          .isEqualTo("T1");
    }

    @Test
    void rejectsAnotherTractorsId() {
      assertThat(parseProtobuf(sent.toBuilder().setTractorId("T2").build()).getParseError())
          .isEqualTo("tractor_id: does not match the topic (\"T2\", topic has \"T1\")");
    }

    @Test
    void rejectsMissingFieldsByName() {
      UsageReport report =
          sent.toBuilder().clearMessageId().clearWindowEnd().clearHectares().build();

      assertThat(parseProtobuf(report).getParseError())
          .isEqualTo("message_id: required; window_end: required; hectares: required");
    }

    @Test
    void rejectsAMissingOrUnsupportedSchemaVersion() {
      assertThat(parseProtobuf(sent.toBuilder().clearSchemaVersion().build()).getParseError())
          .isEqualTo("schema_version: required");
      assertThat(parseProtobuf(sent.toBuilder().setSchemaVersion(3).build()).getParseError())
          .isEqualTo("schema_version: unsupported version 3 (supported: 1)");
    }

    @Test
    void rejectsDecimalsThatAreNotPlainDecimalStrings() {
      assertThat(parseProtobuf(sent.toBuilder().setHectares("2.5ha").build()).getParseError())
          .isEqualTo("hectares: not a decimal number (\"2.5ha\")");
    }

    @Test
    void rejectsUnknownFieldsByNumber() {
      UsageReport report =
          sent.toBuilder()
              .setUnknownFields(
                  UnknownFieldSet.newBuilder()
                      .addField(42, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
                      .build())
              .build();

      assertThat(parseProtobuf(report).getParseError()).isEqualTo("field 42: unknown field");
    }

    @Test
    void rejectsBytesThatAreNotAUsageReport() {
      UsageSubmission submission =
          parser.parse(
              TOPIC,
              ByteString.copyFromUtf8("{\"json\": true}").toByteArray(),
              "application/x-protobuf");

      assertThat(submission.getParseError()).startsWith("malformed protobuf: ");
    }
  }
}
