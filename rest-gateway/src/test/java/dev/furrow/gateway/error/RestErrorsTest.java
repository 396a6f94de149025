package dev.furrow.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestErrorsTest {

  private static AggregatedHttpResponse render(HttpResponse response) {
    return response.aggregate().join();
  }

  private static AggregatedHttpResponse mapped(Status status) {
    return render(RestErrors.fromThrowable(status.asRuntimeException()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "UNAUTHENTICATED, 401",
    "PERMISSION_DENIED, 403",
    "NOT_FOUND, 404",
    "ALREADY_EXISTS, 409",
    "FAILED_PRECONDITION, 409",
    "ABORTED, 409",
  })
  void statusWithAMessageBecomesADetail(Status.Code code, int httpStatus) {
    final AggregatedHttpResponse response =
        mapped(Status.fromCode(code).withDescription("Loan 7 is already closed."));

    assertThat(response.status().code()).isEqualTo(httpStatus);
    assertThat(response.contentType()).isEqualTo(MediaType.JSON_UTF_8);
    assertThat(response.contentUtf8()).isEqualTo("{\"detail\":\"Loan 7 is already closed.\"}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "UNAUTHENTICATED, 401, Incorrect authentication credentials.",
    "PERMISSION_DENIED, 403, You do not have permission to perform this action.",
    "NOT_FOUND, 404, Not found.",
    "FAILED_PRECONDITION, 409, Conflict.",
  })
  void statusWithoutAMessageGetsDrfsDefaultDetail(Status.Code code, int httpStatus, String detail) {
    final AggregatedHttpResponse response = mapped(Status.fromCode(code));

    assertThat(response.status().code()).isEqualTo(httpStatus);
    assertThat(response.contentUtf8()).isEqualTo("{\"detail\":\"" + detail + "\"}");
  }

  @ParameterizedTest
  @CsvSource({"UNAVAILABLE", "DEADLINE_EXCEEDED"})
  void unreachableOrSlowCoreIs503(Status.Code code) {
    final AggregatedHttpResponse response =
        mapped(Status.fromCode(code).withDescription("io exception"));

    assertThat(response.status().code()).isEqualTo(503);
    assertThat(response.contentUtf8())
        .isEqualTo("{\"detail\":\"The core service is unavailable, try again.\"}");
  }

  @ParameterizedTest
  @CsvSource({"INTERNAL", "UNKNOWN", "DATA_LOSS", "UNIMPLEMENTED", "RESOURCE_EXHAUSTED"})
  void anythingElseIs500WithoutTheCoresMessage(Status.Code code) {
    final AggregatedHttpResponse response =
        mapped(Status.fromCode(code).withDescription("java.sql.SQLException: secret"));

    assertThat(response.status().code()).isEqualTo(500);
    assertThat(response.contentUtf8()).isEqualTo("{\"detail\":\"Internal error.\"}");
  }

  @Test
  void failureOutsideGrpcIs500() {
    final AggregatedHttpResponse response =
        render(RestErrors.fromThrowable(new IllegalStateException("bug")));

    assertThat(response.status().code()).isEqualTo(500);
    assertThat(response.contentUtf8()).isEqualTo("{\"detail\":\"Internal error.\"}");
  }

  @Test
  void futureWrappersAreSeenThrough() {
    final Throwable wrapped =
        new CompletionException(
            new ExecutionException(Status.NOT_FOUND.withDescription("No loan.").asException()));

    final AggregatedHttpResponse response = render(RestErrors.fromThrowable(wrapped));

    assertThat(response.status().code()).isEqualTo(404);
    assertThat(response.contentUtf8()).isEqualTo("{\"detail\":\"No loan.\"}");
  }

  @Test
  void badRequestViolationsAreGroupedByFieldInOrder() {
    final BadRequest violations =
        BadRequest.newBuilder()
            .addFieldViolations(violation("amount", "Ensure this value is greater than 0."))
            .addFieldViolations(violation("", "Loan is not active."))
            .addFieldViolations(violation("currency", "This field is required."))
            .addFieldViolations(violation("amount", "A valid number is required."))
            .build();
    final com.google.rpc.Status rich =
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage("invalid transaction")
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("IGNORED").build()))
            .addDetails(Any.pack(violations))
            .build();

    final AggregatedHttpResponse response =
        render(RestErrors.fromThrowable(StatusProto.toStatusRuntimeException(rich)));

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.contentUtf8())
        .isEqualTo(
            "{\"amount\":[\"Ensure this value is greater than 0.\",\"A valid number is required.\"],"
                + "\"non_field_errors\":[\"Loan is not active.\"],"
                + "\"currency\":[\"This field is required.\"]}");
  }

  @Test
  void invalidArgumentWithoutViolationsIsANonFieldError() {
    final AggregatedHttpResponse response =
        mapped(Status.INVALID_ARGUMENT.withDescription("limit must be positive"));

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.contentUtf8())
        .isEqualTo("{\"non_field_errors\":[\"limit must be positive\"]}");
  }

  @Test
  void malformedJsonIsAParseErrorDetail() throws Exception {
    final JsonProcessingException parseError = parseErrorOf("{\"amount\": ");

    final AggregatedHttpResponse response =
        render(RestErrors.fromThrowable(new IllegalArgumentException(parseError)));

    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.contentUtf8())
        .startsWith("{\"detail\":\"JSON parse error - ")
        .doesNotContain("line: 1, column");
  }

  @Test
  void jsonParseErrorNamesTheReason() {
    assertThat(render(RestErrors.jsonParseError("Unexpected end-of-input")).contentUtf8())
        .isEqualTo("{\"detail\":\"JSON parse error - Unexpected end-of-input\"}");
  }

  private static BadRequest.FieldViolation violation(String field, String description) {
    return BadRequest.FieldViolation.newBuilder()
        .setField(field)
        .setDescription(description)
        .build();
  }

  private static JsonProcessingException parseErrorOf(String json) {
    try {
      JsonMapper.builder().build().readTree(json);
      throw new AssertionError("expected a parse error for " + json);
    } catch (JsonProcessingException e) {
      return e;
    }
  }
}
