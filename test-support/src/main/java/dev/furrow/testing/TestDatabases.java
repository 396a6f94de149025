package dev.furrow.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands out fresh, empty PostgreSQL databases so that every test class sees only its own rows.
 *
 * <p>The server is found in this order: the JDBC URL in {@code FURROW_TEST_DB_URL} (it must point
 * at a database the user may run {@code CREATE DATABASE} from), a server on {@code localhost:5432}
 * reachable as {@code postgres} without a password, or an embedded PostgreSQL started for this JVM
 * (works for non-root users only: PostgreSQL refuses to run as root). Databases created here are
 * dropped when the JVM exits.
 */
public final class TestDatabases {

  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private static final List<String> created = new CopyOnWriteArrayList<>();
  private static volatile String adminUrl;
  private static volatile EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** Creates a new empty database and returns how to reach it. */
  public static TestDatabase create() {
    String admin = adminUrl();
    String name = "furrow_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(admin, "CREATE DATABASE " + name);
    created.add(name);
    return new TestDatabase(name, withDatabase(admin, name));
  }

  /** Drops a database created by {@link #create()} before the JVM exits. */
  public static void drop(TestDatabase database) {
    execute(adminUrl(), "DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    created.remove(database.name());
  }

  private static synchronized String adminUrl() {
    if (adminUrl != null) {
      return adminUrl;
    }
    String configured = System.getenv("FURROW_TEST_DB_URL");
    if (configured != null && !configured.isBlank()) {
      requireReachable(configured, "FURROW_TEST_DB_URL");
      adminUrl = configured;
    } else if (isReachable(LOCAL_URL)) {
      adminUrl = LOCAL_URL;
    } else {
      adminUrl = startEmbedded();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
    return adminUrl;
  }

  private static String startEmbedded() {
    if ("root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(
          "No PostgreSQL for the tests: set FURROW_TEST_DB_URL to a JDBC URL of a server where the"
              + " user may CREATE DATABASE, or start PostgreSQL on localhost:5432 with user postgres"
              + " (embedded PostgreSQL cannot run as root).");
    }
    try {
      embedded = EmbeddedPostgres.builder().start();
      return embedded.getJdbcUrl("postgres", "postgres");
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "No PostgreSQL for the tests: set FURROW_TEST_DB_URL or start PostgreSQL on"
              + " localhost:5432 (embedded PostgreSQL failed: "
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static void dropAll() {
    for (String name : created) {
      try {
        execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (RuntimeException ignored) {
        // Best effort at exit: a leftover test database is harmless.
      }
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException ignored) {
        // The process is exiting anyway.
      }
    }
  }

  /** Replaces the database name in a JDBC URL, keeping host and parameters. */
  static String withDatabase(String jdbcUrl, String database) {
    int schemeEnd = jdbcUrl.indexOf("//");
    int pathStart = jdbcUrl.indexOf('/', schemeEnd + 2);
    int query = jdbcUrl.indexOf('?', pathStart);
    String tail = query < 0 ? "" : jdbcUrl.substring(query);
    return jdbcUrl.substring(0, pathStart + 1) + database.toLowerCase(Locale.ROOT) + tail;
  }

  private static boolean isReachable(String url) {
    try (Connection ignored = DriverManager.getConnection(url)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void requireReachable(String url, String source) {
    try (Connection ignored = DriverManager.getConnection(url)) {
      // reachable
    } catch (SQLException e) {
      throw new IllegalStateException(
          source + " is set but PostgreSQL cannot be reached there: " + e.getMessage(), e);
    }
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** A database created for one test class. */
  public record TestDatabase(String name, String jdbcUrl) {}
}
