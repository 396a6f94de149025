package dev.furrow.gateway;

/** Runs the REST gateway configured from the environment until the process is stopped. */
public final class GatewayMain {

  private GatewayMain() {}

  /** Starts the gateway ({@link GatewayConfig#fromEnvironment()}) and closes it on shutdown. */
  public static void main(String[] args) {
    final GatewayServer gateway = GatewayServer.start(GatewayConfig.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
  }
}
