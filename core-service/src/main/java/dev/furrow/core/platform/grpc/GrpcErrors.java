package dev.furrow.core.platform.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.furrow.core.error.AlreadyExistsException;
import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.DomainException;
import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.error.UnauthenticatedException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * The one place that turns domain refusals into gRPC statuses. Field problems travel as {@code
 * google.rpc.BadRequest} details so clients (the REST gateway first) can show them per field.
 */
public final class GrpcErrors {
  private GrpcErrors() {}

  /** Maps any throwable to the status a client should see; unknown failures hide their details. */
  public static StatusRuntimeException toStatus(Throwable error) {
    if (error instanceof StatusRuntimeException sre) {
      return sre;
    }
    if (error instanceof InvalidInputException invalid) {
      return invalidArgument(invalid);
    }
    if (error instanceof DomainException domain) {
      return Status.fromCode(codeOf(domain))
          .withDescription(domain.getMessage())
          .asRuntimeException();
    }
    return Status.INTERNAL.withDescription("Internal error.").asRuntimeException();
  }

  private static Status.Code codeOf(DomainException error) {
    if (error instanceof NotFoundException) {
      return Status.Code.NOT_FOUND;
    }
    if (error instanceof ConflictException) {
      return Status.Code.FAILED_PRECONDITION;
    }
    if (error instanceof AlreadyExistsException) {
      return Status.Code.ALREADY_EXISTS;
    }
    if (error instanceof UnauthenticatedException) {
      return Status.Code.UNAUTHENTICATED;
    }
    return Status.Code.INVALID_ARGUMENT;
  }

  private static StatusRuntimeException invalidArgument(InvalidInputException invalid) {
    BadRequest.Builder details = BadRequest.newBuilder();
    for (FieldViolation violation : invalid.violations()) {
      details
          .addFieldViolationsBuilder()
          .setField(violation.field())
          .setDescription(violation.message());
    }
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(invalid.getMessage())
            .addDetails(Any.pack(details.build()))
            .build();
    return StatusProto.toStatusRuntimeException(status);
  }
}
