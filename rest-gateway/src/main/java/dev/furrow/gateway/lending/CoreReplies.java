package dev.furrow.gateway.lending;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Message;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.gateway.http.JsonResponses;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Answers a REST request with the outcome of one core call, without blocking: the rendered result
 * on success, else the error {@link RestErrors} maps, with item field paths nested as DRF nests
 * them ({@link NestedFieldErrors}).
 */
final class CoreReplies {

  private CoreReplies() {}

  /** {@code status} with the JSON the result renders to, once the call completes. */
  static <T> HttpResponse json(
      ListenableFuture<T> call,
      HttpStatus status,
      Function<? super T, ? extends ObjectNode> render,
      @Nullable Message sent) {
    return HttpResponse.of(
        CoreCalls.toCompletable(call)
            .handle(
                (result, cause) ->
                    cause != null
                        ? error(cause, sent)
                        : JsonResponses.of(status, render.apply(result))));
  }

  /** 204 with no body once the call succeeds. */
  static HttpResponse noContent(ListenableFuture<?> call) {
    return HttpResponse.of(
        CoreCalls.toCompletable(call)
            .handle(
                (result, cause) ->
                    cause != null ? error(cause, null) : HttpResponse.of(HttpStatus.NO_CONTENT)));
  }

  /** The error response for a failed call, field paths nested. */
  static HttpResponse error(Throwable cause, @Nullable Message sent) {
    final HttpResponse mapped = RestErrors.fromThrowable(cause);
    return HttpResponse.of(
        mapped.aggregate().thenApply(response -> nestFieldPaths(response, sent).toHttpResponse()));
  }

  private static AggregatedHttpResponse nestFieldPaths(
      AggregatedHttpResponse response, @Nullable Message sent) {
    if (response.status() != HttpStatus.BAD_REQUEST) {
      return response;
    }
    final ObjectNode nested = NestedFieldErrors.nest(response.content().array(), sent);
    if (nested == null) {
      return response;
    }
    return JsonResponses.aggregated(HttpStatus.BAD_REQUEST, nested);
  }
}
