package dev.furrow.core.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.furrow.core.CoreConfig;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The connection pool, the schema migrations and the JDBI handle factory of the core. */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
  }

  /** Opens the pool and brings the schema up to date before anything else touches it. */
  public static Database open(CoreConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.dbUrl());
    if (!config.dbUser().isEmpty()) {
      hikari.setUsername(config.dbUser());
    }
    if (!config.dbPassword().isEmpty()) {
      hikari.setPassword(config.dbPassword());
    }
    hikari.setMaximumPoolSize(config.dbPoolSize());
    hikari.setPoolName("furrow-core");
    HikariDataSource dataSource = new HikariDataSource(hikari);
    try {
      migrate(dataSource);
      return new Database(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Applies the migrations under {@code db/migration}; concurrent starters wait on Flyway's lock.
   */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
