package dev.furrow.core;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Settings of the core process. {@link #fromEnvironment(Map)} documents every variable and its
 * default; the README's configuration table lists the same.
 *
 * @param dbUrl JDBC URL of the PostgreSQL database (user and password may be URL parameters)
 * @param dbUser database user, or empty to take it from the URL
 * @param dbPassword database password, or empty
 * @param dbPoolSize maximum pooled connections
 * @param grpcPort port of the gRPC server; 0 picks a free one
 * @param serviceToken token operators and internal services (the ingester) present in the {@code
 *     x-furrow-service-token} metadata entry
 * @param billingScheduler whether the core runs the weekly billing cycle itself, hourly for today's
 *     UTC date (on in production, off in tests, which run the cycle for chosen dates)
 */
public record CoreConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    int grpcPort,
    String serviceToken,
    boolean billingScheduler) {

  public static final String DEFAULT_DB_URL =
      "jdbc:postgresql://127.0.0.1:5432/furrow?user=postgres";
  public static final int DEFAULT_GRPC_PORT = 9090;

  public CoreConfig {
    requireNonNull(dbUrl, "dbUrl");
    requireNonNull(dbUser, "dbUser");
    requireNonNull(dbPassword, "dbPassword");
    requireNonNull(serviceToken, "serviceToken");
    if (serviceToken.length() < 16) {
      throw new IllegalArgumentException(
          "serviceToken: " + serviceToken.length() + " characters (expected: at least 16)");
    }
    if (dbPoolSize < 1) {
      throw new IllegalArgumentException("dbPoolSize: " + dbPoolSize + " (expected: > 0)");
    }
  }

  /** A configuration without the billing scheduler. */
  public CoreConfig(
      String dbUrl,
      String dbUser,
      String dbPassword,
      int dbPoolSize,
      int grpcPort,
      String serviceToken) {
    this(dbUrl, dbUser, dbPassword, dbPoolSize, grpcPort, serviceToken, false);
  }

  /** A configuration for a database URL, with defaults for the rest (billing scheduler off). */
  public static CoreConfig of(String dbUrl, String serviceToken) {
    return new CoreConfig(dbUrl, "", "", 16, 0, serviceToken);
  }

  /** The same configuration listening on another gRPC port. */
  public CoreConfig withGrpcPort(int port) {
    return new CoreConfig(
        dbUrl, dbUser, dbPassword, dbPoolSize, port, serviceToken, billingScheduler);
  }

  /** The same configuration with the billing scheduler on or off. */
  public CoreConfig withBillingScheduler(boolean on) {
    return new CoreConfig(dbUrl, dbUser, dbPassword, dbPoolSize, grpcPort, serviceToken, on);
  }

  /**
   * Reads {@code FURROW_DB_URL} (default {@value #DEFAULT_DB_URL}), {@code FURROW_DB_USER}, {@code
   * FURROW_DB_PASSWORD}, {@code FURROW_DB_POOL_SIZE} (default 16), {@code FURROW_CORE_PORT}
   * (default {@value #DEFAULT_GRPC_PORT}), {@code FURROW_SERVICE_TOKEN} (required) and {@code
   * FURROW_BILLING_SCHEDULER} ({@code on} by default; {@code off} leaves the billing cycle to an
   * operator's RunBillingCycle calls).
   */
  public static CoreConfig fromEnvironment(Map<String, String> env) {
    String token = env.getOrDefault("FURROW_SERVICE_TOKEN", "");
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "FURROW_SERVICE_TOKEN is not set: choose a secret of at least 16 characters and give the"
              + " same value to the ingester");
    }
    return new CoreConfig(
        env.getOrDefault("FURROW_DB_URL", DEFAULT_DB_URL),
        env.getOrDefault("FURROW_DB_USER", ""),
        env.getOrDefault("FURROW_DB_PASSWORD", ""),
        Integer.parseInt(env.getOrDefault("FURROW_DB_POOL_SIZE", "16")),
        Integer.parseInt(env.getOrDefault("FURROW_CORE_PORT", String.valueOf(DEFAULT_GRPC_PORT))),
        token,
        billingSchedulerSetting(env.getOrDefault("FURROW_BILLING_SCHEDULER", "on")));
  }

  private static boolean billingSchedulerSetting(String value) {
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "1", "yes" -> true;
      case "off", "false", "0", "no" -> false;
      default ->
          throw new IllegalArgumentException(
              "FURROW_BILLING_SCHEDULER: \"" + value + "\" (expected: on or off)");
    };
  }
}
