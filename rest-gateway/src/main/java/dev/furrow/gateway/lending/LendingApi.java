package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServerBuilder;
import dev.furrow.gateway.auth.ApiKeyAuthentication;
import dev.furrow.gateway.auth.ApiKeyPlacement;
import io.grpc.Channel;

/**
 * The partner lending face: everything under {@value #PREFIX}, keyed by {@code X-Api-Key}. One
 * annotated service per resource (products, end users, applications, loans, transactions,
 * statements, the portfolio), each a thin mapping of the reference's paths onto the core's gRPC
 * service; docs/rest-api.md describes the face.
 */
public final class LendingApi {

  /** The path every route of this face lives under. */
  public static final String PREFIX = "/api/v1/";

  private LendingApi() {}

  /** Adds this face's routes and its authentication to the server being built. */
  public static void install(ServerBuilder sb, Channel core) {
    requireNonNull(sb, "sb");
    requireNonNull(core, "core");
    sb.decoratorUnder(PREFIX, ApiKeyAuthentication.of(ApiKeyPlacement.X_API_KEY_HEADER));
    sb.annotatedService(new ProductsApi(core));
    sb.annotatedService(new EndUsersApi(core));
    sb.annotatedService(new ApplicationsApi(core));
    sb.annotatedService(new LoansApi(core));
    sb.annotatedService(new TransactionsApi(core));
    sb.annotatedService(new StatementsApi(core));
    sb.annotatedService(new PortfolioApi(core));
  }
}
