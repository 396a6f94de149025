package dev.furrow.gateway.drf;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandlerFunction;
import java.util.concurrent.CompletionException;

/**
 * Answers a {@link DrfBadRequestException} with its 400 body; anything else falls through to the
 * server's error handler. Put {@code @ExceptionHandler(DrfExceptionHandler.class)} on an annotated
 * service that reads bodies with {@link DrfJsonReader}.
 */
public final class DrfExceptionHandler implements ExceptionHandlerFunction {

  @Override
  public HttpResponse handleException(ServiceRequestContext ctx, HttpRequest req, Throwable cause) {
    Throwable t = cause;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof DrfBadRequestException) {
      return ((DrfBadRequestException) t).toResponse();
    }
    return ExceptionHandlerFunction.fallthrough();
  }
}
