package dev.furrow.gateway.payg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.util.concurrent.ListenableFuture;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfPageNumberPagination;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.gateway.http.JsonResponses;
import dev.furrow.proto.payg.v1.PaygPage;
import java.util.List;
import java.util.function.Function;

/**
 * Answers a PAYG request with the outcome of one core call, without blocking: the rendered result
 * on success, else what {@link RestErrors} maps the failure to.
 */
final class PaygReplies {

  private PaygReplies() {}

  /** 200 with the JSON the result renders to, once the call completes. */
  static <T> HttpResponse ok(
      ListenableFuture<T> call, Function<? super T, ? extends JsonNode> render) {
    return HttpResponse.of(
        CoreCalls.toCompletable(call)
            .handle(
                (result, cause) ->
                    cause != null
                        ? RestErrors.fromThrowable(cause)
                        : JsonResponses.of(HttpStatus.OK, render.apply(result))));
  }

  /**
   * 200 with the list envelope {@code {"count", "next", "previous", "results"}} of the page the
   * core returned, links built from the request being served.
   */
  static <T, R> HttpResponse page(
      ServiceRequestContext ctx,
      ListenableFuture<T> call,
      Function<? super T, PaygPage> page,
      Function<? super T, List<R>> results,
      Function<? super R, ObjectNode> render) {
    final DrfPageNumberPagination links = DrfPageNumberPagination.forRequest(ctx);
    return ok(
        call,
        reply -> {
          final ArrayNode rendered = PaygJson.NODES.arrayNode();
          for (R result : results.apply(reply)) {
            rendered.add(render.apply(result));
          }
          final PaygPage p = page.apply(reply);
          return links.envelope(
              p.getCount(), Math.max(1, p.getPage()), Math.max(1, p.getLimit()), rendered);
        });
  }
}
