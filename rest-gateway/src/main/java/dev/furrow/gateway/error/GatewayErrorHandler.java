package dev.furrow.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpResponseException;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.RequestCancellationException;
import com.linecorp.armeria.server.RequestTimeoutException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.gateway.http.JsonResponses;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-wide error handler: failures no endpoint turned into a response go through {@link
 * RestErrors}, and the statuses Armeria produces itself (unknown path, wrong method, timeouts) get
 * DRF's {@code {"detail": ...}} body instead of Armeria's plain-text page.
 */
public final class GatewayErrorHandler implements ServerErrorHandler {

  @Override
  public @Nullable HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
    if (isArmeriaOwn(cause)) {
      // Armeria's default turns these into a status, which renderStatus below then shapes.
      return null;
    }
    return RestErrors.fromThrowable(cause);
  }

  @Override
  public AggregatedHttpResponse renderStatus(
      @Nullable ServiceRequestContext ctx,
      ServiceConfig config,
      @Nullable RequestHeaders headers,
      HttpStatus status,
      @Nullable String description,
      @Nullable Throwable cause) {
    if (status.isContentAlwaysEmpty()) {
      return AggregatedHttpResponse.of(ResponseHeaders.of(status));
    }
    return JsonResponses.aggregated(status, Map.of("detail", detailFor(status, headers)));
  }

  private static boolean isArmeriaOwn(Throwable cause) {
    return cause instanceof HttpStatusException
        || cause instanceof HttpResponseException
        || cause instanceof RequestTimeoutException
        || cause instanceof RequestCancellationException
        || cause instanceof ContentTooLargeException
        || (cause instanceof IllegalArgumentException && !hasJsonCause(cause));
  }

  private static boolean hasJsonCause(Throwable cause) {
    for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof JsonProcessingException) {
        return true;
      }
    }
    return false;
  }

  /** DRF's default messages where it has one; Armeria's description is never echoed. */
  private static String detailFor(HttpStatus status, @Nullable RequestHeaders headers) {
    switch (status.code()) {
      case 400:
        return "Malformed request.";
      case 401:
        return RestErrors.NOT_AUTHENTICATED;
      case 403:
        return "You do not have permission to perform this action.";
      case 404:
        return "Not found.";
      case 405:
        return headers == null
            ? "Method not allowed."
            : "Method \"" + headers.method() + "\" not allowed.";
      case 406:
        return "Could not satisfy the request Accept header.";
      case 413:
        return "Request body too large.";
      case 415:
        return headers == null || headers.contentType() == null
            ? "Unsupported media type in request."
            : "Unsupported media type \"" + headers.contentType() + "\" in request.";
      case 500:
        return RestErrors.INTERNAL_ERROR;
      case 503:
        return "Service temporarily unavailable, try again later.";
      default:
        return status.reasonPhrase() + ".";
    }
  }
}
