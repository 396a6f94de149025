package dev.furrow.gateway.error;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import dev.furrow.gateway.drf.DrfBadRequestException;
import dev.furrow.gateway.http.JsonResponses;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failed core call (a gRPC status) into the HTTP status and the
 * DRF-shaped JSON body the REST faces answer with.
 *
 * <ul>
 *   <li>INVALID_ARGUMENT: 400, {@code {"<field>": ["..."]}} from {@code google.rpc.BadRequest}
 *       details, else {@code {"non_field_errors": ["<message>"]}}
 *   <li>UNAUTHENTICATED: 401; PERMISSION_DENIED: 403; NOT_FOUND: 404; ALREADY_EXISTS,
 *       FAILED_PRECONDITION, ABORTED: 409; all {@code {"detail": "<message>"}}
 *   <li>UNAVAILABLE, DEADLINE_EXCEEDED: 503; anything else: 500 (logged, never the trace)
 * </ul>
 */
public final class RestErrors {

  private static final Logger logger = LoggerFactory.getLogger(RestErrors.class);

  /** DRF's key for errors that belong to no single field. */
  public static final String NON_FIELD_ERRORS = "non_field_errors";

  static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
  static final String CORE_UNAVAILABLE = "The core service is unavailable, try again.";
  static final String INTERNAL_ERROR = "Internal error.";

  private RestErrors() {}

  /**
   * The response for a failed core call. Accepts the failure as a future or a stub hands it over
   * ({@link StatusRuntimeException}, {@link StatusException}, possibly wrapped in a {@link
   * CompletionException} or {@link ExecutionException}); any other throwable is an internal error.
   */
  public static HttpResponse fromThrowable(Throwable cause) {
    requireNonNull(cause, "cause");
    final Throwable unwrapped = unwrap(cause);
    if (unwrapped instanceof DrfBadRequestException badRequest) {
      return badRequest.toResponse();
    }
    final JsonProcessingException parseError = findJsonParseError(unwrapped);
    if (parseError != null) {
      return jsonParseError(parseError.getOriginalMessage());
    }
    if (!(unwrapped instanceof StatusRuntimeException) && !(unwrapped instanceof StatusException)) {
      logger.error("Unexpected failure while serving a REST request", unwrapped);
      return detail(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
    }
    final Status status = Status.fromThrowable(unwrapped);
    final String message = status.getDescription();
    switch (status.getCode()) {
      case INVALID_ARGUMENT:
        return JsonResponses.of(HttpStatus.BAD_REQUEST, validationErrors(unwrapped, message));
      case UNAUTHENTICATED:
        return detail(
            HttpStatus.UNAUTHORIZED, orDefault(message, "Incorrect authentication credentials."));
      case PERMISSION_DENIED:
        return detail(
            HttpStatus.FORBIDDEN,
            orDefault(message, "You do not have permission to perform this action."));
      case NOT_FOUND:
        return detail(HttpStatus.NOT_FOUND, orDefault(message, "Not found."));
      case ALREADY_EXISTS:
      case FAILED_PRECONDITION:
      case ABORTED:
        return detail(HttpStatus.CONFLICT, orDefault(message, "Conflict."));
      case UNAVAILABLE:
      case DEADLINE_EXCEEDED:
        logger.warn("Core unreachable: {} {}", status.getCode(), status.getDescription());
        return detail(HttpStatus.SERVICE_UNAVAILABLE, CORE_UNAVAILABLE);
      default:
        logger.error(
            "Core call failed: {} {}",
            status.getCode(),
            status.getDescription(),
            status.getCause());
        return detail(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
    }
  }

  /** {@code {"detail": "<detail>"}} with the given status. */
  public static HttpResponse detail(HttpStatus status, String detail) {
    requireNonNull(status, "status");
    requireNonNull(detail, "detail");
    return JsonResponses.of(status, Map.of("detail", detail));
  }

  /** 401 {@code {"detail": "Authentication credentials were not provided."}}. */
  public static HttpResponse notAuthenticated() {
    return detail(HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED);
  }

  /** 400 {@code {"detail": "JSON parse error - <reason>"}}, as DRF answers a malformed body. */
  public static HttpResponse jsonParseError(@Nullable String reason) {
    return detail(
        HttpStatus.BAD_REQUEST,
        "JSON parse error - " + (reason == null ? "malformed JSON" : reason));
  }

  private static Map<String, List<String>> validationErrors(
      Throwable statusError, @Nullable String message) {
    final Map<String, List<String>> errors = new LinkedHashMap<>();
    final com.google.rpc.Status rich = StatusProto.fromThrowable(statusError);
    if (rich != null) {
      for (Any detail : rich.getDetailsList()) {
        if (!detail.is(BadRequest.class)) {
          continue;
        }
        for (BadRequest.FieldViolation violation :
            unpackBadRequest(detail).getFieldViolationsList()) {
          final String field =
              violation.getField().isEmpty() ? NON_FIELD_ERRORS : violation.getField();
          errors
              .computeIfAbsent(field, unused -> new ArrayList<>())
              .add(violation.getDescription());
        }
      }
    }
    if (errors.isEmpty()) {
      errors.put(NON_FIELD_ERRORS, List.of(orDefault(message, "Invalid input.")));
    }
    return errors;
  }

  private static BadRequest unpackBadRequest(Any detail) {
    try {
      return detail.unpack(BadRequest.class);
    } catch (InvalidProtocolBufferException e) {
      // The type URL said BadRequest, so the bytes are corrupt: treat as no violations.
      logger.warn("Unreadable google.rpc.BadRequest detail from the core", e);
      return BadRequest.getDefaultInstance();
    }
  }

  private static Throwable unwrap(Throwable cause) {
    Throwable t = cause;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static @Nullable JsonProcessingException findJsonParseError(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof JsonProcessingException) {
        return (JsonProcessingException) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String orDefault(@Nullable String message, String fallback) {
    return message == null || message.isEmpty() ? fallback : message;
  }
}
