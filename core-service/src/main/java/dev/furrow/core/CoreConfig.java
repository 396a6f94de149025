package dev.furrow.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.util.Locale;
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
 * @param closeOfBusiness the daily close of business (which also runs the weekly billing cycle) and
 *     its delinquency thresholds
 */
public record CoreConfig(
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    int grpcPort,
    String serviceToken,
    CloseOfBusinessSettings closeOfBusiness) {

  public static final String DEFAULT_DB_URL =
      "jdbc:postgresql://127.0.0.1:5432/furrow?user=postgres";
  public static final int DEFAULT_GRPC_PORT = 9090;

  public CoreConfig {
    requireNonNull(dbUrl, "dbUrl");
    requireNonNull(dbUser, "dbUser");
    requireNonNull(dbPassword, "dbPassword");
    requireNonNull(serviceToken, "serviceToken");
    requireNonNull(closeOfBusiness, "closeOfBusiness");
    if (serviceToken.length() < 16) {
      throw new IllegalArgumentException(
          "serviceToken: " + serviceToken.length() + " characters (expected: at least 16)");
    }
    if (dbPoolSize < 1) {
      throw new IllegalArgumentException("dbPoolSize: " + dbPoolSize + " (expected: > 0)");
    }
  }

  /** A configuration without the daily close-of-business schedule (tests, the local system). */
  public CoreConfig(
      String dbUrl,
      String dbUser,
      String dbPassword,
      int dbPoolSize,
      int grpcPort,
      String serviceToken) {
    this(
        dbUrl,
        dbUser,
        dbPassword,
        dbPoolSize,
        grpcPort,
        serviceToken,
        CloseOfBusinessSettings.UNSCHEDULED);
  }

  /** A configuration for a database URL, with defaults for the rest and no scheduler. */
  public static CoreConfig of(String dbUrl, String serviceToken) {
    return new CoreConfig(dbUrl, "", "", 16, 0, serviceToken);
  }

  /** The same configuration listening on another gRPC port. */
  public CoreConfig withGrpcPort(int port) {
    return new CoreConfig(
        dbUrl, dbUser, dbPassword, dbPoolSize, port, serviceToken, closeOfBusiness);
  }

  /** The same configuration with other close-of-business settings. */
  public CoreConfig withCloseOfBusiness(CloseOfBusinessSettings settings) {
    return new CoreConfig(dbUrl, dbUser, dbPassword, dbPoolSize, grpcPort, serviceToken, settings);
  }

  /**
   * Close-of-business settings.
   *
   * @param scheduled whether the core closes yesterday every day at {@code runAt} (UTC)
   * @param runAt the time of day (UTC) of the daily run
   * @param defaultAfterDaysInArrears days in arrears after which a loan is in default
   * @param accrualChunkSize loans per commit of the interest accrual
   * @param accrualWorkers parallel workers (database connections) of the interest accrual
   */
  public record CloseOfBusinessSettings(
      boolean scheduled,
      LocalTime runAt,
      int defaultAfterDaysInArrears,
      int accrualChunkSize,
      int accrualWorkers) {
    /**
     * No daily schedule (the admin RPC still closes dates); 90 days to default; 50,000 loans a
     * chunk; 2 workers.
     */
    public static final CloseOfBusinessSettings UNSCHEDULED =
        new CloseOfBusinessSettings(false, LocalTime.of(0, 30), 90, 50_000, 2);

    public CloseOfBusinessSettings {
      requireNonNull(runAt, "runAt");
      if (defaultAfterDaysInArrears < 1) {
        throw new IllegalArgumentException(
            "defaultAfterDaysInArrears: " + defaultAfterDaysInArrears + " (expected: > 0)");
      }
      if (accrualChunkSize < 1) {
        throw new IllegalArgumentException(
            "accrualChunkSize: " + accrualChunkSize + " (expected: > 0)");
      }
      if (accrualWorkers < 1 || accrualWorkers > 64) {
        throw new IllegalArgumentException(
            "accrualWorkers: " + accrualWorkers + " (expected: 1 to 64)");
      }
    }

    /** The same settings with the daily schedule on or off. */
    public CloseOfBusinessSettings withScheduled(boolean on) {
      return new CloseOfBusinessSettings(
          on, runAt, defaultAfterDaysInArrears, accrualChunkSize, accrualWorkers);
    }

    /** The same settings with another chunk size. */
    public CloseOfBusinessSettings withAccrualChunkSize(int size) {
      return new CloseOfBusinessSettings(
          scheduled, runAt, defaultAfterDaysInArrears, size, accrualWorkers);
    }
  }

  /**
   * Reads {@code FURROW_DB_URL} (default {@value #DEFAULT_DB_URL}), {@code FURROW_DB_USER}, {@code
   * FURROW_DB_PASSWORD}, {@code FURROW_DB_POOL_SIZE} (default 16), {@code FURROW_CORE_PORT}
   * (default {@value #DEFAULT_GRPC_PORT}), {@code FURROW_SERVICE_TOKEN} (required), {@code
   * FURROW_COB_SCHEDULER} ({@code on} or {@code off}, default on: close yesterday every day),
   * {@code FURROW_COB_RUN_AT} (UTC time of day of the daily run, default 00:30), {@code
   * FURROW_DEFAULT_AFTER_DAYS_IN_ARREARS} (default 90), {@code FURROW_COB_CHUNK_SIZE} (loans per
   * accrual commit, default 50000) and {@code FURROW_COB_WORKERS} (parallel accrual workers,
   * default 2).
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
        new CloseOfBusinessSettings(
            switch (env.getOrDefault("FURROW_COB_SCHEDULER", "on")
                .strip()
                .toLowerCase(Locale.ROOT)) {
              case "on", "true" -> true;
              case "off", "false" -> false;
              default ->
                  throw new IllegalArgumentException(
                      "FURROW_COB_SCHEDULER: "
                          + env.get("FURROW_COB_SCHEDULER")
                          + " (expected: on or off)");
            },
            LocalTime.parse(env.getOrDefault("FURROW_COB_RUN_AT", "00:30")),
            Integer.parseInt(env.getOrDefault("FURROW_DEFAULT_AFTER_DAYS_IN_ARREARS", "90")),
            Integer.parseInt(env.getOrDefault("FURROW_COB_CHUNK_SIZE", "50000")),
            Integer.parseInt(env.getOrDefault("FURROW_COB_WORKERS", "2"))));
  }
}
