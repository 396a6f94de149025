package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServerBuilder;
import dev.furrow.gateway.auth.ApiKeyAuthentication;
import dev.furrow.gateway.auth.ApiKeyPlacement;
import io.grpc.Channel;

/** The pay-as-you-go LMS face: everything under {@value #PREFIX}, keyed by a Bearer token. */
public final class PaygApi {

  /** The path every route of this face lives under. */
  public static final String PREFIX = "/payg/lms/";

  private PaygApi() {}

  /** Adds this face's routes and its authentication to the server being built. */
  public static void install(ServerBuilder sb, Channel core) {
    requireNonNull(sb, "sb");
    requireNonNull(core, "core");
    sb.decoratorUnder(PREFIX, ApiKeyAuthentication.of(ApiKeyPlacement.BEARER_TOKEN));
    sb.annotatedService(new TractorUsageService(core));
  }
}
