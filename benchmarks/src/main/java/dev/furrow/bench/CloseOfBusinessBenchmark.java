package dev.furrow.bench;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.core.cob.CloseOfBusiness;
import dev.furrow.core.cob.CloseOfBusinessReport;
import dev.furrow.core.cob.ClosedDate;
import dev.furrow.testing.TestDatabases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Close of business for one date over a large portfolio of term loans (issue #5): accrual for every
 * loan, ageing, and the late/arrears/default moves with their fees for the share that is overdue.
 * The portfolio is seeded with set-based SQL straight into a fresh database (bypassing the API and
 * the disbursements' journal), then one date is closed exactly as the admin RPC closes it. {@code
 * FURROW_BENCH_COB_LOANS} sets the number of loans (default 1,000,000); {@code
 * FURROW_BENCH_COB_REVOLVING} (default 0) adds revolving credit lines, whose statements the close
 * then writes (the first date closed is then the 28th, a possible statement day).
 */
final class CloseOfBusinessBenchmark implements Benchmark {
  private static final LocalDate DATE = LocalDate.parse("2026-06-30");

  /**
   * The first date closed when revolving credit lines are seeded: a revolving product's statement
   * day is 1 to 28, so the 28th (the term loans are seeded relative to it as well).
   */
  private static final LocalDate REVOLVING_DATE = LocalDate.parse("2026-06-28");

  @Override
  public String name() {
    return "cob";
  }

  @Override
  public String description() {
    return "close of business for one date over 1,000,000 term loans (target: at most 60 s)";
  }

  @Override
  public void run() throws Exception {
    int loans = Integer.parseInt(System.getenv().getOrDefault("FURROW_BENCH_COB_LOANS", "1000000"));
    int revolving =
        Integer.parseInt(System.getenv().getOrDefault("FURROW_BENCH_COB_REVOLVING", "0"));
    String kept = System.getenv("FURROW_BENCH_COB_DB");
    if (kept != null && !kept.isBlank()) {
      // A database of the caller's, seeded on first use and kept: each run closes its next date.
      String admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
      boolean exists;
      try (var c = java.sql.DriverManager.getConnection(admin);
          var q = c.prepareStatement("SELECT count(*) > 0 FROM pg_database WHERE datname = ?")) {
        q.setString(1, kept);
        try (var rs = q.executeQuery()) {
          rs.next();
          exists = rs.getBoolean(1);
        }
        if (!exists) {
          try (var create = c.createStatement()) {
            create.execute("CREATE DATABASE " + kept.replaceAll("[^a-z0-9_]", ""));
          }
        }
      }
      measure(
          "jdbc:postgresql://127.0.0.1:5432/" + kept + "?user=postgres", loans, revolving, !exists);
      return;
    }
    TestDatabases.TestDatabase database = TestDatabases.create();
    try {
      measure(database.jdbcUrl(), loans, revolving, true);
    } finally {
      TestDatabases.drop(database);
    }
  }

  private void measure(String url, int loans, int revolving, boolean seed) {
    try (CoreServer core =
        CoreServer.startInProcess(
            CoreConfig.of(url, "bench-service-token-0123456789"),
            "bench-cob-" + UUID.randomUUID())) {
      Jdbi jdbi = core.jdbi();
      if (seed) {
        long seedStart = System.nanoTime();
        LocalDate first = revolving > 0 ? REVOLVING_DATE : DATE;
        seed(jdbi, loans, revolving, first);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        System.out.printf(
            "Seeded %,d active term loans (12 instalments each) and %,d revolving credit lines"
                + " in %.1f s%n",
            loans, revolving, seedSeconds);
      }
      if (!seed) {
        vacuum(jdbi);
      }
      loans =
          jdbi.withHandle(
              h -> h.createQuery("SELECT count(*) FROM loan").mapTo(Integer.class).one());
      LocalDate date =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT max(business_date) + 1 FROM cob_run WHERE status = 'completed'")
                      .mapTo(LocalDate.class)
                      .findOne()
                      .orElse(null));
      LocalDate day =
          date != null
              ? date
              : jdbi.withHandle(
                      h ->
                          h.createQuery(
                                  "SELECT count(*) > 0 FROM product"
                                      + " WHERE type = 'revolving_credit'")
                              .mapTo(Boolean.class)
                              .one())
                  ? REVOLVING_DATE
                  : DATE;
      moveStatementDay(jdbi, day);

      CloseOfBusiness closeOfBusiness =
          CoreServer.closeOfBusiness(
              jdbi,
              CoreConfig.CloseOfBusinessSettings.UNSCHEDULED,
              Clock.fixed(day.plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
      System.out.printf(
          "Machine before the run: load average %s; calibration query (count of 10,000,000"
              + " generated rows in PostgreSQL) %.2f s%n",
          loadAverage(), calibrate(jdbi));
      System.out.println("PostgreSQL settings in force: " + settings(jdbi));
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      System.gc();
      long heapBefore = memory.getHeapMemoryUsage().getUsed();
      AtomicLong peak = new AtomicLong(heapBefore);
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long[] walBefore = wal(jdbi);
      long start = System.nanoTime();
      CloseOfBusinessReport report = closeOfBusiness.close(day);
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      long[] walAfter = wal(jdbi);

      ClosedDate run = report.closed().get(0);
      System.out.printf("%nClose of business %s over %,d loans%n", day, loans);
      System.out.printf(
          "%-20s %12s %16s %8s %10s%n", "step", "rows", "amount", "commits", "seconds");
      for (ClosedDate.Step step : run.steps()) {
        System.out.printf(
            "%-20s %,12d %16s %8d %10.1f%n",
            step.name(),
            step.rows(),
            step.amount().toPlainString(),
            step.chunks(),
            step.millis() / 1000.0);
      }
      long accrued = run.steps().get(0).rows();
      System.out.printf("%-20s %12s %16s %8s %10.1f%n", "total", "", "", "", seconds);
      System.out.printf("Loans/s (every loan, whole run): %,.0f%n", loans / seconds);
      System.out.printf(
          "Loans/s (accrual step): %,.0f%n", accrued / (run.steps().get(0).millis() / 1000.0));
      System.out.printf(
          "JVM heap: %.1f MiB used before, %.1f MiB peak during the run (max %.0f MiB)%n",
          heapBefore / 1048576.0,
          peak.get() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576.0);
      System.out.printf(
          "WAL written during the run: %,.0f MiB; checkpoints started during the run: %d%n",
          (walAfter[0] - walBefore[0]) / 1048576.0, walAfter[1] - walBefore[1]);
      for (ClosedDate.Step step : run.steps()) {
        if (step.name().equals("generate_statements") && step.rows() > 0) {
          System.out.printf(
              "Statements/s (generate_statements): %,.0f (%,d statements in %.1f s)%n",
              step.rows() / (step.millis() / 1000.0), step.rows(), step.millis() / 1000.0);
        }
      }
      System.out.println("Loans by status afterwards: " + statuses(jdbi));
      System.out.printf(
          "Target: at most 60 s -> %s; load average now: %s%n",
          seconds <= 60 ? "met" : "NOT met", loadAverage());

      long again = System.nanoTime();
      CloseOfBusinessReport rerun = closeOfBusiness.close(day);
      System.out.printf(
          "Re-run of %s: %s (%.3f s)%n", day, rerun.message(), (System.nanoTime() - again) / 1e9);
    }
  }

  /**
   * The portfolio, as close of business would have left it the day before: loans disbursed over the
   * past year (so due dates fall on every day of the month), interest accrued through the previous
   * date, paid instalments paid. One loan in twenty stopped paying between 0 and 119 days ago: its
   * unpaid instalments are still "pending", as if overdue marking were due today, so this close of
   * business ages all of them and moves them to late, in arrears (with the 1% arrears fee) or in
   * default (with the 5,000.00 default fee) — a heavy day for the delinquency step.
   */
  private static void seed(Jdbi jdbi, int loans, int revolving, LocalDate date) {
    jdbi.useHandle(
        h -> {
          long partner =
              h.createQuery("INSERT INTO partner (name) VALUES ('bench') RETURNING id")
                  .mapTo(Long.class)
                  .one();
          UUID product =
              h.createQuery(
                      "INSERT INTO product (partner_id, type, name, currency, max_loan_amount,"
                          + " max_interest_rate, default_interest_rate, installments,"
                          + " arrears_tolerance, interest_calculation,"
                          + " calculate_interest_on_holidays, created_at, updated_at,"
                          + " published_at) VALUES (:partner, 'term_loan', 'Tractor term loan',"
                          + " 'NGN', 5000000, 30, 18.25, 12, 3, 'equal_principal', false, now(),"
                          + " now(), now()) RETURNING id")
                  .bind("partner", partner)
                  .mapTo(UUID.class)
                  .one();
          h.createUpdate(
                  "INSERT INTO product_fee (product_id, position, name, type, amount, event)"
                      + " VALUES (:p, 0, 'Arrears fee', 'percent', 1, 'arrears'),"
                      + " (:p, 1, 'Default fee', 'flat', 5000, 'default')")
              .bind("p", product)
              .execute();
          h.createUpdate(
                  "INSERT INTO end_user (partner_id, first_name, last_name, birth_date,"
                      + " address_line_1, address_line_2, city, postal_code, country,"
                      + " bank_account_number, sort_code, created_at, updated_at)"
                      + " SELECT :partner, 'Operator', 'No ' || g, DATE '1980-01-01',"
                      + " 'Farm road ' || g, 'Kaduna South', 'Kaduna', '800001', 'NG',"
                      + " '0123456789', '058', now(), now() FROM generate_series(1, 1000) g")
              .bind("partner", partner)
              .execute();
          step(
              h,
              "seed",
              "CREATE UNLOGGED TABLE seed AS SELECT g AS n, gen_random_uuid() AS application_id,"
                  + " gen_random_uuid() AS loan_id, u.ids[1 + g % 1000] AS end_user_id,"
                  + " (120000 + (g % 50) * 12000)::numeric(20, 2) AS amount,"
                  + " DATE '"
                  + date
                  + "' - (1 + g % 360) AS disbursed_on,"
                  + " CASE WHEN g % 20 = 0 THEN (g / 20) % 120 ELSE NULL END AS missed_days"
                  + " FROM generate_series(1, "
                  + loans
                  + ") g, (SELECT array_agg(id) AS ids FROM end_user) u");
          step(
              h,
              "applications",
              "INSERT INTO application (id, partner_id, product_id, end_user_id, status, amount,"
                  + " installments, rate, reason, processing_finished_at, loan_id, created_at,"
                  + " updated_at) SELECT application_id, "
                  + partner
                  + ", '"
                  + product
                  + "', end_user_id, 'accepted', amount, 12, 18.25, 'Accepted', now(), loan_id,"
                  + " now(), now() FROM seed");
          step(
              h,
              "loans",
              "INSERT INTO loan (id, partner_id, application_id, end_user_id, product_id, amount,"
                  + " interest_rate, installments, grace_instalments, principal_repayment_grace,"
                  + " arrears_tolerance, currency, status, principal, interest, fee,"
                  + " pending_principal, pending_interest, pending_fee,"
                  + " interest_calculation_enabled, accrues_from, interest_accrued_through,"
                  + " created_at, updated_at) SELECT s.loan_id, "
                  + partner
                  + ", s.application_id, s.end_user_id, '"
                  + product
                  + "', s.amount, 18.25, 12, 0, 0, 3, 'NGN', 'active',"
                  + " s.amount - s.amount / 12 * (SELECT count(*) FROM generate_series(1, 12) k"
                  + " WHERE (s.disbursed_on + make_interval(months => k))::date < DATE '"
                  + date
                  + "' - coalesce(s.missed_days, -1)), 1000.00, 0, 0, 0, 0, true,"
                  + " s.disbursed_on, DATE '"
                  + date
                  + "' - 1, now(), now() FROM seed s");
          step(
              h,
              "instalments",
              "INSERT INTO loan_instalment (loan_id, number, due_date, principal, interest, fee,"
                  + " paid_principal, paid_interest, paid_fee, status, updated_at)"
                  + " SELECT s.loan_id, k, d.due, s.amount / 12,"
                  + " round((s.amount - s.amount / 12 * (k - 1)) * 0.015, 2), 0,"
                  + " CASE WHEN p.paid THEN s.amount / 12 ELSE 0 END,"
                  + " CASE WHEN p.paid THEN round((s.amount - s.amount / 12 * (k - 1)) * 0.015, 2)"
                  + " ELSE 0 END, 0, CASE WHEN p.paid THEN 'paid' ELSE 'pending' END, now()"
                  + " FROM seed s CROSS JOIN generate_series(1, 12) k"
                  + " CROSS JOIN LATERAL (SELECT (s.disbursed_on + make_interval(months => k))::date"
                  + " AS due) d"
                  + " CROSS JOIN LATERAL (SELECT d.due < DATE '"
                  + date
                  + "' - coalesce(s.missed_days, -1) AS paid) p");
          h.execute("DROP TABLE seed");
          if (revolving > 0) {
            seedRevolving(h, partner, revolving, date);
          }
        });
    long start = System.nanoTime();
    jdbi.useHandle(
        h -> {
          h.execute("VACUUM ANALYZE loan");
          h.execute("VACUUM ANALYZE loan_instalment");
          h.execute("VACUUM ANALYZE loan_transaction");
          h.execute("CHECKPOINT");
        });
    System.out.printf("  vacuum, analyze, checkpoint: %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * {@code lines} revolving credit lines of one published NGN product whose statement day is {@code
   * date}'s day of the month (36.5% a year: 0.1% a day; minimum 5% of the closing balance, at least
   * 500.00, due on the 10th; arrears tolerance 3), each with its transactions as the postings would
   * have left them: half the credit limit (100,000.00 to 590,000.00) drawn 5 to 25 days before
   * {@code date}, a repayment of 2,000.00 three days later and one of 1,500.00 on {@code date}
   * (each paying 100.00 of interest), and for one line in five a 250.00 card fee on {@code date},
   * due at once. The loans' principal and fee are what the transactions' recorded changes add up
   * to, and their interest what was accrued through the day before (0.1% of the drawn amount a day)
   * less what the repayments paid, so the first statement's figures add up; close of business then
   * accrues {@code date} and writes every line's first statement.
   */
  private static void seedRevolving(Handle h, long partner, int lines, LocalDate date) {
    UUID product =
        h.createQuery(
                "INSERT INTO product (partner_id, type, name, currency, max_loan_amount,"
                    + " max_interest_rate, default_interest_rate, arrears_tolerance,"
                    + " calculate_interest_on_holidays, statement_day, repayment_due_day,"
                    + " minimum_payment_percent, minimum_payment_amount, created_at, updated_at,"
                    + " published_at) VALUES (:partner, 'revolving_credit', 'Input credit line',"
                    + " 'NGN', 5000000, 40, 36.5, 3, true, :day, 10, 5, 500, now(), now(), now())"
                    + " RETURNING id")
            .bind("partner", partner)
            .bind("day", date.getDayOfMonth())
            .mapTo(UUID.class)
            .one();
    String d = "DATE '" + date + "'";
    step(
        h,
        "revolving seed",
        "CREATE UNLOGGED TABLE rseed AS SELECT g AS n, gen_random_uuid() AS application_id,"
            + " gen_random_uuid() AS loan_id, u.ids[1 + g % 1000] AS end_user_id,"
            + " (100000 + (g % 50) * 10000)::numeric(20, 2) AS credit_limit,"
            + " (50000 + (g % 50) * 5000)::numeric(20, 2) AS drawn,"
            + d
            + " - (5 + g % 21) AS drawn_on, gen_random_uuid() AS disbursement_id,"
            + " gen_random_uuid() AS first_repayment_id, gen_random_uuid() AS second_repayment_id,"
            + " CASE WHEN g % 5 = 0 THEN gen_random_uuid() END AS fee_id"
            + " FROM generate_series(1, "
            + lines
            + ") g, (SELECT array_agg(id) AS ids FROM end_user) u");
    step(
        h,
        "revolving applications",
        "INSERT INTO application (id, partner_id, product_id, end_user_id, status, amount,"
            + " rate, reason, processing_finished_at, loan_id, created_at, updated_at)"
            + " SELECT application_id, "
            + partner
            + ", '"
            + product
            + "', end_user_id, 'accepted', credit_limit, 36.5, 'Accepted', now(), loan_id,"
            + " now(), now() FROM rseed");
    step(
        h,
        "revolving loans",
        "INSERT INTO loan (id, partner_id, application_id, end_user_id, product_id, amount,"
            + " interest_rate, arrears_tolerance, currency, status, principal, interest, fee,"
            + " pending_principal, pending_interest, pending_fee, interest_calculation_enabled,"
            + " accrues_from, interest_accrued_through, created_at, updated_at)"
            + " SELECT loan_id, "
            + partner
            + ", application_id, end_user_id, '"
            + product
            + "', credit_limit, 36.5, 3, 'NGN', 'active', drawn - 3300,"
            + " round(drawn * 0.001 * ("
            + d
            + " - drawn_on), 2) - 200, CASE WHEN fee_id IS NULL THEN 0 ELSE 250 END, 0, 0,"
            + " CASE WHEN fee_id IS NULL THEN 0 ELSE 250 END, true, drawn_on, "
            + d
            + " - 1, now(), now() FROM rseed");
    String columns =
        "INSERT INTO loan_transaction (id, partner_id, loan_id, type, status, amount, fee_name,"
            + " fee_type, previous_transaction_id, completed_at, status_before,"
            + " result_loan_status, result_outstanding_balance, affected_loan_principal,"
            + " affected_loan_interest, affected_loan_fee, affected_pending_principal,"
            + " affected_pending_interest, affected_pending_fee, created_at, updated_at) ";
    step(
        h,
        "revolving disbursements",
        columns
            + "SELECT disbursement_id, "
            + partner
            + ", loan_id, 'disbursement', 'applied', drawn, NULL, NULL, NULL, t, 'approved',"
            + " 'active', drawn, drawn, 0, 0, 0, 0, 0, t, t FROM rseed,"
            + " LATERAL (SELECT (drawn_on + TIME '09:00') AT TIME ZONE 'UTC' AS t) x ORDER BY n");
    step(
        h,
        "revolving first repayments",
        columns
            + "SELECT first_repayment_id, "
            + partner
            + ", loan_id, 'repayment', 'applied', 2000, NULL, NULL, disbursement_id, t,"
            + " 'active', 'active', drawn - 1900 + round(drawn * 0.003, 2) - 100, -1900, -100,"
            + " 0, 0, 0, 0, t, t FROM rseed,"
            + " LATERAL (SELECT (drawn_on + 3 + TIME '10:00') AT TIME ZONE 'UTC' AS t) x"
            + " ORDER BY n");
    step(
        h,
        "revolving second repayments",
        columns
            + "SELECT second_repayment_id, "
            + partner
            + ", loan_id, 'repayment', 'applied', 1500, NULL, NULL, first_repayment_id, t,"
            + " 'active', 'active', l.principal + l.interest, -1400, -100, 0, 0, 0, 0, t, t"
            + " FROM rseed JOIN loan l ON l.id = loan_id,"
            + " LATERAL (SELECT ("
            + d
            + " + TIME '12:00') AT TIME ZONE 'UTC' AS t) x ORDER BY n");
    step(
        h,
        "revolving fees",
        columns
            + "SELECT fee_id, "
            + partner
            + ", loan_id, 'fee', 'applied', 250, 'Card fee', 'flat', second_repayment_id, t,"
            + " 'active', 'active', l.principal + l.interest + 250, 0, 0, 250, 0, 0, 250, t, t"
            + " FROM rseed JOIN loan l ON l.id = loan_id,"
            + " LATERAL (SELECT ("
            + d
            + " + TIME '15:00') AT TIME ZONE 'UTC' AS t) x WHERE fee_id IS NOT NULL ORDER BY n");
    step(
        h,
        "revolving last transactions",
        "UPDATE loan l SET last_transaction_id = coalesce(s.fee_id, s.second_repayment_id)"
            + " FROM rseed s WHERE l.id = s.loan_id");
    h.execute("DROP TABLE rseed");
  }

  /**
   * On a kept book, makes the revolving product's statement day the day of the date about to be
   * closed (when it is 1 to 28), so every run that closes such a date measures the statement step:
   * each line gets its next statement, over the days since its last one. A benchmark's shortcut: a
   * published product's fields never change through the API.
   */
  private static void moveStatementDay(Jdbi jdbi, LocalDate day) {
    if (day.getDayOfMonth() > 28) {
      return;
    }
    int moved =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE product SET statement_day = :day WHERE type = 'revolving_credit'"
                            + " AND statement_day <> :day")
                    .bind("day", day.getDayOfMonth())
                    .execute());
    if (moved > 0) {
      System.out.printf("Revolving product's statement day moved to %d%n", day.getDayOfMonth());
    }
  }

  /**
   * The kept book as a lender's server would have it at night: vacuumed (autovacuum does that
   * during the day; on the shared test machine it is off) and just after a checkpoint, so the close
   * pays the full-page images of every page it touches first, as it does once per checkpoint.
   */
  private static void vacuum(Jdbi jdbi) {
    long start = System.nanoTime();
    jdbi.useHandle(
        h -> {
          h.execute("VACUUM (ANALYZE) loan");
          h.execute("VACUUM (ANALYZE) loan_instalment");
          h.execute("VACUUM (ANALYZE) loan_transaction");
          h.execute("CHECKPOINT");
        });
    System.out.printf(
        "Vacuumed loan and loan_instalment, checkpoint (not part of the figures): %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  /** Seconds PostgreSQL takes for a fixed amount of work, to show how busy the machine was. */
  private static double calibrate(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> {
          h.execute("SET jit = off");
          long start = System.nanoTime();
          h.createQuery("SELECT count(*) FROM generate_series(1, 10000000)")
              .mapTo(Long.class)
              .one();
          return (System.nanoTime() - start) / 1e9;
        });
  }

  private static void step(Handle h, String name, String sql) {
    long start = System.nanoTime();
    h.execute(sql);
    System.out.printf("  seeded %s in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
  }

  private static List<Map<String, Object>> statuses(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT status, count(*) AS loans FROM loan GROUP BY status ORDER BY status")
                .mapToMap()
                .list());
  }

  /** The server's WAL position (bytes) and the number of checkpoints it has started. */
  private static long[] wal(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint AS lsn,"
                        + " (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)"
                        + " AS checkpoints")
                .map((rs, ctx) -> new long[] {rs.getLong("lsn"), rs.getLong("checkpoints")})
                .one());
  }

  /** The server settings the figures depend on (docs/benchmarks.md recommends values). */
  private static String settings(Jdbi jdbi) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)"
                        + " FROM pg_settings WHERE name IN ('shared_buffers', 'max_wal_size',"
                        + " 'checkpoint_timeout', 'wal_compression', 'synchronous_commit',"
                        + " 'work_mem', 'full_page_writes')")
                .mapTo(String.class)
                .one());
  }

  private static String loadAverage() {
    return String.format(
        "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
