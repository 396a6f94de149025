package dev.furrow.bench;

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
import dev.furrow.testing.TestDatabases;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  static final String[] FIRST = {
    "Amina", "John", "Musa", "Ngozi", "Chinedu", "Fatima", "Emeka", "Aisha", "Tunde", "Grace",
    "Ibrahim", "Blessing", "Yusuf", "Esther", "Kofi", "Wanjiru", "Otieno", "Halima", "Sani", "Joy"
  };
  static final String[] LAST = {
    "Okafor", "Kamau", "Bello", "Eze", "Adeyemi", "Mwangi", "Abubakar", "Okonkwo", "Odhiambo",
    "Balogun", "Njoroge", "Danjuma", "Nwosu", "Kiprop", "Lawal", "Achieng", "Olawale", "Mutua",
    "Ibekwe", "Chege", "Garba", "Wekesa", "Onyango", "Afolabi", "Kariuki", "Usman", "Obi",
    "Wafula", "Salisu", "Ndungu", "Ogunleye", "Kimani", "Yakubu", "Atieno", "Okeke", "Muriuki",
    "Aliyu", "Omondi", "Adebayo", "Gitau"
  };

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
    TestDatabases.TestDatabase db = TestDatabases.create();
    try (CoreServer core = CoreServer.start(CoreConfig.of(db.jdbcUrl(), TOKEN).withGrpcPort(0))) {
      ManagedChannel channel =
          ManagedChannelBuilder.forTarget("127.0.0.1:" + core.port()).usePlaintext().build();
      try {
        run(core, channel);
      } finally {
        channel.shutdownNow();
      }
    } finally {
      TestDatabases.drop(db);
    }
  }

  private void run(CoreServer core, ManagedChannel channel) throws Exception {
    var partners =
        PartnerAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(header("x-furrow-service-token", TOKEN));
    long owner =
        partners
            .createPartner(CreatePartnerRequest.newBuilder().setName("Bench lender").build())
            .getId();
    long readerId =
        partners
            .createPartner(CreatePartnerRequest.newBuilder().setName("Bench program").build())
            .getId();
    String key =
        partners
            .issueApiKey(
                IssueApiKeyRequest.newBuilder()
                    .setPartnerId(readerId)
                    .setFace(ApiFace.API_FACE_PAYG)
                    .build())
            .getKey();
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
    seed(core.jdbi(), owner);
    System.out.printf(
        "seeded %,d contracts, %,d billing periods in %.0f s%n",
        CONTRACTS, BILLED * 52L, (System.nanoTime() - t0) / 1e9);
    explain(core.jdbi(), readerId);

    var reads =
        ContractServiceGrpc.newFutureStub(channel)
            .withInterceptors(header("x-furrow-api-key", key));
    List<PaygListQuery> queries = queries();
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
        List<String> urls = queries.stream().map(q -> base + "?" + queryString(q)).toList();
        rows.add(
            measure(
                "REST list (filtered+searched)",
                i ->
                    http.sendAsync(
                            get(urls.get(i % urls.size()), key),
                            HttpResponse.BodyHandlers.discarding())
                        .thenApply(PaygContractsBench::ok)));
        rows.add(
            measure(
                "REST detail",
                i ->
                    http.sendAsync(
                            get(base + "/" + visibleId(i), key),
                            HttpResponse.BodyHandlers.discarding())
                        .thenApply(PaygContractsBench::ok)));
      }
    } finally {
      gateway.close();
    }
    print(rows);
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

  /** The list queries cycled through: status + funding_source + ordering + search. */
  private static List<PaygListQuery> queries() {
    List<PaygListQuery> out = new ArrayList<>();
    String[] statuses = {"CURRENT", "DELINQUENT"};
    String[] sources = {"boa", "ifc"};
    String[] orderings = {"-created_at", "-remaining_contract_value", "loan_end_date"};
    int n = 0;
    for (int i = 0; i < 24; i++) {
      String first = FIRST[(i * 7) % FIRST.length];
      String last = LAST[(i * 11) % LAST.length];
      PaygListQuery.Builder q =
          PaygListQuery.newBuilder()
              .putFilters("status", statuses[i % 2])
              .putFilters("funding_source", sources[(i / 2) % 2])
              .setOrdering(orderings[i % 3])
              .setLimit("25");
      switch (i % 3) {
        case 0 -> q.setSearch(first + " " + last).setSearchby("loaner");
        case 1 -> q.setSearch(String.format("LN-%04d", (i * 37 + n++) % 10000)); // ~100 loan ids
        default ->
            q.setSearch(String.format("TR-%05d", (i * 4099) % 100000)).setSearchby("tractor_id");
      }
      out.add(q.build());
    }
    return out;
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
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
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
    return new String[] {
      label,
      Integer.toString(RATE),
      Integer.toString(measured.length),
      ms(percentile(measured, 0.50)),
      ms(percentile(measured, 0.99)),
      ms(measured[measured.length - 1]),
      Integer.toString(errors.get())
    };
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
        "%-32s %6s %7s %9s %9s %9s %6s%n",
        "leg", "req/s", "samples", "p50 ms", "p99 ms", "max ms", "errors");
    for (String[] r : rows) {
      System.out.printf("%-32s %6s %7s %9s %9s %9s %6s%n", (Object[]) r);
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

  private static void seed(Jdbi jdbi, long owner) throws IOException {
    String v10 = resource("db/migration/V10__payg_contract_search.sql");
    String first = sqlArray(FIRST);
    String last = sqlArray(LAST);
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
          step(
              h,
              "ids",
              "CREATE UNLOGGED TABLE bench_seed AS SELECT g, gen_random_uuid() AS eu,"
                  + " gen_random_uuid() AS app, gen_random_uuid() AS loan,"
                  + " CASE WHEN g % 20 = 0 THEN 'CLOSED' WHEN g % 20 IN (1, 2, 3) THEN 'DELINQUENT'"
                  + " ELSE 'CURRENT' END AS status,"
                  + " (ARRAY['boa','ifc','afdb','usaid'])[1 + (g / 20) % 4] AS source"
                  + " FROM generate_series(1, "
                  + CONTRACTS
                  + ") g");
          step(
              h,
              "products",
              "INSERT INTO product (partner_id, type, name, currency,"
                  + " repayment_per_hectare, billing_due_days, published_at, created_at, updated_at)"
                  + " SELECT "
                  + owner
                  + ", 'pay_as_you_go', 'Pay-as-you-go contracts (' || c || ')', c,"
                  + " 45000.00, 7, now(), now(), now() FROM unnest(ARRAY['NGN','KES']) c");
          step(
              h,
              "tractors",
              "INSERT INTO tractor (tractor_id, partner_id)"
                  + " SELECT 'TR-' || lpad(g::text, 7, '0'), "
                  + owner
                  + " FROM bench_seed");
          step(
              h,
              "end users",
              "INSERT INTO end_user (id, partner_id, first_name, last_name,"
                  + " birth_date, address_line_1, address_line_2, city, postal_code,"
                  + " bank_account_number, sort_code, created_at, updated_at)"
                  + " SELECT eu, "
                  + owner
                  + ", ("
                  + first
                  + ")[1 + (g / 7) % "
                  + FIRST.length
                  + "],"
                  + " ("
                  + last
                  + ")[1 + (g / 3) % "
                  + LAST.length
                  + "],"
                  + " DATE '1980-01-01', 'Not provided', 'Not provided', 'Not provided', '0', '0000',"
                  + " '000', now(), now() FROM bench_seed");
          step(
              h,
              "applications",
              "INSERT INTO application (id, partner_id, product_id,"
                  + " end_user_id, status, amount, rate, reason, processing_finished_at, created_at,"
                  + " updated_at) SELECT s.app, "
                  + owner
                  + ", p.id, s.eu, 'accepted',"
                  + " 800000.00 + (s.g % 1000) * 1000, 0, 'Seeded', now(), now(), now()"
                  + " FROM bench_seed s JOIN product p ON p.partner_id = "
                  + owner
                  + " AND p.currency = CASE WHEN s.source = 'ifc' THEN 'KES' ELSE 'NGN' END");
          step(
              h,
              "loans",
              "INSERT INTO loan (id, partner_id, application_id, end_user_id,"
                  + " product_id, amount, interest_rate, currency, status, principal, interest, fee,"
                  + " pending_principal, pending_interest, pending_fee, interest_calculation_enabled,"
                  + " created_at, updated_at)"
                  + " SELECT s.loan, a.partner_id, a.id, a.end_user_id, a.product_id, a.amount, 0,"
                  + " p.currency, CASE s.status WHEN 'CLOSED' THEN 'paid_off' WHEN 'DELINQUENT'"
                  + " THEN 'in_arrears' ELSE 'active' END,"
                  + " CASE WHEN s.status = 'CLOSED' THEN 0 ELSE a.amount END, 0,"
                  + " CASE WHEN s.status = 'CLOSED' THEN 0 ELSE 400000.00 END, 0, 0, 0, false,"
                  + " now(), now()"
                  + " FROM bench_seed s JOIN application a ON a.id = s.app"
                  + " JOIN product p ON p.id = a.product_id");
          step(
              h,
              "contracts",
              "INSERT INTO contract (id, loan_id, loan_account_id, partner_id,"
                  + " funding_source, tractor_id, name, loaner, status, equipment_cost,"
                  + " principal_amount, total_repayment_amount, remaining_contract_value,"
                  + " repayment_per_hectare, minimum_weekly_payment, currency, time_zone,"
                  + " loan_start_date, loan_end_date, invoice_due_days, delinquency_tolerance_days,"
                  + " created_at, updated_at)"
                  + " SELECT 1000 + s.g, 'LN-' || lpad(s.g::text, 7, '0'), s.loan, "
                  + owner
                  + ","
                  + " s.source, 'TR-' || lpad(s.g::text, 7, '0'), 'Operator ' || s.g,"
                  + " e.first_name || ' ' || e.last_name, s.status, a.amount + 200000.00, 200000.00,"
                  + " a.amount + 400000.00,"
                  + " CASE WHEN s.status = 'CLOSED' THEN 0 ELSE a.amount + 400000.00 END,"
                  + " 45000.00, 0, l.currency, 'Africa/Lagos',"
                  + " DATE '2024-01-01' + s.g / 1440, DATE '2026-01-01' + s.g / 1440, 7, 7,"
                  + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + s.g * INTERVAL '1 minute',"
                  + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + s.g * INTERVAL '1 minute'"
                  + " FROM bench_seed s JOIN end_user e ON e.id = s.eu JOIN application a"
                  + " ON a.id = s.app JOIN loan l ON l.id = s.loan");
          step(
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
          step(
              h,
              "invoices",
              "INSERT INTO invoice (number, billing_period_id, contract_id,"
                  + " status, currency, amount_due, amount_paid, issue_date, due_date)"
                  + " SELECT 'INV-' || b.id, b.id, b.contract_id, b.status, b.currency, b.amount_due,"
                  + " b.amount_paid, b.issued_at::date, b.due_date FROM billing_period b");
          step(h, "search indexes (V10)", v10);
          h.execute("DROP TABLE bench_seed");
        });
    jdbi.useHandle(h -> step(h, "vacuum analyze", "VACUUM ANALYZE"));
  }

  private static void step(Handle h, String what, String sql) {
    long t = System.nanoTime();
    h.execute(sql);
    System.out.printf("  %-22s %6.1f s%n", what, (System.nanoTime() - t) / 1e9);
  }

  private static String sqlArray(String[] values) {
    return "ARRAY['" + String.join("','", values) + "']";
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = PaygContractsBench.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** EXPLAIN ANALYZE of the page and count statements of one representative list query. */
  private static void explain(Jdbi jdbi, long readerId) {
    var spec = dev.furrow.core.contract.ContractRepository.LIST;
    List<PaygListQuery> qs = queries();
    PaygListQuery broad =
        PaygListQuery.newBuilder()
            .putFilters("status", "CURRENT")
            .putFilters("funding_source", "ifc")
            .setSearch("onyango")
            .setSearchby("loaner")
            .setOrdering("loan_end_date")
            .build();
    for (PaygListQuery pq : List.of(qs.get(0), qs.get(1), qs.get(2), broad)) {
      var q = dev.furrow.core.payg.PaygLists.compile(spec, pq);
      String from =
          " FROM contract c WHERE EXISTS (SELECT 1 FROM funding_source_entitlement e"
              + " WHERE e.partner_id = :partner AND e.funding_source = c.funding_source)"
              + " AND ("
              + q.where()
              + ")";
      for (String sql :
          List.of(
              "SELECT * FROM (SELECT c.*"
                  + from
                  + " OFFSET 0) c ORDER BY "
                  + q.orderBy()
                  + " LIMIT 25 OFFSET 0",
              "SELECT count(*)" + from)) {
        System.out.println(
            "\nEXPLAIN (ANALYZE, BUFFERS) "
                + pq.getFiltersMap()
                + " search='"
                + pq.getSearch()
                + "' searchby="
                + pq.getSearchby()
                + " ordering="
                + pq.getOrdering());
        jdbi.useHandle(
            h ->
                q.bind(h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql))
                    .bind("partner", readerId)
                    .mapTo(String.class)
                    .forEach(line -> System.out.println("  " + line)));
      }
    }
  }
}
