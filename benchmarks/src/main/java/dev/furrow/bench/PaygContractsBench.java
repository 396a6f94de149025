package dev.furrow.bench;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.gateway.GatewayConfig;
import dev.furrow.gateway.GatewayServer;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractServiceGrpc;
import dev.furrow.proto.payg.v1.GetContractRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceRequest;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.UpsertFundingSourceRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Issue #6: the PAYG contract list (status + funding_source + ordering + search) and contract
 * detail over 1,000,000 contracts (52 weekly billing periods for 10,000 of them), at a fixed 500
 * requests/s, open loop, latency measured from each request's intended send time (so a stall is
 * charged to every request it delayed). Legs: the core's gRPC directly, and the REST gateway when
 * this build's gateway serves /payg/lms/contracts. The data is seeded with set-based SQL straight
 * into the tables (not through the API); see docs/benchmarks.md.
 */
final class PaygContractsBench implements Benchmark {
  static final int CONTRACTS = Integer.getInteger("bench.contracts", 1_000_000);
  static final int BILLED = Integer.getInteger("bench.billed", 10_000);
  static final int RATE = Integer.getInteger("bench.rate", 500);
  static final int SECONDS = Integer.getInteger("bench.seconds", 30);
  static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);
  static final String TOKEN = "bench-service-token-0123456789abcdef";

  /** Re-seed even when the kept database already holds this seed ({@code bench.reseed=true}). */
  static final boolean RESEED = Boolean.getBoolean("bench.reseed");

  /** The kept benchmark database: seeded once, re-used while {@link #SEED_VERSION} matches. */
  static final String DATABASE = "furrow_bench_payg";

  /** Bumped whenever the seed changes, so a kept database of an older seed is rebuilt. */
  static final int SEED_VERSION = 2;

  @Override
  public String name() {
    return "payg-contracts";
  }

  @Override
  public String description() {
    return "PAYG contract list (filtered + searched) and detail at 500 req/s over 1M contracts:"
        + " p50/p99 via gRPC and via the REST gateway";
  }

  @Override
  public void run() throws Exception {
    String url = keptDatabase();
    try (CoreServer core = CoreServer.start(CoreConfig.of(url, TOKEN).withGrpcPort(0))) {
      ManagedChannel channel =
          ManagedChannelBuilder.forTarget("127.0.0.1:" + core.port()).usePlaintext().build();
      try {
        run(core, channel);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  /**
   * The JDBC URL of {@link #DATABASE}, created when missing and dropped first when it holds another
   * seed (or {@code bench.reseed} is set). The database is kept after the run.
   */
  private static String keptDatabase() throws SQLException {
    String configured = System.getenv("FURROW_TEST_DB_URL");
    String admin =
        configured == null || configured.isBlank()
            ? "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"
            : configured;
    String url = admin.replaceFirst("/postgres(\\?|$)", "/" + DATABASE + "$1");
    boolean exists;
    try (Connection c = DriverManager.getConnection(admin);
        var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      st.setString(1, DATABASE);
      try (ResultSet rs = st.executeQuery()) {
        exists = rs.next();
      }
    }
    boolean fresh = !exists;
    if (exists && (RESEED || seedInfo(url) == null)) {
      try (Connection c = DriverManager.getConnection(admin);
          Statement st = c.createStatement()) {
        st.execute("DROP DATABASE " + DATABASE + " WITH (FORCE)");
      }
      fresh = true;
    }
    if (fresh) {
      try (Connection c = DriverManager.getConnection(admin);
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + DATABASE);
      }
    }
    return url;
  }

  /** {owner partner id, reader partner id} of a complete seed matching this run, else null. */
  private static long[] seedInfo(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT owner_id, reader_id FROM bench_payg_seed WHERE version = "
                  + SEED_VERSION
                  + " AND contracts = "
                  + CONTRACTS
                  + " AND billed = "
                  + BILLED)) {
        return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return null; // no seed table: an empty or foreign database
      }
      throw e;
    }
  }

  private void run(CoreServer core, ManagedChannel channel) throws Exception {
    var partners =
        PartnerAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(header("x-furrow-service-token", TOKEN));
    long[] kept = core.jdbi().withHandle(h -> seedInfo(h));
    long readerId;
    if (kept != null) {
      readerId = kept[1];
      System.out.printf(
          "re-using %s: %,d contracts, %,d billing periods (bench.reseed=true rebuilds it)%n",
          DATABASE, CONTRACTS, BILLED * 52L);
    } else {
      long owner =
          partners
              .createPartner(CreatePartnerRequest.newBuilder().setName("Bench lender").build())
              .getId();
      readerId =
          partners
              .createPartner(CreatePartnerRequest.newBuilder().setName("Bench program").build())
              .getId();
      var admin =
          ContractAdminServiceGrpc.newBlockingStub(channel)
              .withInterceptors(header("x-furrow-service-token", TOKEN));
      for (String source : List.of("boa", "ifc", "afdb", "usaid")) {
        admin.upsertFundingSource(
            UpsertFundingSourceRequest.newBuilder()
                .setCode(source)
                .setName(source.toUpperCase())
                .build());
      }
      for (String source : List.of("boa", "ifc")) {
        admin.grantFundingSource(
            GrantFundingSourceRequest.newBuilder()
                .setPartnerId(readerId)
                .setFundingSource(source)
                .build());
      }
      long t0 = System.nanoTime();
      seed(core.jdbi(), owner, readerId);
      System.out.printf(
          "seeded %,d contracts, %,d billing periods in %.0f s%n",
          CONTRACTS, BILLED * 52L, (System.nanoTime() - t0) / 1e9);
    }
    String key =
        partners
            .issueApiKey(
                IssueApiKeyRequest.newBuilder()
                    .setPartnerId(readerId)
                    .setFace(ApiFace.API_FACE_PAYG)
                    .build())
            .getKey();
    List<PaygListQuery> queries = queries(core.jdbi());
    System.out.println("\nlist mix (" + queries.size() + " queries, cycled in order):");
    for (int i = 0; i < queries.size(); i++) {
      System.out.printf("  %2d  %s%n", i, queryString(queries.get(i)));
    }
    explain(core.jdbi(), readerId, queries);

    var reads =
        ContractServiceGrpc.newFutureStub(channel)
            .withInterceptors(header("x-furrow-api-key", key));
    IntFunction<CompletableFuture<?>> grpcList =
        i ->
            toCompletable(
                reads.listContracts(
                    ListContractsRequest.newBuilder()
                        .setQuery(queries.get(i % queries.size()))
                        .build()));
    IntFunction<CompletableFuture<?>> grpcDetail =
        i ->
            toCompletable(
                reads.getContract(
                    GetContractRequest.newBuilder().setId(Long.toString(visibleId(i))).build()));

    List<String[]> rows = new ArrayList<>();
    rows.add(measure("gRPC list (filtered+searched)", grpcList));
    rows.add(measure("gRPC detail", grpcDetail));

    GatewayServer gateway = GatewayServer.start(GatewayConfig.of(0, "127.0.0.1:" + core.port()));
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String base = "http://127.0.0.1:" + gateway.port() + "/payg/lms/contracts";
      HttpResponse<String> probe =
          http.send(get(base + "?limit=1", key), HttpResponse.BodyHandlers.ofString());
      if (probe.statusCode() != 200) {
        System.out.println(
            "gateway leg skipped: GET /payg/lms/contracts answered "
                + probe.statusCode()
                + " (this build's gateway does not serve it yet)");
      } else {
        // One HTTP/2 (cleartext) connection, as a gRPC channel is one: the comparison is the
        // gateway's work, not connection setup, and a backlog cannot exhaust file descriptors.
        WebClient web = WebClient.of("h2c://127.0.0.1:" + gateway.port());
        List<String> paths =
            queries.stream().map(q -> "/payg/lms/contracts?" + queryString(q)).toList();
        rows.add(
            measure(
                "REST list (filtered+searched)",
                i -> restGet(web, paths.get(i % paths.size()), key)));
        rows.add(
            measure("REST detail", i -> restGet(web, "/payg/lms/contracts/" + visibleId(i), key)));
      }
    } finally {
      gateway.close();
    }
    print(rows);
  }

  private static long[] seedInfo(Handle h) {
    boolean table =
        h.createQuery("SELECT to_regclass('bench_payg_seed') IS NOT NULL")
            .mapTo(Boolean.class)
            .one();
    if (!table) {
      return null;
    }
    return h.createQuery(
            "SELECT owner_id, reader_id FROM bench_payg_seed"
                + " WHERE version = :v AND contracts = :c AND billed = :b")
        .bind("v", SEED_VERSION)
        .bind("c", CONTRACTS)
        .bind("b", BILLED)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .findOne()
        .orElse(null);
  }

  private static CompletableFuture<?> restGet(WebClient web, String path, String key) {
    return web.execute(
            RequestHeaders.of(HttpMethod.GET, path, HttpHeaderNames.AUTHORIZATION, "Bearer " + key))
        .aggregate()
        .thenApply(
            r -> {
              if (r.status().code() != 200) {
                throw new IllegalStateException("HTTP " + r.status().code());
              }
              return r;
            });
  }

  private static Object ok(HttpResponse<?> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    return r;
  }

  /** Ids the reader may see (funding sources boa and ifc), spread over the table. */
  private static long visibleId(int i) {
    // contract g has funding source index (g / 20) % 4: 0 = boa, 1 = ifc; id = 1000 + g
    long block = ((long) i * 7919) % (CONTRACTS / 20 - 1);
    long g = block * 20 + (block % 4 < 2 ? 0 : 40) + 5;
    g = Math.min(g, CONTRACTS);
    return 1000 + g;
  }

  /**
   * The list mix a portfolio user produces, cycled in order: every combination of a search kind
   * (borrower name with searchby=loaner, the same kind of name over all fields, a whole loan id
   * over all fields, a tractor id with searchby=tractor_id), status (CURRENT, DELINQUENT) and
   * funding source (boa, ifc), each with one of three orderings. The search terms are taken from
   * contracts that match the query's filters (so each query finds its contract and the few others
   * sharing the term), picked at spread-out ids.
   */
  private static List<PaygListQuery> queries(Jdbi jdbi) {
    String[] kinds = {"loaner", "name-all", "loan_id-all", "tractor_id"};
    String[] statuses = {"CURRENT", "DELINQUENT"};
    String[] sources = {"boa", "ifc"};
    String[] orderings = {"-created_at", "remaining_contract_value", "-loan_end_date"};
    List<PaygListQuery> out = new ArrayList<>();
    int n = 0;
    for (String kind : kinds) {
      for (String status : statuses) {
        for (String source : sources) {
          for (String ordering : orderings) {
            long pivot = 1000 + ((n * 7919L + 104729L) * 131L) % CONTRACTS;
            n++;
            Map<String, Object> row =
                jdbi.withHandle(
                    h ->
                        h.createQuery(
                                "SELECT loaner, loan_id, tractor_id FROM contract"
                                    + " WHERE funding_source = :s AND status = :st AND id >= :p"
                                    + " ORDER BY id LIMIT 1")
                            .bind("s", source)
                            .bind("st", status)
                            .bind("p", pivot)
                            .mapToMap()
                            .one());
            PaygListQuery.Builder q =
                PaygListQuery.newBuilder()
                    .putFilters("status", status)
                    .putFilters("funding_source", source)
                    .setOrdering(ordering)
                    .setLimit("25");
            switch (kind) {
              case "loaner" -> q.setSearch((String) row.get("loaner")).setSearchby("loaner");
              case "name-all" -> q.setSearch((String) row.get("loaner"));
              case "loan_id-all" -> q.setSearch((String) row.get("loan_id"));
              default -> q.setSearch((String) row.get("tractor_id")).setSearchby("tractor_id");
            }
            out.add(q.build());
          }
        }
      }
    }
    // Interleave the kinds so every second of the run sees all of them.
    List<PaygListQuery> mixed = new ArrayList<>();
    int per = out.size() / kinds.length;
    for (int i = 0; i < per; i++) {
      for (int k = 0; k < kinds.length; k++) {
        mixed.add(out.get(k * per + i));
      }
    }
    return mixed;
  }

  private static String queryString(PaygListQuery q) {
    List<String> parts = new ArrayList<>();
    Map<String, String> params = new java.util.LinkedHashMap<>(q.getFiltersMap());
    params.put("search", q.getSearch());
    if (!q.getSearchby().isEmpty()) {
      params.put("searchby", q.getSearchby());
    }
    params.put("ordering", q.getOrdering());
    params.put("limit", q.getLimit());
    params.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }

  private static HttpRequest get(String url, String key) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + key)
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  /**
   * Fixed-rate open loop: request i is due at start + i / RATE; it is sent then (or as soon as the
   * sender can), and its latency is completion minus the due time. Warm-up requests are discarded.
   */
  private static String[] measure(String label, IntFunction<CompletableFuture<?>> call)
      throws InterruptedException {
    int warm = RATE * WARMUP_SECONDS;
    int total = warm + RATE * SECONDS;
    AtomicLongArray latency = new AtomicLongArray(total);
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    long interval = 1_000_000_000L / RATE;
    long start = System.nanoTime() + 50_000_000L;
    long[] firstMeasured = {0};
    long[] lastSent = {0};
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (i == warm) {
        firstMeasured[0] = System.nanoTime();
      }
      lastSent[0] = System.nanoTime();
      int index = i;
      call.apply(i)
          .whenComplete(
              (r, e) -> {
                latency.set(index, System.nanoTime() - due);
                if (e != null) {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(120, TimeUnit.SECONDS);
    long[] measured = new long[total - warm];
    for (int i = warm; i < total; i++) {
      measured[i - warm] = latency.get(i);
    }
    Arrays.sort(measured);
    double sentRate = (total - warm) / ((lastSent[0] - firstMeasured[0]) / 1e9);
    String[] row = {
      label,
      String.format("%.0f", sentRate),
      Integer.toString(measured.length),
      ms(percentile(measured, 0.50)),
      ms(percentile(measured, 0.99)),
      ms(measured[measured.length - 1]),
      Integer.toString(errors.get()),
      loadAverage()
    };
    System.out.printf("%-32s %6s %7s %9s %9s %9s %6s  %s%n", (Object[]) row);
    return row;
  }

  /** The 1/5/15-minute load averages (other work on the machine shows here). */
  private static String loadAverage() {
    try {
      String[] f =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String ms(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }

  private static void print(List<String[]> rows) {
    System.out.println();
    System.out.printf(
        "%-32s %6s %7s %9s %9s %9s %6s  %s%n",
        "leg", "req/s", "samples", "p50 ms", "p99 ms", "max ms", "errors", "load avg after");
    for (String[] r : rows) {
      System.out.printf("%-32s %6s %7s %9s %9s %9s %6s  %s%n", (Object[]) r);
    }
    if (rows.size() == 4) {
      for (int i = 0; i < 2; i++) {
        double direct = Double.parseDouble(rows.get(i)[4]);
        double viaGateway = Double.parseDouble(rows.get(i + 2)[4]);
        System.out.printf(
            "gateway/gRPC p99 ratio, %s: %.2f%n", i == 0 ? "list" : "detail", viaGateway / direct);
        double d50 = Double.parseDouble(rows.get(i)[3]);
        double g50 = Double.parseDouble(rows.get(i + 2)[3]);
        System.out.printf(
            "gateway/gRPC p50 ratio, %s: %.2f%n", i == 0 ? "list" : "detail", g50 / d50);
      }
    }
  }

  private static <T> CompletableFuture<T> toCompletable(
      com.google.common.util.concurrent.ListenableFuture<T> f) {
    CompletableFuture<T> out = new CompletableFuture<>();
    com.google.common.util.concurrent.Futures.addCallback(
        f,
        new com.google.common.util.concurrent.FutureCallback<T>() {
          @Override
          public void onSuccess(T result) {
            out.complete(result);
          }

          @Override
          public void onFailure(Throwable t) {
            out.completeExceptionally(t);
          }
        },
        Runnable::run);
    return out;
  }

  private static io.grpc.ClientInterceptor header(String name, String value) {
    Metadata m = new Metadata();
    m.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
    return MetadataUtils.newAttachHeadersInterceptor(m);
  }

  // ---- seeding -------------------------------------------------------------------------------

  private static void seed(Jdbi jdbi, long owner, long reader) throws IOException {
    String v10 = ContractSeed.resource("db/migration/V10__payg_contract_search.sql");
    ContractSeed.Spec spec =
        new ContractSeed.Spec(
            owner,
            CONTRACTS,
            "CASE WHEN g % 20 = 0 THEN 'CLOSED' WHEN g % 20 IN (1, 2, 3) THEN 'DELINQUENT'"
                + " ELSE 'CURRENT' END",
            "(ARRAY['boa','ifc','afdb','usaid'])[1 + (g / 20) % 4]",
            "'LN-' || (2020 + g / 200000) || '-' || lpad((g % 200000)::text, 6, '0')",
            "'TR-' || lpad((g - 1)::text, 6, '0')",
            true,
            "Africa/Lagos",
            "DATE '2024-01-01' + s.g / 1440",
            "DATE '2026-01-01' + s.g / 1440",
            "TIMESTAMPTZ '2024-01-01 00:00:00+00' + s.g * INTERVAL '1 minute'",
            "45000.00");
    jdbi.useHandle(
        h -> {
          // Search indexes are built once after the load (as V10 defines them), not row by row.
          h.execute(
              "DROP INDEX contract_search_all_trgm_idx, contract_loan_id_trgm_idx,"
                  + " contract_name_trgm_idx, contract_loaner_trgm_idx, contract_tractor_id_trgm_idx,"
                  + " contract_status_created_idx");
          h.execute("SET maintenance_work_mem = '512MB'");
          h.execute("SET synchronous_commit = off");
          // Bulk load: foreign-key triggers off for this session (the seed joins ids it just made).
          h.execute("SET session_replication_role = replica");
          ContractSeed.seed(h, spec);
          ContractSeed.step(
              h,
              "billing periods",
              "INSERT INTO billing_period (contract_id, week_start,"
                  + " week_end, iso_week, status, hectares, rate_per_hectare, currency, amount_due,"
                  + " amount_paid, issued_at, due_date)"
                  + " SELECT c.id, DATE '2025-01-06' + 7 * w, DATE '2025-01-06' + 7 * w + 6,"
                  + " to_char(DATE '2025-01-06' + 7 * w, 'IYYY-\"W\"IW'),"
                  + " CASE WHEN w < 50 THEN 'payment_complete' ELSE 'issued' END, 2.0000, 45000.00,"
                  + " c.currency, 90000.00, CASE WHEN w < 50 THEN 90000.00 ELSE 0 END,"
                  + " (DATE '2025-01-06' + 7 * w + 7)::timestamptz, DATE '2025-01-06' + 7 * w + 14"
                  + " FROM contract c CROSS JOIN generate_series(0, 51) w"
                  + " WHERE c.id BETWEEN 1001 AND "
                  + (1000 + BILLED));
          ContractSeed.step(
              h,
              "invoices",
              "INSERT INTO invoice (number, billing_period_id, contract_id,"
                  + " status, currency, amount_due, amount_paid, issue_date, due_date)"
                  + " SELECT 'INV-' || b.id, b.id, b.contract_id, b.status, b.currency, b.amount_due,"
                  + " b.amount_paid, b.issued_at::date, b.due_date FROM billing_period b");
          ContractSeed.step(h, "search indexes (V10)", v10);
          ContractSeed.dropStaging(h);
        });
    jdbi.useHandle(h -> ContractSeed.step(h, "vacuum analyze", "VACUUM ANALYZE"));
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "CREATE TABLE bench_payg_seed (version int, contracts int, billed int,"
                        + " owner_id bigint, reader_id bigint, seeded_at timestamptz DEFAULT now());"
                        + " INSERT INTO bench_payg_seed (version, contracts, billed, owner_id,"
                        + " reader_id) VALUES (:v, :c, :b, :o, :r)")
                .bind("v", SEED_VERSION)
                .bind("c", CONTRACTS)
                .bind("b", BILLED)
                .bind("o", owner)
                .bind("r", reader)
                .execute());
  }

  /**
   * EXPLAIN (ANALYZE, BUFFERS) of the statements the core runs: the searched page (with its window
   * count) for one query of each search kind, and the count and page of an unsearched filtered
   * list.
   */
  private static void explain(Jdbi jdbi, long readerId, List<PaygListQuery> queries) {
    var spec = dev.furrow.core.contract.ContractRepository.LIST;
    List<PaygListQuery> shown = new ArrayList<>(queries.subList(0, 4));
    shown.add(
        PaygListQuery.newBuilder()
            .putFilters("status", "CURRENT")
            .putFilters("funding_source", "boa")
            .setOrdering("-created_at")
            .build());
    shown.add(
        PaygListQuery.newBuilder()
            .putFilters("status", "DELINQUENT")
            .putFilters("funding_source", "ifc")
            .setOrdering("remaining_contract_value")
            .build());
    for (PaygListQuery pq : shown) {
      var q = dev.furrow.core.payg.PaygLists.compile(spec, pq);
      List<String> statements = new ArrayList<>();
      if (q.searching()) {
        statements.add(dev.furrow.core.contract.ContractRepository.searchedPageSql(q));
      } else {
        String from =
            " FROM contract c WHERE EXISTS (SELECT 1 FROM funding_source_entitlement e"
                + " WHERE e.partner_id = :partner AND e.funding_source = c.funding_source)"
                + " AND ("
                + q.where()
                + ")";
        statements.add("SELECT count(*)" + from);
        statements.add(
            "SELECT c.*" + from + " ORDER BY " + q.orderBy() + " LIMIT :limit OFFSET :offset");
      }
      for (String sql : statements) {
        System.out.println("\nEXPLAIN (ANALYZE, BUFFERS) " + queryString(pq));
        jdbi.useHandle(
            h ->
                q.bind(h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql))
                    .bind("partner", readerId)
                    .bind("limit", q.limit())
                    .bind("offset", q.offset())
                    .mapTo(String.class)
                    .forEach(line -> System.out.println("  " + line)));
      }
    }
  }
}
