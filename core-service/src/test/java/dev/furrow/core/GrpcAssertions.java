package dev.furrow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What a refused gRPC call answered, asserted exactly: its status code and description. */
public final class GrpcAssertions {
  private GrpcAssertions() {}

  /** The call fails with exactly this code and description. */
  public static void assertStatus(ThrowingCallable call, Status.Code code, String description) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("expected the call to fail").isNotNull();
    assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
    assertThat(e.getStatus().getDescription()).isEqualTo(description);
  }

  /** The call is refused by the state of what it acts on (REST 409). */
  public static void assertConflict(ThrowingCallable call, String description) {
    assertStatus(call, Status.Code.FAILED_PRECONDITION, description);
  }

  /** The call finds nothing the caller may see. */
  public static void assertNotFound(ThrowingCallable call) {
    assertStatus(call, Status.Code.NOT_FOUND, "Not found.");
  }

  /**
   * The field violations of an INVALID_ARGUMENT call, field to message, in the order the core
   * reported them; several messages for one field are joined with {@code " | "}.
   */
  public static Map<String, String> fieldViolations(ThrowingCallable call) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call);
    assertThat(e).as("expected the call to fail").isNotNull();
    assertThat(e.getStatus().getCode())
        .as(e.getStatus().toString())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    Map<String, String> violations = new LinkedHashMap<>();
    try {
      StatusProto.fromThrowable(e)
          .getDetails(0)
          .unpack(BadRequest.class)
          .getFieldViolationsList()
          .forEach(
              v -> violations.merge(v.getField(), v.getDescription(), (a, b) -> a + " | " + b));
    } catch (InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
    return violations;
  }
}
