package dev.furrow.gateway;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import dev.furrow.gateway.core.CoreChannels;
import dev.furrow.gateway.error.GatewayErrorHandler;
import dev.furrow.gateway.health.HealthService;
import dev.furrow.gateway.lending.LendingApi;
import dev.furrow.gateway.payg.PaygApi;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running REST gateway: an Armeria server in front of one gRPC channel to the core. */
public final class GatewayServer implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(GatewayServer.class);

  private final Server server;
  private final ManagedChannel channel;

  private GatewayServer(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  /**
   * Starts a gateway and returns once it is listening. The core need not be up yet: calls fail with
   * 503 until it is.
   */
  public static GatewayServer start(GatewayConfig config) {
    requireNonNull(config, "config");
    final ManagedChannel channel = CoreChannels.open(config.coreTarget());
    try {
      final Server server = buildServer(config, CoreChannels.reconnectingPromptly(channel));
      server.start().join();
      final GatewayServer gateway = new GatewayServer(server, channel);
      logger.info(
          "REST gateway listening on port {}, core at {}", gateway.port(), config.coreTarget());
      return gateway;
    } catch (RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  private static Server buildServer(GatewayConfig config, Channel core) {
    final ServerBuilder sb = Server.builder().http(config.port());
    sb.errorHandler(new GatewayErrorHandler());
    sb.annotatedService(new HealthService(core));
    LendingApi.install(sb, core);
    PaygApi.install(sb, core);
    return sb.build();
  }

  /** The port the gateway listens on (the chosen one when started with port 0). */
  public int port() {
    return server.activeLocalPort();
  }

  /** Stops the server (requests still in flight are cut off) and closes the channel to the core. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      channel.shutdown();
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
