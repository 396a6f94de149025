package dev.furrow.gateway;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Where the gateway listens and where it finds the core.
 *
 * @param port the HTTP port to listen on; 0 picks any free port
 * @param coreTarget the core's gRPC target, e.g. {@code 127.0.0.1:9090} or {@code dns:///core:9090}
 */
public record GatewayConfig(int port, String coreTarget) {

  /** Environment variable holding the HTTP port. */
  public static final String PORT_ENV = "FURROW_GATEWAY_PORT";

  /** Environment variable holding the core's gRPC target. */
  public static final String CORE_TARGET_ENV = "FURROW_CORE_TARGET";

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_CORE_TARGET = "127.0.0.1:9090";

  public GatewayConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
    }
    requireNonNull(coreTarget, "coreTarget");
    if (coreTarget.isBlank()) {
      throw new IllegalArgumentException("coreTarget is blank (expected: host:port)");
    }
  }

  /** A configuration with the given port and core target. */
  public static GatewayConfig of(int port, String coreTarget) {
    return new GatewayConfig(port, coreTarget);
  }

  /** Port 8080, core at 127.0.0.1:9090. */
  public static GatewayConfig defaults() {
    return new GatewayConfig(DEFAULT_PORT, DEFAULT_CORE_TARGET);
  }

  /** Reads {@value #PORT_ENV} and {@value #CORE_TARGET_ENV}; unset or blank ones take defaults. */
  public static GatewayConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Like {@link #fromEnvironment()}, reading the given variables instead of the process's. */
  public static GatewayConfig fromEnvironment(Map<String, String> env) {
    requireNonNull(env, "env");
    final String portText = env.get(PORT_ENV);
    final String target = env.get(CORE_TARGET_ENV);
    final int port;
    if (portText == null || portText.isBlank()) {
      port = DEFAULT_PORT;
    } else {
      try {
        port = Integer.parseInt(portText.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            PORT_ENV + ": " + portText + " (expected: an integer 0-65535)", e);
      }
    }
    return new GatewayConfig(
        port, target == null || target.isBlank() ? DEFAULT_CORE_TARGET : target.trim());
  }

  /** This configuration listening on another port. */
  public GatewayConfig withPort(int port) {
    return new GatewayConfig(port, coreTarget);
  }

  /** This configuration talking to another core. */
  public GatewayConfig withCoreTarget(String coreTarget) {
    return new GatewayConfig(port, coreTarget);
  }
}
