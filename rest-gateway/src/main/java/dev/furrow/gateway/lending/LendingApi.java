package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServerBuilder;
import dev.furrow.gateway.auth.ApiKeyAuthentication;
import dev.furrow.gateway.auth.ApiKeyPlacement;
import io.grpc.Channel;

/**
 * The partner lending face: everything under {@value #PREFIX}, keyed by {@code X-Api-Key}. No
 * endpoints yet; the authentication is already in place so the face answers like DRF from day one.
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
  }
}
