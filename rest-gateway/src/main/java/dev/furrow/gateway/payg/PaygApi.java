package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServerBuilder;
import dev.furrow.gateway.auth.ApiKeyAuthentication;
import dev.furrow.gateway.auth.ApiKeyPlacement;
import io.grpc.Channel;

/**
 * The pay-as-you-go LMS face: everything under {@value #PREFIX}, keyed by a Bearer token, except
 * the public documentation page, which a key only enriches. docs/rest-api.md describes the face.
 */
public final class PaygApi {

  /** The path every route of this face lives under. */
  public static final String PREFIX = "/payg/lms/";

  private PaygApi() {}

  /** Adds this face's routes and its authentication to the server being built. */
  public static void install(ServerBuilder sb, Channel core) {
    requireNonNull(sb, "sb");
    requireNonNull(core, "core");
    sb.routeDecorator()
        .pathPrefix(PREFIX)
        .exclude(PaygDocsApi.PATH)
        .exclude(PaygDocsApi.PATH + "/")
        .build(ApiKeyAuthentication.of(ApiKeyPlacement.BEARER_TOKEN));
    sb.annotatedService()
        .decorator(ApiKeyAuthentication.optional(ApiKeyPlacement.BEARER_TOKEN))
        .build(new PaygDocsApi(core));
    sb.annotatedService(new TractorUsageService(core));
    sb.annotatedService(new ContractsApi(core));
    sb.annotatedService(new BillingApi(core));
    sb.annotatedService()
        .maxRequestLength(PaymentsApi.MAX_WEBHOOK_BODY)
        .build(new PaymentsApi(core));
  }
}
