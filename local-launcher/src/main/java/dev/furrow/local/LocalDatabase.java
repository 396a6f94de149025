package dev.furrow.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Finds the PostgreSQL database of the local system: {@code FURROW_DB_URL} when set, else a
 * database {@code furrow} on the server at {@code localhost:5432} (created when missing), else an
 * embedded PostgreSQL keeping its data under {@code .furrow/postgres} (not possible as root).
 */
final class LocalDatabase implements AutoCloseable {
  static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  static final String LOCAL_DATABASE = "jdbc:postgresql://127.0.0.1:5432/furrow?user=postgres";

  private final String url;
  private final String description;
  private final EmbeddedPostgres embedded;

  private LocalDatabase(String url, String description, EmbeddedPostgres embedded) {
    this.url = url;
    this.description = description;
    this.embedded = embedded;
  }

  static LocalDatabase resolve(Map<String, String> env, Path workDir) {
    String configured = env.get("FURROW_DB_URL");
    if (configured != null && !configured.isBlank()) {
      return new LocalDatabase(configured, "FURROW_DB_URL", null);
    }
    try (Connection admin = DriverManager.getConnection(LOCAL_SERVER)) {
      boolean exists;
      try (var st = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = 'furrow'")) {
        exists = st.executeQuery().next();
      }
      if (!exists) {
        try (var st = admin.createStatement()) {
          st.execute("CREATE DATABASE furrow");
        }
      }
      return new LocalDatabase(LOCAL_DATABASE, "PostgreSQL on localhost:5432", null);
    } catch (SQLException unreachable) {
      return embedded(workDir);
    }
  }

  private static LocalDatabase embedded(Path workDir) {
    if ("root".equals(System.getProperty("user.name"))) {
      throw new IllegalStateException(
          "No PostgreSQL: set FURROW_DB_URL, or start PostgreSQL on localhost:5432 with user"
              + " postgres (embedded PostgreSQL cannot run as root).");
    }
    try {
      Path data = Files.createDirectories(workDir.resolve("postgres"));
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
      return new LocalDatabase(
          pg.getJdbcUrl("postgres", "postgres"), "embedded PostgreSQL in " + data, pg);
    } catch (IOException e) {
      throw new IllegalStateException("Embedded PostgreSQL failed to start: " + e.getMessage(), e);
    }
  }

  String url() {
    return url;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
