package dev.furrow.bench.repay;

import dev.furrow.bench.Benchmark;
import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.testing.TestDatabases;
import dev.furrow.testing.TestDatabases.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Issue #4: repayments posted through the core's {@code CreateTransaction} over a real gRPC socket,
 * spread over 10,000 loans and all on one hot loan, against the ceiling of the same run: the
 * minimal SQL transaction (lock the loan row, insert the transaction row, update the loan, commit)
 * sent straight to PostgreSQL over as many connections as the core has calls in flight. Commits are
 * durable (the server's {@code synchronous_commit}). Afterwards the posted repayments are counted
 * and summed and a sample of ledgers is checked.
 */
public final class RepaymentBenchmark implements Benchmark {
  private static final String SERVICE_TOKEN = "repayment-benchmark-service-token";
  private static final int LOANS = env("FURROW_BENCH_LOANS", 10_000);
  private static final int IN_FLIGHT = env("FURROW_BENCH_CONCURRENCY", 16);
  private static final int ROUNDS = env("FURROW_BENCH_ROUNDS", 5);
  private static final int SPREAD_COUNT = env("FURROW_BENCH_SPREAD_COUNT", 5_000);
  private static final int HOT_COUNT = env("FURROW_BENCH_HOT_COUNT", 1_500);

  /** The warm-up posts this many rounds' worth, so the JIT has compiled the hot paths. */
  private static final int WARMUP_ROUNDS = 3;

  private static final int LEDGER_SAMPLE = 100;
  private static final double SPREAD_TARGET_PER_SECOND = 2_000;
  private static final double SPREAD_TARGET_RATIO = 0.60;
  private static final double HOT_TARGET_PER_SECOND = 500;

  /** Repayments sent and acknowledged, in cents, over every phase (warm-up included). */
  private long repaidCount;

  private long repaidCents;

  @Override
  public String name() {
    return "repayments";
  }

  @Override
  public String description() {
    return "CreateTransaction repayments over gRPC (10,000 loans; one hot loan) vs. the minimal"
        + " SQL transaction straight at PostgreSQL";
  }

  @Override
  public void run() throws Exception {
    TestDatabase database = TestDatabases.create();
    try {
      run(database.jdbcUrl());
    } finally {
      TestDatabases.drop(database);
    }
  }

  private void run(String jdbcUrl) throws Exception {
    CoreConfig config = CoreConfig.of(jdbcUrl, SERVICE_TOKEN);
    try (CoreServer core = CoreServer.start(config)) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", core.port()).usePlaintext().build();
      try {
        long setupStart = System.nanoTime();
        RepaymentFixture fixture = RepaymentFixture.create(channel, SERVICE_TOKEN, jdbcUrl, LOANS);
        createCeilingTables(jdbcUrl);
        System.out.printf(
            Locale.ROOT,
            "Set up %,d active loans of %s NGN (+1 hot loan) and the ceiling tables in %.1f s%n",
            LOANS,
            RepaymentFixture.PRINCIPAL.toPlainString(),
            (System.nanoTime() - setupStart) / 1e9);
        Metadata key = new Metadata();
        key.put(Caller.API_KEY, fixture.apiKey);
        var stub =
            TransactionServiceGrpc.newFutureStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(key));

        List<String> lines = new ArrayList<>();
        lines.add(
            String.format(
                Locale.ROOT,
                "%-7s %-12s %8s %8s %9s %8s %8s %9s %9s",
                "case",
                "system",
                "count",
                "seconds",
                "per_s",
                "p50_ms",
                "p99_ms",
                "jvm_us",
                "db_us"));
        CpuMeter meter = new CpuMeter(jdbcUrl);
        Verdict spread =
            measure("spread", fixture.spreadLoans, SPREAD_COUNT, stub, jdbcUrl, meter, lines);
        Verdict hot =
            measure("hot", List.of(fixture.hotLoan), HOT_COUNT, stub, jdbcUrl, meter, lines);

        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "Repayments (issue #4): %d calls in flight, %d ceiling connections, core pool %d,"
                + " %d measured rounds after a warm-up, core and ceiling taking turns; medians of"
                + " the rounds (ratio: median of the rounds' ratios). jvm_us, db_us: CPU"
                + " microseconds per repayment of this JVM (core and load generator, or the JDBC"
                + " loop) and of the database's backends.%n",
            IN_FLIGHT,
            IN_FLIGHT,
            config.dbPoolSize(),
            ROUNDS);
        lines.forEach(System.out::println);
        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "spread: %.0f/s = %.0f%% of the ceiling; target >= %.0f/s and >= %.0f%%: %s%n",
            spread.corePerSecond,
            100 * spread.ratio,
            SPREAD_TARGET_PER_SECOND,
            100 * SPREAD_TARGET_RATIO,
            spread.corePerSecond >= SPREAD_TARGET_PER_SECOND && spread.ratio >= SPREAD_TARGET_RATIO
                ? "MET"
                : "NOT MET");
        System.out.printf(
            Locale.ROOT,
            "hot:    %.0f/s = %.0f%% of the ceiling; target >= %.0f/s: %s%n",
            hot.corePerSecond,
            100 * hot.ratio,
            HOT_TARGET_PER_SECOND,
            hot.corePerSecond >= HOT_TARGET_PER_SECOND ? "MET" : "NOT MET");
        System.out.println();
        verify(jdbcUrl, fixture, stub);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private record Verdict(double corePerSecond, double ratio) {}

  /**
   * Warm-up ({@link #WARMUP_ROUNDS} rounds' worth), then {@link #ROUNDS} rounds of the core and the
   * ceiling taking turns (which goes first alternates, so a change in the machine's background load
   * falls on both alike), each posting {@code count} repayments to {@code loans} in a fresh
   * shuffled order (round robin when there are fewer loans than repayments).
   */
  private Verdict measure(
      String name,
      List<UUID> loans,
      int count,
      TransactionServiceGrpc.TransactionServiceFutureStub stub,
      String jdbcUrl,
      CpuMeter meter,
      List<String> lines)
      throws Exception {
    List<Run> cores = new ArrayList<>();
    List<Run> ceilings = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    Random random = new Random(42);
    for (int round = 0; round <= ROUNDS; round++) {
      List<UUID> order = new ArrayList<>(loans);
      Collections.shuffle(order, random);
      String phase = name + "-" + (round == 0 ? "warmup" : "round" + round);
      int n = round == 0 ? WARMUP_ROUNDS * count : count;
      Run core;
      Run ceiling;
      if (round % 2 == 0) {
        core = core(stub, meter, order, n, phase);
        ceiling = ceiling(meter, jdbcUrl, order, n, phase);
      } else {
        ceiling = ceiling(meter, jdbcUrl, order, n, phase);
        core = core(stub, meter, order, n, phase);
      }
      System.out.printf(
          Locale.ROOT,
          "  %-14s core %6.0f/s p99 %6.1f ms cpu %5.0f+%5.0f us | ceiling %6.0f/s p99 %6.1f ms"
              + " cpu %5.0f+%5.0f us | ratio %.2f%n",
          phase,
          core.perSecond(),
          core.p99Millis(),
          core.jvmMicros(),
          core.databaseMicros(),
          ceiling.perSecond(),
          ceiling.p99Millis(),
          ceiling.jvmMicros(),
          ceiling.databaseMicros(),
          core.perSecond() / ceiling.perSecond());
      if (core.failed() > 0 || ceiling.failed() > 0) {
        throw new IllegalStateException(
            phase
                + ": "
                + core.failed()
                + " core and "
                + ceiling.failed()
                + " ceiling operations failed; first: "
                + Loops.lastFailure.get(),
            Loops.lastFailure.get());
      }
      if (round > 0) {
        cores.add(core);
        ceilings.add(ceiling);
        ratios.add(core.perSecond() / ceiling.perSecond());
      }
    }
    lines.add(row(name, "core gRPC", cores));
    lines.add(row(name, "ceiling SQL", ceilings));
    double corePerSecond = Run.median(cores, Run::perSecond);
    double ratio = Run.median(ratios);
    lines.add(String.format(Locale.ROOT, "%-7s %-12s %8.2f", name, "ratio", ratio));
    return new Verdict(corePerSecond, ratio);
  }

  private static String row(String name, String system, List<Run> runs) {
    return String.format(
        Locale.ROOT,
        "%-7s %-12s %8d %8.2f %9.0f %8.2f %8.2f %9.0f %9.0f",
        name,
        system,
        runs.get(0).succeeded(),
        Run.median(runs, Run::seconds),
        Run.median(runs, Run::perSecond),
        Run.median(runs, Run::p50Millis),
        Run.median(runs, Run::p99Millis),
        Run.median(runs, Run::jvmMicros),
        Run.median(runs, Run::databaseMicros));
  }

  /** 1.00 to 1.99 NGN, varying so that a lost or doubled repayment shows in the sum. */
  private static BigDecimal amount(int i) {
    return BigDecimal.valueOf(100 + i % 100, 2);
  }

  private Run core(
      TransactionServiceGrpc.TransactionServiceFutureStub stub,
      CpuMeter meter,
      List<UUID> loans,
      int count,
      String phase)
      throws InterruptedException {
    IntFunction<CreateTransactionRequest> request =
        i ->
            CreateTransactionRequest.newBuilder()
                .setTransaction(
                    TransactionInput.newBuilder()
                        .setLoan(loans.get(i % loans.size()).toString())
                        .setType("repayment")
                        .setAmount(amount(i).toPlainString())
                        .setIdempotencyKey(phase + "-" + i))
                .build();
    Run run = Loops.grpc(meter, count, IN_FLIGHT, i -> stub.createTransaction(request.apply(i)));
    if (run.failed() == 0) {
      repaidCount += run.succeeded();
      for (int i = 0; i < count; i++) {
        repaidCents += amount(i).unscaledValue().longValueExact();
      }
    }
    return run;
  }

  /**
   * The ceiling: copies of the loan table and the transaction table (same columns, checks and
   * indexes; a foreign key from the transactions to the loans), written by the minimal repayment.
   */
  private static void createCeilingTables(String jdbcUrl) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ceiling_loan (LIKE loan INCLUDING ALL)");
      s.execute("INSERT INTO ceiling_loan SELECT * FROM loan");
      s.execute("CREATE TABLE ceiling_transaction (LIKE loan_transaction INCLUDING ALL)");
      s.execute(
          "ALTER TABLE ceiling_transaction ADD FOREIGN KEY (loan_id) REFERENCES ceiling_loan (id)");
      s.execute("VACUUM ANALYZE ceiling_loan");
    }
  }

  private static final String FINGERPRINT = "0".repeat(64);

  private static Run ceiling(
      CpuMeter meter, String jdbcUrl, List<UUID> loans, int count, String phase) throws Exception {
    return Loops.jdbc(
        meter,
        jdbcUrl,
        count,
        IN_FLIGHT,
        (c, i) -> {
          UUID loan = loans.get(i % loans.size());
          BigDecimal amount = amount(i);
          BigDecimal principal;
          UUID previous;
          long partner;
          try (PreparedStatement lock =
              c.prepareStatement("SELECT * FROM ceiling_loan WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, loan);
            try (ResultSet rs = lock.executeQuery()) {
              rs.next();
              principal = rs.getBigDecimal("principal");
              previous = rs.getObject("last_transaction_id", UUID.class);
              partner = rs.getLong("partner_id");
            }
          }
          BigDecimal after = principal.subtract(amount);
          UUID id = UUID.randomUUID();
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO ceiling_transaction (id, partner_id, loan_id, type, status, amount,"
                      + " idempotency_key, request_fingerprint, previous_transaction_id,"
                      + " completed_at, status_before, result_loan_status,"
                      + " result_outstanding_balance, affected_loan_principal,"
                      + " affected_loan_interest, affected_loan_fee, affected_pending_principal,"
                      + " affected_pending_interest, affected_pending_fee, created_at,"
                      + " updated_at) VALUES (?, ?, ?, 'repayment', 'applied', ?, ?, ?, ?, now(),"
                      + " 'active', 'active', ?, ?, 0, 0, 0, 0, 0, now(), now())")) {
            insert.setObject(1, id);
            insert.setLong(2, partner);
            insert.setObject(3, loan);
            insert.setBigDecimal(4, amount);
            insert.setString(5, phase + "-" + i);
            insert.setString(6, FINGERPRINT);
            insert.setObject(7, previous);
            insert.setBigDecimal(8, after);
            insert.setBigDecimal(9, amount.negate());
            insert.executeUpdate();
          }
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE ceiling_loan SET principal = ?, last_transaction_id = ?,"
                      + " updated_at = now() WHERE id = ?")) {
            update.setBigDecimal(1, after);
            update.setObject(2, id);
            update.setObject(3, loan);
            update.executeUpdate();
          }
        });
  }

  /**
   * Every acknowledged repayment is in the database exactly once with its amount, the loans' total
   * principal went down by exactly that, and the ledgers of a sample of loans and of the hot loan
   * check out through the partner's CheckLedger.
   */
  private void verify(
      String jdbcUrl,
      RepaymentFixture fixture,
      TransactionServiceGrpc.TransactionServiceFutureStub stub)
      throws Exception {
    BigDecimal sent = BigDecimal.valueOf(repaidCents, 2);
    long storedCount;
    BigDecimal storedSum;
    BigDecimal principalDrop;
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), coalesce(sum(amount), 0) FROM loan_transaction"
                  + " WHERE type = 'repayment' AND status = 'applied'")) {
        rs.next();
        storedCount = rs.getLong(1);
        storedSum = rs.getBigDecimal(2);
      }
      try (ResultSet rs =
          s.executeQuery("SELECT sum(" + RepaymentFixture.PRINCIPAL + " - principal) FROM loan")) {
        rs.next();
        principalDrop = rs.getBigDecimal(1);
      }
    }
    List<UUID> sample = new ArrayList<>(fixture.spreadLoans);
    Collections.shuffle(sample, new Random(7));
    sample = new ArrayList<>(sample.subList(0, Math.min(LEDGER_SAMPLE, sample.size())));
    sample.add(fixture.hotLoan);
    int consistent = 0;
    for (UUID loan : sample) {
      LedgerCheck check =
          stub.checkLedger(CheckLedgerRequest.newBuilder().setLoan(loan.toString()).build())
              .get(30, TimeUnit.SECONDS);
      if (check.getConsistent()) {
        consistent++;
      } else {
        System.out.println("Inconsistent ledger: " + check);
      }
    }
    boolean ok =
        storedCount == repaidCount
            && storedSum.compareTo(sent) == 0
            && principalDrop.compareTo(sent) == 0
            && consistent == sample.size();
    System.out.printf(
        Locale.ROOT,
        "Check: %,d repayments acknowledged, %,d stored; %s NGN sent, %s stored, principal down"
            + " by %s; ledgers consistent: %d of %d (incl. the hot loan): %s%n",
        repaidCount,
        storedCount,
        sent.toPlainString(),
        storedSum.toPlainString(),
        principalDrop.toPlainString(),
        consistent,
        sample.size(),
        ok ? "OK" : "FAILED");
    if (!ok) {
      throw new IllegalStateException("the repayments posted do not add up; see above");
    }
  }

  private static int env(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }
}
