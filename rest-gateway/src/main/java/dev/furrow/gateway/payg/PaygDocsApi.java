package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Path;
import dev.furrow.gateway.auth.ApiKeyAuthentication;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfPageNumberPagination;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.gateway.http.JsonResponses;
import dev.furrow.proto.payg.v1.ContractServiceGrpc;
import dev.furrow.proto.payg.v1.ContractServiceGrpc.ContractServiceFutureStub;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import io.grpc.Channel;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /payg/lms/docs}: the API's documentation in the reference's two access tiers. Anyone
 * gets the public tier; a valid key gets the signed-in tier with a live example from the caller's
 * own first contract; an invalid key is 401. JSON, or a minimal HTML page when the client's {@code
 * Accept} prefers {@code text/html} (a browser).
 */
public final class PaygDocsApi {

  static final String PATH = "/payg/lms/docs";

  private final ContractServiceFutureStub contracts;

  /** The endpoint, calling the core behind the given channel for the signed-in tier. */
  public PaygDocsApi(Channel core) {
    this.contracts = ContractServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** The documentation for the caller's access tier. */
  @Get
  @Path(PATH)
  @Path(PATH + "/")
  public HttpResponse docs(ServiceRequestContext ctx) {
    final String baseUrl = DrfPageNumberPagination.baseUrl(ctx);
    final boolean html = prefersHtml(ctx.request().headers());
    if (ApiKeyAuthentication.findApiKey(ctx) == null) {
      return render(PaygDocs.publicTier(baseUrl), html);
    }
    final ListContractsRequest first =
        ListContractsRequest.newBuilder()
            .setQuery(PaygListQuery.newBuilder().setLimit("1").setOrdering("-created_at"))
            .build();
    return HttpResponse.of(
        CoreCalls.toCompletable(CoreCalls.forRequest(contracts, ctx).listContracts(first))
            .handle(
                (reply, cause) ->
                    cause != null
                        ? RestErrors.fromThrowable(cause)
                        : render(
                            PaygDocs.signedInTier(
                                baseUrl, reply.getResultsCount() == 0 ? null : reply.getResults(0)),
                            html)));
  }

  private static HttpResponse render(ObjectNode docs, boolean html) {
    if (!html) {
      return JsonResponses.of(HttpStatus.OK, docs);
    }
    return HttpResponse.of(
        HttpStatus.OK,
        MediaType.HTML_UTF_8,
        PaygDocsHtml.render(docs).getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the first of the accepted types this page can be is HTML (JSON is the default). */
  static boolean prefersHtml(RequestHeaders headers) {
    for (MediaType type : headers.accept()) {
      if (type.is(MediaType.ANY_TEXT_TYPE) && type.subtype().equals("html")) {
        return true;
      }
      if (type.subtype().equals("json") || type.subtype().endsWith("+json")) {
        return false;
      }
    }
    return false;
  }
}
