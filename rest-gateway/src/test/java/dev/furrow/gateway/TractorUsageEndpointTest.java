package dev.furrow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.furrow.proto.telematics.v1.TractorUsage;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TractorUsageEndpointTest {

  @RegisterExtension static final GatewayUnderTest gateway = new GatewayUnderTest();

  private static HttpResponse<String> usageOf(String tractorId) {
    return gateway.get(
        "/payg/lms/tractors/" + tractorId + "/usage",
        "Authorization",
        "Bearer " + FakeCore.PAYG_KEY);
  }

  @Test
  void returnsTheCoresTotalsWithDecimalsUntouched() {
    final Instant lastReport = Instant.parse("2026-11-20T10:00:00Z");
    gateway
        .core()
        .answerUsage(
            "TR-1",
            TractorUsage.newBuilder()
                .setTractorId("TR-1")
                .setReportCount(3)
                .setHectares("7.50")
                .setEngineHours("6.00")
                .setLastReportAt(Timestamp.newBuilder().setSeconds(lastReport.getEpochSecond()))
                .build());

    final HttpResponse<String> response = usageOf("TR-1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(response.body())
        .isEqualTo(
            "{\"tractor_id\":\"TR-1\",\"report_count\":3,\"hectares\":\"7.50\","
                + "\"engine_hours\":\"6.00\",\"last_report_at\":\"2026-11-20T10:00:00Z\"}");
  }

  @Test
  void decimalsBeyondDoublePrecisionSurviveTheTrip() {
    gateway
        .core()
        .answerUsage(
            "TR-2",
            TractorUsage.newBuilder()
                .setTractorId("TR-2")
                .setReportCount(9_007_199_254_740_993L)
                .setHectares("12345678901234567.89")
                .setEngineHours("0.10")
                .build());

    final HttpResponse<String> response = usageOf("TR-2");

    assertThat(response.body())
        .isEqualTo(
            "{\"tractor_id\":\"TR-2\",\"report_count\":9007199254740993,"
                + "\"hectares\":\"12345678901234567.89\",\"engine_hours\":\"0.10\","
                + "\"last_report_at\":null}");
  }

  @Test
  void lastReportKeepsSubSecondPrecision() {
    gateway
        .core()
        .answerUsage(
            "TR-3",
            TractorUsage.newBuilder()
                .setTractorId("TR-3")
                .setReportCount(1)
                .setHectares("1.00")
                .setEngineHours("0.50")
                .setLastReportAt(
                    Timestamp.newBuilder()
                        .setSeconds(Instant.parse("2026-11-20T10:00:00Z").getEpochSecond())
                        .setNanos(123_456_000))
                .build());

    assertThat(usageOf("TR-3").body())
        .contains("\"last_report_at\":\"2026-11-20T10:00:00.123456Z\"");
  }

  @Test
  void tractorOfAnotherPartnerIsNotFound() {
    final HttpResponse<String> response = usageOf("TR-OTHER");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }

  @Test
  void fieldViolationsBecomeADrfFieldMap() {
    final BadRequest violations =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                    .setField("tractor_id")
                    .setDescription("Ensure this field has no more than 64 characters."))
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                    .setField("tractor_id")
                    .setDescription("Enter a valid tractor id."))
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setDescription("The window is closed."))
            .build();
    gateway
        .core()
        .failUsage(
            "TR-BAD",
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("invalid request")
                    .addDetails(Any.pack(violations))
                    .build()));

    final HttpResponse<String> response = usageOf("TR-BAD");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"tractor_id\":[\"Ensure this field has no more than 64 characters.\","
                + "\"Enter a valid tractor id.\"],\"non_field_errors\":[\"The window is closed.\"]}");
  }

  @Test
  void invalidArgumentWithoutDetailsIsANonFieldError() {
    gateway
        .core()
        .failUsage(
            "TR-ODD",
            Status.INVALID_ARGUMENT
                .withDescription("tractor_id is malformed")
                .asRuntimeException());

    final HttpResponse<String> response = usageOf("TR-ODD");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"non_field_errors\":[\"tractor_id is malformed\"]}");
  }

  @Test
  void unavailableCoreIs503() {
    gateway
        .core()
        .failUsage("TR-1", Status.UNAVAILABLE.withDescription("draining").asRuntimeException());

    final HttpResponse<String> response = usageOf("TR-1");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo("{\"detail\":\"The core service is unavailable, try again.\"}");
  }

  @Test
  void coreThatIsDownIs503() throws Exception {
    final String nobodyListens;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobodyListens = "127.0.0.1:" + socket.getLocalPort();
    }
    try (GatewayServer lonely = GatewayServer.start(GatewayConfig.of(0, nobodyListens))) {
      final HttpResponse<String> response =
          gateway.call(
              lonely.port(),
              "/payg/lms/tractors/TR-1/usage",
              "GET",
              "Authorization",
              "Bearer " + FakeCore.PAYG_KEY);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body())
          .isEqualTo("{\"detail\":\"The core service is unavailable, try again.\"}");
    }
  }

  @Test
  void unexpectedCoreFailureIs500WithoutDetails() {
    gateway
        .core()
        .failUsage(
            "TR-1",
            Status.INTERNAL
                .withDescription("NullPointerException at LoanDao.java:42")
                .asRuntimeException());

    final HttpResponse<String> response = usageOf("TR-1");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Internal error.\"}");
  }

  @Test
  void tractorIdIsSentDecoded() {
    gateway
        .core()
        .answerUsage(
            "TR 7/A",
            TractorUsage.newBuilder()
                .setTractorId("TR 7/A")
                .setHectares("0.00")
                .setEngineHours("0.00")
                .build());

    final HttpResponse<String> response = usageOf("TR%207%2FA");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"tractor_id\":\"TR 7/A\",\"report_count\":0,");
  }
}
