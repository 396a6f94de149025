package dev.furrow.bench;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.simulator.SimulationReport;
import dev.furrow.simulator.SimulationReport.TractorTotals;
import dev.furrow.simulator.Simulator;
import dev.furrow.simulator.SimulatorOptions;
import dev.furrow.testing.BrokerProcess;
import dev.furrow.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * End-to-end telematics throughput: 10,000 simulated tractors publish at QoS 1 at the target rate
 * for a minute; the ingester (a process of its own) batches them into the core (in this JVM), which
 * commits them to PostgreSQL and, in the same transaction, adds them to the weekly billing draft of
 * the tractor's contract (every tractor gets an open contract, seeded by SQL before the run). In
 * the same run, the ceiling: the same simulator through the same broker to a bare Paho subscriber
 * that does nothing but acknowledge. Then every place the usage lands ({@link
 * RecordedTotals#CHECKED}) is compared, tractor by tractor, with what the simulator had confirmed.
 *
 * <p>Settings (system properties {@code bench.<name>}, or environment variables {@code
 * FURROW_BENCH_<NAME>}): {@code rate} (10000; 0 = unpaced) and {@code seconds} (60) of the system
 * run, {@code bench.ceilingSeconds} (30) of the ceiling run, {@code bench.tractors} (10000), {@code
 * bench.batchSize} (500), {@code bench.batchDelayMs} (20), {@code bench.receiveMaximum} (1000).
 */
final class TelematicsBenchmark implements Benchmark {
  private static final String TOKEN = "bench-service-token-0123456789";
  private static final String PREFIX = "BT-";
  private static final int MOSQUITTO_PORT = 18831;

  /** Far above what one connection achieves: the in-flight window, not the pacer, is the limit. */
  private static final double UNPACED = 50_000;

  private static final int SECONDS = setting("seconds", 60);
  private static final int CEILING_SECONDS = setting("ceilingSeconds", 30);
  private static final int TRACTORS = setting("tractors", 10_000);
  private static final int BATCH_SIZE = setting("batchSize", 500);
  private static final int BATCH_DELAY_MS = setting("batchDelayMs", 20);
  private static final int RECEIVE_MAXIMUM = setting("receiveMaximum", 1000);

  /** Latencies of messages published this long after the first are also reported apart. */
  private static final long WARM_UP_MICROS = 10_000_000;

  private static final boolean PROFILE = setting("profile", 0) == 1;

  /**
   * Publishes per second of the system run (the target rate by default); 0 publishes as fast as the
   * broker takes them, an overload test: the backlog then grows by the difference, and beyond the
   * broker's queue limit (one million) the broker drops messages it has acknowledged.
   */
  private static final int RATE = setting("rate", 10_000);

  /**
   * A setting from the system property {@code bench.<name>}, else the environment variable {@code
   * FURROW_BENCH_<NAME>} (which reaches the benchmark through Maven), else the default.
   */
  private static int setting(String name, int fallback) {
    String value = System.getProperty("bench." + name);
    if (value == null) {
      value =
          System.getenv(
              "FURROW_BENCH_" + name.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  /** The benchmark's database, whose server processes the CPU figures count. */
  private static volatile String databaseName = "";

  /** Pids of the PostgreSQL backends serving the benchmark's database (the core's pool). */
  private static List<Long> backendPids() {
    List<Long> pids = new ArrayList<>();
    try (var connection =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        var statement =
            connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ?")) {
      statement.setString(1, databaseName);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          pids.add(rows.getLong(1));
        }
      }
    } catch (java.sql.SQLException e) {
      say("cannot list the database's backends: " + e.getMessage());
    }
    return pids;
  }

  @Override
  public String name() {
    return "telematics";
  }

  @Override
  public String description() {
    return "QoS 1 publish to committed usage and billing drafts, 10,000 tractors, vs raw"
        + " publish-to-subscribe";
  }

  @Override
  public void run() throws Exception {
    List<AutoCloseable> cleanup = new ArrayList<>();
    try {
      String brokerName;
      String url;
      long brokerPid;
      if (PrivateMosquitto.available()) {
        PrivateMosquitto mosquitto = PrivateMosquitto.start(MOSQUITTO_PORT);
        cleanup.add(mosquitto);
        url = mosquitto.url();
        brokerPid = mosquitto.pid();
        brokerName = "Mosquitto (" + PrivateMosquitto.CONFIG + ", port " + url + ")";
      } else {
        BrokerProcess hivemq = BrokerProcess.start(0);
        cleanup.add(hivemq);
        url = hivemq.url();
        brokerPid = -1;
        brokerName = "embedded HiveMQ CE (" + url + ")";
      }
      TestDatabases.TestDatabase database = TestDatabases.create();
      cleanup.add(() -> TestDatabases.drop(database));
      CoreServer core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN).withGrpcPort(0));
      cleanup.add(core);
      Jdbi jdbi = core.jdbi();
      registerTractors(jdbi);
      say("broker: " + brokerName + "; database " + database.name() + "; core on " + core.port());

      Ceiling ceiling = measureCeiling(url, brokerPid);
      say(
          String.format(
              Locale.ROOT,
              "ceiling: %d messages in %.1f s = %.0f msg/s",
              ceiling.received,
              ceiling.seconds,
              ceiling.rate()));

      databaseName = database.name();
      SystemRun system = measureSystem(url, core.port(), jdbi, brokerPid);
      Checks checks = verify(jdbi, system.report);
      print(brokerName, ceiling, system, checks);
    } finally {
      for (int i = cleanup.size() - 1; i >= 0; i--) {
        try {
          cleanup.get(i).close();
        } catch (Exception e) {
          say("cleanup failed: " + e);
        }
      }
    }
  }

  private static void registerTractors(Jdbi jdbi) {
    jdbi.useHandle(
        h -> {
          long partner =
              h.createQuery("INSERT INTO partner (name) VALUES ('bench fleet') RETURNING id")
                  .mapTo(Long.class)
                  .one();
          h.createUpdate(
                  "INSERT INTO tractor (tractor_id, partner_id)"
                      + " SELECT :prefix || g, :partner FROM generate_series(1, :n) g")
              .bind("prefix", PREFIX)
              .bind("partner", partner)
              .bind("n", TRACTORS)
              .execute();
          seedContracts(h, partner);
        });
  }

  /**
   * An open pay-as-you-go contract (UTC weeks, 45,000.00 per hectare, no weekly minimum) for every
   * tractor, so each usage event is billed to its contract's weekly draft in the recording
   * transaction. Set-based SQL straight into the tables ({@link ContractSeed}), not the API; the
   * term started a year ago, so every window the simulator reports falls inside it.
   */
  private static void seedContracts(Handle h, long partner) {
    h.execute("INSERT INTO funding_source (code, name) VALUES ('boa', 'BOA')");
    long t0 = System.nanoTime();
    ContractSeed.seed(
        h,
        new ContractSeed.Spec(
            partner,
            TRACTORS,
            "'CURRENT'",
            "'boa'",
            "'LN-BT-' || g",
            "'" + PREFIX + "' || g",
            false,
            "UTC",
            "CURRENT_DATE - 365",
            "CURRENT_DATE + 730",
            "now()",
            "45000.00"));
    ContractSeed.dropStaging(h);
    // What autovacuum does to a table loaded this fast, before the run instead of during it: the
    // contracts' trigram (GIN) indexes otherwise keep all 10,000 rows in their pending lists, which
    // every lookup by tractor then scans (13 ms each, 200 usage rows/s).
    h.execute("VACUUM ANALYZE tractor, end_user, application, loan, contract");
    say(
        String.format(
            Locale.ROOT,
            "seeded %d open contracts by SQL in %.1f s",
            TRACTORS,
            (System.nanoTime() - t0) / 1e9));
  }

  private SimulatorOptions.Builder simulation(String url, String runId, int seconds) {
    return SimulatorOptions.builder()
        .url(url)
        .clientId("bench-sim-" + runId)
        .tractors(TRACTORS)
        .prefix(PREFIX)
        .runId(runId)
        .seed(20261121)
        .rate(UNPACED)
        .duration(Duration.ofSeconds(seconds))
        .maxInFlight(1000)
        .drainTimeout(Duration.ofSeconds(120))
        .progress(false);
  }

  // ---------------------------------------------------------------------------------------------
  // Ceiling: publish to a subscriber that only acknowledges.

  private record Ceiling(
      long published, long received, double seconds, Map<String, Double> cpuSeconds) {
    double rate() {
      return received / seconds;
    }
  }

  private Ceiling measureCeiling(String url, long brokerPid) throws Exception {
    AtomicLong received = new AtomicLong();
    AtomicLong lastNanos = new AtomicLong();
    MqttAsyncClient subscriber =
        new MqttAsyncClient(url, "bench-ceiling-sub", new MemoryPersistence());
    subscriber.setCallback(
        new Quiet() {
          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
            lastNanos.set(System.nanoTime());
          }
        });
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setReceiveMaximum(RECEIVE_MAXIMUM);
    subscriber.connect(options).waitForCompletion(10_000);
    subscriber
        .subscribe(new MqttSubscription("$share/bench-ceiling/furrow/v1/tractors/+/usage", 1))
        .waitForCompletion(10_000);
    Sampler sampler = new Sampler(-1, brokerPid);
    try {
      long start = System.nanoTime();
      sampler.start();
      SimulationReport report = Simulator.run(simulation(url, "ceil", CEILING_SECONDS).build());
      awaitQuiet(() -> received.get() >= report.published(), Duration.ofSeconds(30));
      sampler.stop();
      return new Ceiling(
          report.published(),
          received.get(),
          (lastNanos.get() - start) / 1e9,
          sampler.cpuSeconds());
    } finally {
      subscriber.disconnect().waitForCompletion(10_000);
      subscriber.close();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The system: simulator -> broker -> ingester process -> core -> PostgreSQL.

  private static final class SystemRun {
    SimulationReport report;
    long firstPublishMicros;
    long lastCommitMicros;
    long committed;
    long[] latenciesMicros;
    long[] steadyLatenciesMicros;
    long[] perTenSeconds;
    long maxHeap;
    long maxLive;
    long maxRssKb;
    String lastProbe = "";
    String loadBefore = "";
    String loadAfter = "";
    Map<String, Double> cpuSeconds = new java.util.LinkedHashMap<>();

    double seconds() {
      return (lastCommitMicros - firstPublishMicros) / 1e6;
    }

    double rate() {
      return committed / seconds();
    }

    /** Committed per second in the best six consecutive 10-second windows (60 s). */
    double bestMinuteRate() {
      long best = 0;
      for (int i = 0; i + 6 <= perTenSeconds.length; i++) {
        long sum = 0;
        for (int j = i; j < i + 6; j++) {
          sum += perTenSeconds[j];
        }
        best = Math.max(best, sum);
      }
      return best / 60.0;
    }

    static long percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }
  }

  private SystemRun measureSystem(String url, int corePort, Jdbi jdbi, long brokerPid)
      throws Exception {
    SystemRun run = new SystemRun();
    Process ingester = startIngester(url, corePort);
    Sampler sampler = new Sampler(ingester.pid(), brokerPid);
    Thread reader = new Thread(() -> readProbe(ingester, run), "bench-probe-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      awaitQuiet(() -> !run.lastProbe.isEmpty(), Duration.ofSeconds(60));
      PublishTimes published = new PublishTimes(TRACTORS);
      jdk.jfr.Recording recording = null;
      if (PROFILE) {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setDestination(Path.of("target/core-and-simulator.jfr"));
        recording.start();
      }
      run.loadBefore = loadAverage();
      sampler.start();
      SimulatorOptions.Builder options = simulation(url, "sys", SECONDS);
      if (RATE > 0) {
        options.rate(RATE);
      }
      run.report = Simulator.run(options.build(), published::record);
      say("published: " + run.report.toText().lines().findFirst().orElse(""));
      long expected = run.report.messages();
      awaitCommits(jdbi, expected, Duration.ofSeconds(30));
      sampler.stop();
      run.loadAfter = loadAverage();
      if (recording != null) {
        recording.stop();
        recording.close();
      }
      run.cpuSeconds = sampler.cpuSeconds();
      run.maxRssKb = sampler.maxRssKb;
      run.firstPublishMicros = published.first();
      readCommits(jdbi, published, run);
    } finally {
      ingester.destroy(); // SIGTERM: the ingester closes cleanly
      if (!ingester.waitFor(30, TimeUnit.SECONDS)) {
        ingester.destroyForcibly();
      }
    }
    return run;
  }

  private static Process startIngester(String url, int corePort) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            PROFILE
                ? "-XX:StartFlightRecording=filename=target/ingester.jfr,settings=profile"
                : "-Xshare:auto",
            "-Dlogback.configurationFile=furrow-bench-logback.xml",
            "-cp",
            System.getProperty("java.class.path"),
            IngesterProbe.class.getName());
    Map<String, String> env = builder.environment();
    env.put("FURROW_MQTT_URL", url);
    env.put("FURROW_MQTT_CLIENT_ID", "bench-ingester-1");
    env.put("FURROW_MQTT_SHARE_GROUP", "furrow-bench");
    env.put("FURROW_CORE_TARGET", "127.0.0.1:" + corePort);
    env.put("FURROW_SERVICE_TOKEN", TOKEN);
    env.put("FURROW_INGEST_BATCH_SIZE", Integer.toString(BATCH_SIZE));
    env.put("FURROW_INGEST_BATCH_MAX_DELAY_MS", Integer.toString(BATCH_DELAY_MS));
    env.put("FURROW_MQTT_RECEIVE_MAXIMUM", Integer.toString(RECEIVE_MAXIMUM));
    env.put("FURROW_MQTT_SESSION_EXPIRY_SECONDS", "600");
    builder.redirectErrorStream(true);
    return builder.start();
  }

  private static void readProbe(Process ingester, SystemRun run) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(ingester.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("PROBE heap=")) {
          long heap = Long.parseLong(line.substring(11, line.indexOf(' ', 11)));
          run.maxHeap = Math.max(run.maxHeap, heap);
          int live = line.indexOf("retained=");
          if (live >= 0) {
            int end = line.indexOf(' ', live);
            run.maxLive =
                Math.max(
                    run.maxLive,
                    Long.parseLong(line.substring(live + 9, end < 0 ? line.length() : end)));
          }
          run.lastProbe = line;
        } else if (line.equals("PROBE-READY")) {
          run.lastProbe = line;
        } else {
          System.out.println("[ingester] " + line);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Waits until {@code expected} rows are committed, giving up after {@code stall} without one. */
  private static void awaitCommits(Jdbi jdbi, long expected, Duration stall)
      throws InterruptedException {
    long last = -1;
    long progressAt = System.nanoTime();
    while (true) {
      long now = committed(jdbi);
      if (now >= expected) {
        return;
      }
      if (now != last) {
        last = now;
        progressAt = System.nanoTime();
      } else if (System.nanoTime() - progressAt > stall.toNanos()) {
        say("no commit for " + stall.toSeconds() + " s at " + now + " of " + expected + " rows");
        return;
      }
      Thread.sleep(500);
    }
  }

  private static long committed(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM usage_event WHERE message_id LIKE 'sys-%'")
                .mapTo(Long.class)
                .one());
  }

  /** Publish-to-commit latency of every message, commit time being the row's received_at. */
  private static void readCommits(Jdbi jdbi, PublishTimes published, SystemRun run) {
    long[] latencies = new long[(int) published.count()];
    long[] steady = new long[(int) published.count()];
    long warmedUp = published.first() + WARM_UP_MICROS;
    int[] n = {0};
    int[] m = {0};
    long[] last = {0};
    long[] buckets = new long[SECONDS / 10 + 60];
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT tractor_id, message_id,"
                        + " CAST(extract(epoch FROM received_at) * 1000000 AS bigint) AS at"
                        + " FROM usage_event WHERE message_id LIKE 'sys-%'")
                .setFetchSize(10_000)
                .map(
                    (rs, ctx) -> {
                      long at = rs.getLong("at");
                      long sent =
                          published.of(rs.getString("tractor_id"), rs.getString("message_id"));
                      if (sent > 0 && n[0] < latencies.length) {
                        latencies[n[0]++] = at - sent;
                        if (sent >= warmedUp) {
                          steady[m[0]++] = at - sent;
                        }
                      }
                      last[0] = Math.max(last[0], at);
                      int bucket = (int) ((at - published.first()) / 10_000_000L);
                      if (bucket >= 0 && bucket < buckets.length) {
                        buckets[bucket]++;
                      }
                      return at;
                    })
                .forEach(at -> {}));
    run.latenciesMicros = Arrays.copyOf(latencies, n[0]);
    Arrays.sort(run.latenciesMicros);
    run.steadyLatenciesMicros = Arrays.copyOf(steady, m[0]);
    Arrays.sort(run.steadyLatenciesMicros);
    run.committed = n[0];
    run.lastCommitMicros = last[0];
    int used = buckets.length;
    while (used > 0 && buckets[used - 1] == 0) {
      used--;
    }
    run.perTenSeconds = Arrays.copyOf(buckets, used);
  }

  /** When each new message of the system run was first published, by (tractor, sequence). */
  private static final class PublishTimes {
    private final int tractors;
    private long[] micros = new long[1 << 20];
    private long count;
    private long first = Long.MAX_VALUE;

    PublishTimes(int tractors) {
      this.tractors = tractors;
    }

    /** Called on the simulator's publishing thread only. */
    void record(String tractorId, String messageId, long epochMicros) {
      int i = index(tractorId, messageId);
      if (i >= micros.length) {
        micros = Arrays.copyOf(micros, Math.max(i + 1, micros.length * 2));
      }
      micros[i] = epochMicros;
      count++;
      first = Math.min(first, epochMicros);
    }

    long of(String tractorId, String messageId) {
      int i = index(tractorId, messageId);
      return i < micros.length ? micros[i] : 0;
    }

    long count() {
      return count;
    }

    long first() {
      return first;
    }

    private int index(String tractorId, String messageId) {
      int tractor = Integer.parseInt(tractorId.substring(PREFIX.length()));
      long sequence = Long.parseLong(messageId.substring(messageId.lastIndexOf('-') + 1));
      return (int) (sequence * tractors + tractor - 1);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Verification: every place the usage lands equals what the simulator confirmed.

  /** The check lines of the table, and whether every one of them holds. */
  private record Checks(List<String> lines, boolean exact) {}

  private static Checks verify(Jdbi jdbi, SimulationReport report) {
    List<String> lines = new ArrayList<>();
    boolean exact = true;
    Map<String, TractorTotals> sent = report.byTractor();
    List<String> totals = new ArrayList<>();
    for (RecordedTotals place : RecordedTotals.CHECKED) {
      Map<String, TractorTotals> recorded = place.read(jdbi, PREFIX);
      long lost = 0;
      long doubled = 0;
      int hectareMismatches = 0;
      for (TractorTotals s : sent.values()) {
        TractorTotals r = recorded.get(s.tractorId());
        long got = r == null ? 0 : r.messages();
        BigDecimal hectares = r == null ? BigDecimal.ZERO : r.hectares();
        lost += Math.max(0, s.messages() - got);
        doubled += Math.max(0, got - s.messages());
        if (hectares.compareTo(s.hectares()) != 0) {
          hectareMismatches++;
        }
      }
      for (TractorTotals r : recorded.values()) {
        if (!sent.containsKey(r.tractorId())) {
          doubled += r.messages();
          if (r.hectares().signum() != 0) {
            hectareMismatches++;
          }
        }
      }
      BigDecimal total =
          recorded.values().stream()
              .map(TractorTotals::hectares)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      exact &= lost == 0 && doubled == 0 && hectareMismatches == 0;
      totals.add(place.name() + " " + total.toPlainString());
      lines.add(
          String.format(
              Locale.ROOT,
              "%s: %d tractors, lost %d, double-counted %d, tractors with other hectares %d,"
                  + " hectares %s (sent %s)",
              place.name(),
              recorded.size(),
              lost,
              doubled,
              hectareMismatches,
              total.toPlainString(),
              report.hectares().toPlainString()));
    }
    boolean sameTotals =
        totals.stream().allMatch(t -> t.endsWith(" " + report.hectares().toPlainString()));
    exact &= sameTotals;
    lines.add(
        sameTotals
            ? "billed ha = sent ha = recorded ha: " + report.hectares().toPlainString()
            : "totals differ: sent " + report.hectares().toPlainString() + ", " + totals);
    String prefix = PREFIX + "%";
    long unbilled =
        count(
            jdbi,
            "SELECT count(*) FROM usage_event WHERE tractor_id LIKE :prefix"
                + " AND billing_state = 'unbilled'",
            prefix);
    long adjustments =
        count(
            jdbi,
            "SELECT count(*) FROM usage_event WHERE tractor_id LIKE :prefix"
                + " AND billing_state = 'adjustment'",
            prefix);
    long periods =
        count(
            jdbi,
            "SELECT count(*) FROM billing_period b JOIN contract c ON c.id = b.contract_id"
                + " WHERE c.tractor_id LIKE :prefix AND b.status = 'draft'",
            prefix);
    long otherPeriods =
        count(
            jdbi,
            "SELECT count(*) FROM billing_period b JOIN contract c ON c.id = b.contract_id"
                + " WHERE c.tractor_id LIKE :prefix AND b.status <> 'draft'",
            prefix);
    // Each period's usage and adjustment lines add up to its totals.
    long linesDiffer =
        count(
            jdbi,
            "SELECT count(*) FROM billing_period b JOIN contract c ON c.id = b.contract_id"
                + " CROSS JOIN LATERAL (SELECT"
                + " coalesce(sum(l.hectares) FILTER (WHERE l.kind = 'usage'), 0) AS usage,"
                + " coalesce(sum(l.hectares) FILTER (WHERE l.kind = 'adjustment'), 0) AS late"
                + " FROM billing_line l WHERE l.billing_period_id = b.id) t"
                + " WHERE c.tractor_id LIKE :prefix"
                + " AND (b.hectares <> t.usage OR b.adjustment_hectares <> t.late)",
            prefix);
    exact &= unbilled == 0 && otherPeriods == 0 && linesDiffer == 0;
    lines.add(
        String.format(
            Locale.ROOT,
            "usage rows unbilled %d, billed as adjustments %d; draft periods %d (others %d);"
                + " periods whose lines differ from their totals %d",
            unbilled,
            adjustments,
            periods,
            otherPeriods,
            linesDiffer));
    long rejected = count(jdbi, "SELECT count(*) FROM rejected_usage", null);
    exact &= rejected == 0;
    lines.add("rejected_usage rows: " + rejected);
    return new Checks(lines, exact);
  }

  private static long count(Jdbi jdbi, String sql, String prefix) {
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(sql);
          if (prefix != null) {
            query.bind("prefix", prefix);
          }
          return query.mapTo(Long.class).one();
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Output.

  private static void print(String broker, Ceiling ceiling, SystemRun run, Checks checks) {
    double ratio = run.bestMinuteRate() / ceiling.rate();
    System.out.println();
    System.out.println(
        "Telematics ingestion benchmark (" + TRACTORS + " tractors, " + broker + ")");
    System.out.printf(
        Locale.ROOT,
        "ingester: batch %d / %d ms, receive maximum %d; %d cores%n",
        BATCH_SIZE,
        BATCH_DELAY_MS,
        RECEIVE_MAXIMUM,
        Runtime.getRuntime().availableProcessors());
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    row(
        "load average (1 / 5 / 15 min) before / after the system run",
        "%s / %s",
        run.loadBefore,
        run.loadAfter);
    row(
        "ceiling: publish -> bare subscriber",
        "%.0f msg/s (%d messages in %.1f s)",
        ceiling.rate(),
        ceiling.received,
        ceiling.seconds);
    row(
        "system: confirmed publishes",
        "%d in %.1f s (%.0f msg/s)",
        run.report.messages(),
        run.report.elapsed().toMillis() / 1000.0,
        run.report.messagesPerSecond());
    row(
        "system: publish -> committed usage",
        "%.0f msg/s (%d rows, first publish to last commit %.1f s)",
        run.rate(),
        run.committed,
        run.seconds());
    row("system: best 60 s of commits", "%.0f msg/s", run.bestMinuteRate());
    row("ratio to ceiling (best 60 s / ceiling)", "%.0f %%", ratio * 100);
    row("committed per 10 s", "%s", Arrays.toString(run.perTenSeconds));
    row(
        "publish -> commit latency p50 / p99 / max, all messages",
        "%.1f / %.1f / %.1f ms",
        SystemRun.percentile(run.latenciesMicros, 50) / 1000.0,
        SystemRun.percentile(run.latenciesMicros, 99) / 1000.0,
        SystemRun.percentile(run.latenciesMicros, 100) / 1000.0);
    row(
        "the same, published after the first 10 s (JIT warm-up)",
        "%.1f / %.1f / %.1f ms",
        SystemRun.percentile(run.steadyLatenciesMicros, 50) / 1000.0,
        SystemRun.percentile(run.steadyLatenciesMicros, 99) / 1000.0,
        SystemRun.percentile(run.steadyLatenciesMicros, 100) / 1000.0);
    row(
        "ingester heap: used (max sampled) / retained, old gen + survivors (max) / process RSS (max)",
        "%d MiB / %d KiB / %d MiB (-Xmx512m)",
        run.maxHeap >> 20,
        run.maxLive >> 10,
        run.maxRssKb >> 10);
    row("CPU seconds during the ceiling run", "%s", ceiling.cpuSeconds);
    row("CPU µs per message, ceiling", "%s", perMessage(ceiling.cpuSeconds, ceiling.received));
    row("CPU seconds during the system run", "%s", run.cpuSeconds);
    row("CPU µs per message, system", "%s", perMessage(run.cpuSeconds, run.committed));
    for (String check : checks.lines()) {
      row("check", "%s", check);
    }
    row("ingester counters at the end", "%s", run.lastProbe);
    boolean throughput = run.bestMinuteRate() >= 10_000;
    boolean share = ratio >= 0.70;
    boolean exact = checks.exact();
    System.out.printf(
        Locale.ROOT,
        "targets: >= 10,000 msg/s for >= 60 s: %s; >= 70%% of ceiling: %s; zero lost / double / unbilled: %s%n",
        throughput ? "met" : "NOT met",
        share ? "met" : "NOT met",
        exact ? "met" : "NOT met");
  }

  private static Map<String, Long> perMessage(Map<String, Double> cpuSeconds, long messages) {
    Map<String, Long> micros = new java.util.LinkedHashMap<>();
    cpuSeconds.forEach(
        (name, seconds) -> {
          if (!name.startsWith("machine")) {
            micros.put(name, messages == 0 ? 0 : Math.round(seconds * 1e6 / messages));
          }
        });
    return micros;
  }

  private static void row(String measure, String format, Object... args) {
    System.out.println("| " + measure + " | " + String.format(Locale.ROOT, format, args) + " |");
  }

  /** The machine's 1, 5 and 15-minute load averages (other builds show here). */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static void say(String line) {
    System.out.println("[telematics] " + line);
  }

  private static void awaitQuiet(java.util.function.BooleanSupplier done, Duration stall)
      throws InterruptedException {
    // Waits until done, giving up only after `stall` without it becoming true.
    long deadline = System.nanoTime() + stall.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        say("gave up waiting after " + stall.toSeconds() + " s");
        return;
      }
      Thread.sleep(100);
    }
  }

  /** CPU time and memory of the processes involved, sampled from /proc. */
  private static final class Sampler {
    private final long ingesterPid;
    private final long brokerPid;
    private final Map<String, Long> startTicks = new java.util.LinkedHashMap<>();
    private final Map<String, Long> endTicks = new java.util.LinkedHashMap<>();
    private volatile boolean running;
    private Thread thread;
    long maxRssKb;

    Sampler(long ingesterPid, long brokerPid) {
      this.ingesterPid = ingesterPid;
      this.brokerPid = brokerPid;
    }

    void start() {
      startTicks.putAll(ticks());
      running = true;
      thread =
          new Thread(
              () -> {
                while (running && ingesterPid > 0) {
                  maxRssKb = Math.max(maxRssKb, rssKb(ingesterPid));
                  try {
                    Thread.sleep(250);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "bench-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
      endTicks.putAll(ticks());
    }

    Map<String, Double> cpuSeconds() {
      Map<String, Double> seconds = new java.util.LinkedHashMap<>();
      endTicks.forEach(
          (name, end) -> {
            double s = (end - startTicks.getOrDefault(name, 0L)) / 100.0;
            seconds.put(name, Math.round(s * 10) / 10.0);
          });
      return seconds;
    }

    private Map<String, Long> ticks() {
      Map<String, Long> t = new java.util.LinkedHashMap<>();
      if (ingesterPid > 0) {
        t.put("ingester", processTicks(ingesterPid));
      }
      t.put(
          ingesterPid > 0 ? "core+simulator JVM" : "simulator+subscriber JVM",
          processTicks(ProcessHandle.current().pid()));
      if (brokerPid > 0) {
        t.put("mosquitto", processTicks(brokerPid));
      }
      if (!databaseName.isEmpty()) {
        t.put(
            "postgres (the core's backends)",
            backendPids().stream().mapToLong(Sampler::processTicks).sum());
      }
      t.put("machine (all processes)", machineTicks());
      return t;
    }

    private static long processTicks(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    private static long machineTicks() {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
        long busy = 0;
        for (int i = 1; i < Math.min(cpu.length, 9); i++) {
          if (i != 4 && i != 5) {
            busy += Long.parseLong(cpu[i]);
          }
        }
        return busy;
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    private static long rssKb(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | RuntimeException e) {
        // process gone
      }
      return 0;
    }
  }

  /** A callback that ignores everything but deliveries. */
  private abstract static class Quiet implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
