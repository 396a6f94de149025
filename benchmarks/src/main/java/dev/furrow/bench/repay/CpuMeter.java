package dev.furrow.bench.repay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time spent by this JVM and by the PostgreSQL backends serving the benchmark's database, read
 * from {@code /proc} (Linux; zero elsewhere). On a machine shared with other work, CPU time per
 * operation is steadier than throughput: it does not count the time others took.
 *
 * <p>Shared PostgreSQL processes (WAL writer, checkpointer) are not counted.
 */
final class CpuMeter {
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final String jdbcUrl;
  private List<Long> backends = List.of();
  private double jvmStart;
  private double backendsStart;

  CpuMeter(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** CPU seconds of one phase. */
  record Cpu(double jvmSeconds, double databaseSeconds) {}

  /** Notes the current backends of the database and the CPU time used so far. */
  void start() {
    backends = backends();
    jvmStart = seconds(ProcessHandle.current().pid());
    backendsStart = backends.stream().mapToDouble(CpuMeter::seconds).sum();
  }

  /** The CPU time used since {@link #start}. */
  Cpu stop() {
    double jvm = seconds(ProcessHandle.current().pid()) - jvmStart;
    double database = backends.stream().mapToDouble(CpuMeter::seconds).sum() - backendsStart;
    return new Cpu(jvm, database);
  }

  private List<Long> backends() {
    List<Long> pids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()")) {
      while (rs.next()) {
        pids.add(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the database's backends: " + e.getMessage(), e);
    }
    return pids;
  }

  /** utime + stime of a process, in seconds; 0 when it cannot be read (gone, not Linux). */
  private static double seconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields after the command: state is [0], utime is field 14 of stat ([11]), stime [12].
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
