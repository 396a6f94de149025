package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.gateway.http.JsonResponses;
import org.jspecify.annotations.Nullable;

/**
 * A request body DRF would answer with 400: either unparseable ({@code {"detail": "JSON parse error
 * - ..."}}, DRF's {@code ParseError}) or with field errors ({@code {"<field>": ["..."]}}, DRF's
 * {@code ValidationError}). {@link #toResponse()} renders it; {@link DrfExceptionHandler} does so
 * for annotated services.
 *
 * <p>A parse error keeps the Jackson exception as its cause, so {@link RestErrors#fromThrowable}
 * already renders it the same way.
 */
public final class DrfBadRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ObjectNode body;
  private final @Nullable String parseErrorReason;

  private DrfBadRequestException(
      ObjectNode body, @Nullable String parseErrorReason, @Nullable Throwable cause) {
    // A client's mistake: no stack trace to fill or log.
    super(DrfJson.compact(body), cause, false, false);
    this.body = body;
    this.parseErrorReason = parseErrorReason;
  }

  /** A body that is not JSON; {@code reason} says why (Jackson's message). */
  static DrfBadRequestException parseError(String reason, @Nullable Throwable cause) {
    requireNonNull(reason, "reason");
    final ObjectNode body = DrfJson.NODES.objectNode();
    body.put("detail", "JSON parse error - " + reason);
    return new DrfBadRequestException(body, reason, cause);
  }

  /** A body with field errors, in DRF's nested shape. */
  static DrfBadRequestException invalid(ObjectNode errors) {
    requireNonNull(errors, "errors");
    return new DrfBadRequestException(errors, null, null);
  }

  /** Whether the body was not JSON at all (DRF's {@code ParseError}). */
  public boolean isParseError() {
    return parseErrorReason != null;
  }

  /** The JSON body of the 400 answer (a copy). */
  public ObjectNode body() {
    return body.deepCopy();
  }

  /** The 400 response, {@code application/json}. */
  public HttpResponse toResponse() {
    return parseErrorReason != null
        ? RestErrors.jsonParseError(parseErrorReason)
        : JsonResponses.of(HttpStatus.BAD_REQUEST, body);
  }
}
