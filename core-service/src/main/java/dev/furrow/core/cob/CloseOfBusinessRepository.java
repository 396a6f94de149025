package dev.furrow.core.cob;

import dev.furrow.core.ledger.LedgerRepository;
import dev.furrow.core.ledger.PostingRules;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for close of business: the runs and steps of each date, the business date, and the daily
 * interest accrual, which commits in chunks of loans (by id) with the chunk's progress marker in
 * the same transaction.
 */
public final class CloseOfBusinessRepository {
  /** The advisory lock key that lets one close of business run at a time across processes. */
  private static final long RUN_LOCK = 0x4655_5252_4f57_4342L; // "FURROWCB"

  /** The loan statuses that accrue interest (running, in good standing or not). */
  static final List<String> ACCRUING = List.of("active", "late", "in_arrears", "default");

  private final Jdbi jdbi;
  private final LedgerRepository ledger;

  public CloseOfBusinessRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.ledger = new LedgerRepository(jdbi);
  }

  /** Runs {@code work} holding the database-wide close-of-business lock (waits for it). */
  <T> T exclusively(Supplier<T> work) {
    try (Handle lock = jdbi.open()) {
      lock.execute("SELECT pg_advisory_lock(?)", RUN_LOCK);
      try {
        return work.get();
      } finally {
        lock.execute("SELECT pg_advisory_unlock(?)", RUN_LOCK);
      }
    }
  }

  /**
   * Follows a posting or revert on the loan, in its database transaction: the loan accrues from the
   * day (UTC) of its first applied disbursement, and not at all without one.
   */
  public void posted(Handle h, UUID loanId, Instant now) {
    h.createUpdate(
            "UPDATE loan l SET accrues_from = d.first_day FROM (SELECT"
                + " min((created_at AT TIME ZONE 'UTC')::date) AS first_day FROM loan_transaction"
                + " WHERE loan_id = :loan AND type = 'disbursement' AND status = 'applied') d"
                + " WHERE l.id = :loan AND l.accrues_from IS DISTINCT FROM d.first_day")
        .bind("loan", loanId)
        .execute();
    withdrawAccrual(h, loanId, now);
  }

  /**
   * A loan left without an applied disbursement (its first one reverted, and with it every later
   * transaction) was never lent anything, so it owes no interest: the interest its closes accrued
   * is taken back with one journal entry (debit interest income, credit interest receivable), the
   * fraction carried below a cent is dropped, and accrual starts afresh from its next disbursement.
   */
  private void withdrawAccrual(Handle h, UUID loanId, Instant now) {
    Optional<Accrued> accrued =
        h.createQuery(
                "UPDATE loan l SET interest = 0, pending_interest = 0,"
                    + " accrued_interest_unposted = 0, interest_accrued_through = NULL,"
                    + " updated_at = :now"
                    + " FROM (SELECT id, interest FROM loan WHERE id = :loan"
                    + " AND accrues_from IS NULL AND (interest > 0 OR accrued_interest_unposted > 0"
                    + " OR interest_accrued_through IS NOT NULL)) o"
                    + " WHERE l.id = o.id RETURNING l.partner_id, l.currency, o.interest")
            .bind("loan", loanId)
            .bind("now", utc(now))
            .map(
                (rs, ctx) ->
                    new Accrued(
                        rs.getLong("partner_id"),
                        rs.getString("currency"),
                        rs.getBigDecimal("interest")))
            .findOne();
    if (accrued.isPresent() && accrued.get().interest().signum() > 0) {
      ledger.post(
          h,
          accrued.get().partnerId(),
          loanId,
          null,
          accrued.get().currency(),
          PostingRules.interestAccrual(accrued.get().interest()).mirror(),
          now);
    }
  }

  private record Accrued(long partnerId, String currency, BigDecimal interest) {}

  /** The last closed date; empty before the first close of business. */
  public Optional<LocalDate> lastClosed() {
    return jdbi.withHandle(CloseOfBusinessRepository::lastClosed);
  }

  /** The last closed date, read in the caller's transaction. */
  public static Optional<LocalDate> lastClosed(Handle h) {
    return Optional.ofNullable(
        h.createQuery("SELECT max(business_date) FROM cob_run WHERE status = 'completed'")
            .mapTo(LocalDate.class)
            .one());
  }

  /** Whether the date has a completed run. */
  boolean closed(LocalDate date) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) > 0 FROM cob_run WHERE business_date = :date"
                        + " AND status = 'completed'")
                .bind("date", date)
                .mapTo(Boolean.class)
                .one());
  }

  /** Records the start of the date's run, or keeps the one a stopped run left. */
  void startRun(LocalDate date, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO cob_run (business_date, status, started_at)"
                        + " VALUES (:date, 'running', :now) ON CONFLICT (business_date) DO NOTHING")
                .bind("date", date)
                .bind("now", utc(now))
                .execute());
  }

  void completeRun(LocalDate date, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE cob_run SET status = 'completed', finished_at = :now"
                        + " WHERE business_date = :date AND status = 'running'")
                .bind("date", date)
                .bind("now", utc(now))
                .execute());
  }

  /** Whether the step completed for the date (a resumed run skips it). */
  boolean stepCompleted(LocalDate date, String step) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) > 0 FROM cob_step_run WHERE business_date = :date"
                        + " AND step = :step AND status = 'completed'")
                .bind("date", date)
                .bind("step", step)
                .mapTo(Boolean.class)
                .one());
  }

  /** Records the start of a step, or keeps the row (and progress marker) of a stopped attempt. */
  void startStep(LocalDate date, int position, String step, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO cob_step_run (business_date, position, step, status, started_at)"
                        + " VALUES (:date, :position, :step, 'running', :now)"
                        + " ON CONFLICT (business_date, step) DO NOTHING")
                .bind("date", date)
                .bind("position", position)
                .bind("step", step)
                .bind("now", utc(now))
                .execute());
  }

  void completeStep(LocalDate date, String step, StepOutcome outcome, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE cob_step_run SET status = 'completed', rows_affected = :rows,"
                        + " amount = :amount, chunks = :chunks, finished_at = :now"
                        + " WHERE business_date = :date AND step = :step")
                .bind("date", date)
                .bind("step", step)
                .bind("rows", outcome.rows())
                .bind("amount", outcome.amount())
                .bind("chunks", outcome.chunks())
                .bind("now", utc(now))
                .execute());
  }

  /** The date's run with its steps in order; empty when the date has none. */
  Optional<ClosedDate> run(LocalDate date) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT business_date, started_at, finished_at FROM cob_run"
                        + " WHERE business_date = :date")
                .bind("date", date)
                .map(
                    (rs, ctx) ->
                        new ClosedDate(
                            rs.getObject("business_date", LocalDate.class),
                            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                            instant(rs.getObject("finished_at", OffsetDateTime.class)),
                            steps(h, date)))
                .findOne());
  }

  private static List<ClosedDate.Step> steps(Handle h, LocalDate date) {
    return h.createQuery(
            "SELECT step, rows_affected, amount, chunks,"
                + " floor(extract(epoch FROM (coalesce(finished_at, now()) - started_at)) * 1000)"
                + " AS millis FROM cob_step_run WHERE business_date = :date ORDER BY position")
        .bind("date", date)
        .map(
            (rs, ctx) ->
                new ClosedDate.Step(
                    rs.getString("step"),
                    rs.getLong("rows_affected"),
                    rs.getBigDecimal("amount"),
                    rs.getInt("chunks"),
                    rs.getLong("millis")))
        .list();
  }

  /**
   * Accrues one day of interest on every accruing loan. The loan ids are split into {@code workers}
   * ranges, accrued in parallel, each {@code chunkSize} loans (by id) per database transaction.
   * Each chunk locks its loans, adds the day's interest to their carried fraction, posts the whole
   * cents to {@code interest} with one journal entry per loan (interest receivable against interest
   * income), marks the loans accrued through the date, and moves its range's progress marker and
   * the step's figures, all in one commit. A loan already accrued through the date is skipped, so a
   * resumed or repeated step never posts a day twice. Loans of products that do not calculate
   * interest on holidays skip the date when it is a holiday of their borrower's country.
   */
  StepOutcome accrue(LocalDate date, String step, int chunkSize, int workers, Instant now) {
    List<String> holidayCountries =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT DISTINCT country FROM holiday WHERE date = :date")
                    .bind("date", date)
                    .mapTo(String.class)
                    .list());
    String sql = accrualSql(!holidayCountries.isEmpty());
    List<UUID[]> ranges = ranges(workers);
    if (ranges.size() == 1) {
      accrueRange(date, step, 0, ranges.get(0), chunkSize, sql, holidayCountries, now);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
          int part = i;
          running.add(
              pool.submit(
                  () ->
                      accrueRange(
                          date,
                          step,
                          part,
                          ranges.get(part),
                          chunkSize,
                          sql,
                          holidayCountries,
                          now)));
        }
        for (Future<?> f : running) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interest accrual interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return jdbi.withHandle(h -> stepFigures(h, date, step));
  }

  /**
   * Adds one committed chunk's figures to a chunked step's run, in the chunk's transaction, so the
   * figures of a step resumed after a crash add up over every attempt.
   */
  public static void addChunk(Handle h, LocalDate date, String step, long rows, BigDecimal amount) {
    h.createUpdate(
            "UPDATE cob_step_run SET chunks = chunks + 1,"
                + " rows_affected = rows_affected + :rows, amount = amount + :amount"
                + " WHERE business_date = :date AND step = :step")
        .bind("rows", rows)
        .bind("amount", amount)
        .bind("date", date)
        .bind("step", step)
        .execute();
  }

  /** What a chunked step's committed chunks did, as {@link #addChunk} summed it. */
  public static StepOutcome stepFigures(Handle h, LocalDate date, String step) {
    return h.createQuery(
            "SELECT rows_affected, amount, chunks FROM cob_step_run"
                + " WHERE business_date = :date AND step = :step")
        .bind("date", date)
        .bind("step", step)
        .map(
            (rs, ctx) ->
                new StepOutcome(
                    rs.getLong("rows_affected"), rs.getBigDecimal("amount"), rs.getInt("chunks")))
        .findOne()
        .orElse(StepOutcome.rows(0));
  }

  /** One range (after its start, up to its end) of loan ids, chunk by chunk from its marker. */
  private void accrueRange(
      LocalDate date,
      String step,
      int part,
      UUID[] range,
      int chunkSize,
      String sql,
      List<String> holidayCountries,
      Instant now) {
    UUID after = jdbi.withHandle(h -> marker(h, date, step, part)).orElse(range[0]);
    UUID end = range[1];
    long lastMillis = 0;
    while (!after.equals(end)) {
      UUID from = after;
      lastMillis = Math.max(lastMillis + 1, System.currentTimeMillis());
      String idPrefix = entryIdPrefix(lastMillis, part);
      UUID upto = jdbi.withHandle(h -> chunkEnd(h, from, end, chunkSize));
      jdbi.useTransaction(
          h -> {
            h.execute("SET LOCAL jit = off");
            // The loans' ids, sorted for the entries' ids, stay in memory.
            h.execute("SET LOCAL work_mem = '32MB'");
            // A crash may lose the last chunks committed: their loans, entries and progress marker
            // go together, and the resumed step accrues them again.
            h.execute("SET LOCAL synchronous_commit = off");
            var query =
                h.createQuery(sql)
                    .bind("after", from)
                    .bind("upto", upto)
                    .bind("accruing", ACCRUING.toArray(new String[0]))
                    .bind("idPrefix", idPrefix)
                    .bind("date", date)
                    .bind("now", utc(now));
            if (!holidayCountries.isEmpty()) {
              query.bind("countries", holidayCountries.toArray(new String[0]));
            }
            Chunk chunk =
                query
                    .map((rs, ctx) -> new Chunk(rs.getLong("loans"), rs.getBigDecimal("posted")))
                    .one();
            h.createUpdate(
                    "INSERT INTO cob_step_progress (business_date, step, part, last_loan_id)"
                        + " VALUES (:date, :step, :part, :upto)"
                        + " ON CONFLICT (business_date, step, part)"
                        + " DO UPDATE SET last_loan_id = EXCLUDED.last_loan_id")
                .bind("date", date)
                .bind("step", step)
                .bind("part", part)
                .bind("upto", upto)
                .execute();
            addChunk(h, date, step, chunk.loans(), chunk.posted());
          });
      after = upto;
    }
  }

  /**
   * The accrual of one chunk: the loans with ids in (after, upto] that accrue on the date, with
   * their journal entries; answers the loans accrued and the cents posted.
   */
  private static String accrualSql(boolean holidays) {
    String holidayFilter =
        holidays
            ? " AND NOT (l.product_id IN (SELECT p.id FROM product p"
                + " WHERE NOT p.calculate_interest_on_holidays)"
                + " AND EXISTS (SELECT 1 FROM end_user eu WHERE eu.id = l.end_user_id"
                + " AND eu.country = ANY(:countries)))"
            : "";
    // The day's interest of each loan, with the carried fraction added: the loan's own columns,
    // so a posting that got to the loan first is re-read (PostgreSQL re-evaluates an UPDATE's
    // expressions on the row version it waited for), and no separate lock of the chunk is taken.
    String day = "trunc(l.principal * l.interest_rate / 36500, 10)";
    String carry = "(l.accrued_interest_unposted + " + day + ")";
    return "WITH accrued AS (UPDATE loan l SET interest = l.interest + trunc("
        + carry
        + ", 2), accrued_interest_unposted = "
        + carry
        + " - trunc("
        + carry
        + ", 2), interest_accrued_through = :date, updated_at = :now"
        + " WHERE l.id > :after AND l.id <= :upto"
        + " AND l.status = ANY(:accruing) AND l.interest_calculation_enabled"
        + " AND l.principal > 0 AND l.interest_rate > 0 AND l.accrues_from <= :date"
        + " AND (l.interest_accrued_through IS NULL OR l.interest_accrued_through < :date)"
        + holidayFilter
        // RETURNING sees the new row. The cents posted are the old fraction + the day − the new
        // fraction; the old fraction is in [0, 0.01), so they are the one multiple of 0.01 in
        // [day − new fraction, day − new fraction + 0.01): exact in numeric arithmetic.
        + " RETURNING l.id, l.partner_id, l.currency,"
        + " (ceil(("
        + day
        + " - l.accrued_interest_unposted) * 100) / 100)::numeric(20, 2) AS posted),"
        + " entries AS MATERIALIZED (SELECT (:idPrefix"
        + " || lpad(to_hex(row_number() OVER (ORDER BY a.id)), 15, '0'))::uuid AS entry_id, a.*"
        + " FROM accrued a WHERE a.posted > 0),"
        + " journal AS (INSERT INTO journal_entry (id, partner_id, loan_id, transaction_id,"
        + " currency, posted_at) SELECT entry_id, partner_id, id, NULL, currency, :now"
        + " FROM entries),"
        + " lines AS (INSERT INTO journal_line (entry_id, position, account, debit, credit)"
        + " SELECT entry_id, 0, 'interest_receivable', posted, 0 FROM entries UNION ALL"
        + " SELECT entry_id, 1, 'interest_income', 0, posted FROM entries)"
        + " SELECT count(*) AS loans, coalesce(sum(posted), 0) AS posted FROM accrued";
  }

  private record Chunk(long loans, BigDecimal posted) {}

  /**
   * The first 17 hex digits of a chunk's journal entry ids, time-ordered like a version 7 UUID: the
   * chunk's start in milliseconds (48 bits, strictly increasing within a range), the version 7, the
   * range (12 bits), the variant; the chunk numbers its entries after it (60 bits). A day's million
   * accrual entries then go to the end of the journal's primary keys instead of to random pages of
   * them, and ids never repeat across ranges, chunks or runs.
   */
  static String entryIdPrefix(long millis, int part) {
    if (part >= 0x1000) {
      throw new IllegalArgumentException("part: " + part + " (expected: < 4096)");
    }
    return String.format("%012x7%03x8", millis, part);
  }

  /**
   * The id space split into {@code parts} ranges, each as (start exclusive, end inclusive): the
   * first starts at the nil UUID, the last ends at the largest. PostgreSQL orders UUIDs as unsigned
   * 128-bit numbers, so the ranges are contiguous in the primary key.
   */
  static List<UUID[]> ranges(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts: " + parts + " (expected: > 0)");
    }
    BigInteger space = BigInteger.ONE.shiftLeft(128);
    List<UUID[]> ranges = new ArrayList<>();
    UUID start = new UUID(0, 0);
    for (int p = 1; p <= parts; p++) {
      BigInteger last =
          space
              .multiply(BigInteger.valueOf(p))
              .divide(BigInteger.valueOf(parts))
              .subtract(BigInteger.ONE);
      UUID end = new UUID(last.shiftRight(64).longValue(), last.longValue());
      ranges.add(new UUID[] {start, end});
      start = end;
    }
    return ranges;
  }

  /** Where a stopped step left off in a range: the last loan id of its last committed chunk. */
  private static Optional<UUID> marker(Handle h, LocalDate date, String step, int part) {
    return h.createQuery(
            "SELECT last_loan_id FROM cob_step_progress WHERE business_date = :date"
                + " AND step = :step AND part = :part")
        .bind("date", date)
        .bind("step", step)
        .bind("part", part)
        .mapTo(UUID.class)
        .findOne();
  }

  /** The id that ends the chunk of {@code size} loans after {@code after}, or the range's end. */
  private static UUID chunkEnd(Handle h, UUID after, UUID end, int size) {
    return h.createQuery(
            "SELECT id FROM loan WHERE id > :after AND id <= :end ORDER BY id OFFSET :skip LIMIT 1")
        .bind("after", after)
        .bind("end", end)
        .bind("skip", size - 1)
        .mapTo(UUID.class)
        .findOne()
        .orElse(end);
  }

  @Nullable
  private static Instant instant(@Nullable OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
