package dev.furrow.core.delinquency;

import dev.furrow.core.cob.CloseOfBusinessRepository;
import dev.furrow.core.cob.StepOutcome;
import dev.furrow.core.loan.LoanEvent;
import dev.furrow.core.loan.LoanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for delinquency: ageing instalments and loans for a closed date, the late, arrears and
 * default moves with their event fees, the recovery a posting brings, and the partner's reads (a
 * loan's delinquency, portfolio at risk). The bulk statements are set-based over every loan;
 * statuses move only along {@link LoanEvent}'s transition table.
 */
public final class DelinquencyRepository {
  /** Loans that run: repaid, charged, aged. */
  static final String[] RUNNING = {"active", "late", "in_arrears", "default"};

  private final Jdbi jdbi;

  public DelinquencyRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Ages every loan as of the close of {@code date}, in one transaction: instalments due on or
   * before it and unpaid become overdue; each running loan with something due gets its pending
   * principal and interest (what is due on the next business date, capped by what it owes), the due
   * date of its oldest overdue instalment and its days past due counted to the next business date;
   * loans with nothing overdue any more are current again. Returns instalments marked plus loans
   * changed.
   */
  StepOutcome age(LocalDate date, Instant now) {
    LocalDate open = date.plusDays(1);
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL jit = off");
          // Hashes and bitmaps of a few hundred thousand rows stay in memory.
          h.execute("SET LOCAL work_mem = '64MB'");
          // The unpaid instalments due by the open date are few (the past ones are paid, the
          // future ones pending), but the planner estimates status and due date independently
          // and would read every instalment: they are read through the (status, due_date,
          // loan_id) index.
          h.execute("SET LOCAL enable_seqscan = off");
          int instalments =
              h.createUpdate(
                      "UPDATE loan_instalment SET status = 'overdue', updated_at = :now"
                          + " WHERE status IN ('pending', 'partially_paid') AND due_date < :open")
                  .bind("open", open)
                  .bind("now", utc(now))
                  .execute();
          // What each loan has due, kept with its real row count (ANALYZE), so the loans are
          // joined to it by one pass over the loan table, not by an index probe per loan.
          h.createUpdate(
                  "CREATE TEMP TABLE cob_due ON COMMIT DROP AS SELECT loan_id,"
                      + " min(due_date) FILTER (WHERE status = 'overdue') AS overdue_since,"
                      + " sum(principal - paid_principal) AS principal_due,"
                      + " sum(interest - paid_interest) AS interest_due"
                      + " FROM loan_instalment"
                      + " WHERE status IN ('pending', 'partially_paid', 'overdue')"
                      + " AND due_date <= :open GROUP BY loan_id")
              .bind("open", open)
              .execute();
          h.execute("ANALYZE cob_due");
          h.execute("SET LOCAL enable_seqscan = on");
          int aged =
              h.createUpdate(
                      "UPDATE loan l SET pending_principal = least(d.principal_due,"
                          + " l.principal), pending_interest = least(d.interest_due, l.interest),"
                          + " overdue_since = d.overdue_since,"
                          + " days_past_due = coalesce(:open - d.overdue_since, 0),"
                          + " updated_at = :now FROM cob_due d WHERE l.id = d.loan_id"
                          + " AND l.status = ANY(:running)"
                          + " AND (l.pending_principal, l.pending_interest, l.overdue_since,"
                          + " l.days_past_due) IS DISTINCT FROM (least(d.principal_due,"
                          + " l.principal), least(d.interest_due, l.interest), d.overdue_since,"
                          + " coalesce(:open - d.overdue_since, 0))")
                  .bind("open", open)
                  .bind("running", RUNNING)
                  .bind("now", utc(now))
                  .execute();
          // A set difference, not a per-loan probe: the planner cannot pick a plan per loan from
          // stale statistics on overdue instalments.
          int current =
              h.createUpdate(
                      "UPDATE loan l SET overdue_since = NULL, days_past_due = 0,"
                          + " updated_at = :now FROM (SELECT id FROM loan"
                          + " WHERE overdue_since IS NOT NULL EXCEPT SELECT loan_id"
                          + " FROM loan_instalment WHERE status = 'overdue') r WHERE l.id = r.id")
                  .bind("now", utc(now))
                  .execute();
          return StepOutcome.rows((long) instalments + aged + current);
        });
  }

  /**
   * Moves loans by their days past due and charges event fees, in one transaction: late, then in
   * arrears, then the arrears fees of every loan in arrears not charged them yet, then in default,
   * then the default fees likewise. Returns loans moved plus fees charged, and the fees' total.
   */
  StepOutcome applyDelinquency(LocalDate date, DelinquencyRules rules, Instant now) {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL jit = off");
          long moved =
              move(h, LoanEvent.FALL_LATE, "l.days_past_due >= 1", rules, date.plusDays(1), now);
          moved +=
              move(
                  h,
                  LoanEvent.MAKE_ARREARS,
                  "l.days_past_due > coalesce(l.arrears_tolerance, 0)",
                  rules,
                  date.plusDays(1),
                  now);
          Fees arrears = chargeEventFees(h, "arrears", LoanStatus.IN_ARREARS, date, now);
          moved +=
              move(
                  h,
                  LoanEvent.MAKE_DEFAULT,
                  "l.days_past_due > coalesce(l.arrears_tolerance, 0)"
                      + " AND l.days_past_due - coalesce(l.arrears_tolerance, 0) >= :defaultAfter"
                      // Implied (days past due never exceed the open date − overdue_since), and
                      // lets the overdue index skip the loans overdue for less than that.
                      + " AND l.overdue_since <= CAST(:open AS date) - :defaultAfter",
                  rules,
                  date.plusDays(1),
                  now);
          Fees defaults = chargeEventFees(h, "default", LoanStatus.DEFAULT, date, now);
          return new StepOutcome(
              moved + arrears.count() + defaults.count(),
              arrears.amount().add(defaults.amount()),
              1);
        });
  }

  /** One event for every loan its transition table allows from and {@code condition} selects. */
  private static long move(
      Handle h,
      LoanEvent event,
      String condition,
      DelinquencyRules rules,
      LocalDate open,
      Instant now) {
    String[] sources = event.sources().stream().map(LoanStatus::code).toArray(String[]::new);
    var update =
        h.createUpdate(
                "UPDATE loan l SET status = :target, updated_at = :now"
                    + " WHERE l.status = ANY(:sources) AND l.overdue_since IS NOT NULL AND "
                    + condition)
            .bind("target", event.target().code())
            .bind("sources", sources)
            .bind("now", utc(now));
    if (condition.contains(":defaultAfter")) {
      update.bind("defaultAfter", rules.defaultAfterDaysInArrears());
      update.bind("open", open);
    }
    return update.execute();
  }

  private record Fees(long count, BigDecimal amount) {}

  /**
   * Charges the product's fees of {@code event} to every loan in {@code status} that has not been
   * charged them, each fee once per loan, in the product's order: a fee transaction (as the
   * transactions module posts one: due at once, chained to the loan's last transaction), its
   * journal entry (fee receivable against fee income), the loan's balances, the fee on the
   * schedule's current instalment, and the record that it was charged. A percent fee is that
   * percentage of the outstanding total before it, rounded half to even; one that comes to 0.00 is
   * recorded without a transaction.
   */
  private static Fees chargeEventFees(
      Handle h, String event, LoanStatus status, LocalDate date, Instant now) {
    int ranks =
        h.createQuery(
                "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM product_fee"
                    + " WHERE event = :event GROUP BY product_id) f")
            .bind("event", event)
            .mapTo(Integer.class)
            .one();
    long count = 0;
    BigDecimal amount = BigDecimal.ZERO.setScale(2);
    LocalDate chargedOn = now.atOffset(ZoneOffset.UTC).toLocalDate();
    for (int rank = 1; rank <= ranks; rank++) {
      Fees fees =
          h.createQuery(
                  "WITH fees AS (SELECT product_id, name, type, amount,"
                      + " row_number() OVER (PARTITION BY product_id ORDER BY position) AS rank"
                      + " FROM product_fee WHERE event = :event),"
                      + " target AS (SELECT l.id, l.partner_id, l.currency, l.status,"
                      + " l.last_transaction_id, f.name, f.type,"
                      + " l.principal + l.interest + l.fee AS owed,"
                      + " CASE WHEN f.type = 'flat' THEN round(f.amount, 2)"
                      + " ELSE round_half_even((l.principal + l.interest + l.fee) * f.amount / 100,"
                      + " 2) END AS charged"
                      + " FROM loan l JOIN fees f ON f.product_id = l.product_id AND f.rank = :rank"
                      + " WHERE l.status = :status AND NOT EXISTS (SELECT 1 FROM loan_event_fee e"
                      + " WHERE e.loan_id = l.id AND e.event = :event AND e.fee_name = f.name)"
                      + " FOR UPDATE OF l),"
                      + " tx AS (INSERT INTO loan_transaction (partner_id, loan_id, type, status,"
                      + " amount, fee_name, fee_type, previous_transaction_id, completed_at,"
                      + " status_before, result_loan_status, result_outstanding_balance,"
                      + " affected_loan_principal, affected_loan_interest, affected_loan_fee,"
                      + " affected_pending_principal, affected_pending_interest,"
                      + " affected_pending_fee, created_at, updated_at)"
                      + " SELECT partner_id, id, 'fee', 'applied', charged, name, type,"
                      + " last_transaction_id, :now, status, status, owed + charged, 0, 0, charged,"
                      + " 0, 0, charged, :now, :now FROM target WHERE charged > 0"
                      + " RETURNING id, loan_id, partner_id, amount, fee_name),"
                      + " loans AS (UPDATE loan l SET fee = l.fee + tx.amount,"
                      + " pending_fee = l.pending_fee + tx.amount, last_transaction_id = tx.id,"
                      + " updated_at = :now FROM tx WHERE l.id = tx.loan_id),"
                      // Joined to the loan table (by its key), never CTE to CTE: the planner has
                      // no statistics for CTEs and may nest loops over both.
                      + " entries AS MATERIALIZED (SELECT gen_random_uuid() AS entry_id, tx.id,"
                      + " tx.loan_id, tx.amount, tx.partner_id, l.currency"
                      + " FROM tx JOIN loan l ON l.id = tx.loan_id),"
                      + " journal AS (INSERT INTO journal_entry (id, partner_id, loan_id,"
                      + " transaction_id, currency, posted_at) SELECT entry_id, partner_id, loan_id,"
                      + " id, currency, :now FROM entries),"
                      + " lines AS (INSERT INTO journal_line (entry_id, position, account, debit,"
                      + " credit) SELECT entry_id, 0, 'fee_receivable', amount, 0 FROM entries"
                      + " UNION ALL SELECT entry_id, 1, 'fee_income', 0, amount FROM entries),"
                      + " recorded AS (INSERT INTO loan_event_fee (loan_id, event, fee_name,"
                      + " business_date, transaction_id, created_at) SELECT loan_id, :event,"
                      + " fee_name, :date, id, :now FROM tx UNION ALL SELECT id, :event, name,"
                      + " :date, NULL, :now FROM target WHERE charged = 0),"
                      + " cur AS (SELECT tx.loan_id, tx.amount, coalesce("
                      + "(SELECT min(i.number) FROM loan_instalment i WHERE i.loan_id = tx.loan_id"
                      + " AND i.due_date >= :chargedOn), (SELECT max(i.number) FROM"
                      + " loan_instalment i WHERE i.loan_id = tx.loan_id)) AS number FROM tx"
                      // A statement's instalment is its minimum payment, fixed when issued: the
                      // fee goes on the next statement instead (docs/statements.md).
                      + " WHERE NOT EXISTS (SELECT 1 FROM loan_statement s"
                      + " WHERE s.loan_id = tx.loan_id)),"
                      + " schedule AS (UPDATE loan_instalment i SET fee = i.fee + c.amount,"
                      + " status = CASE WHEN i.due_date < :open THEN 'overdue'"
                      + " WHEN i.paid_principal + i.paid_interest + i.paid_fee > 0"
                      + " THEN 'partially_paid' ELSE 'pending' END, updated_at = :now"
                      + " FROM cur c WHERE i.loan_id = c.loan_id AND i.number = c.number)"
                      + " SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM tx")
              .bind("event", event)
              .bind("rank", rank)
              .bind("status", status.code())
              .bind("date", date)
              .bind("open", date.plusDays(1))
              .bind("chargedOn", chargedOn)
              .bind("now", utc(now))
              .map((rs, ctx) -> new Fees(rs.getLong("n"), rs.getBigDecimal("total")))
              .one();
      count += fees.count();
      amount = amount.add(fees.amount());
    }
    return new Fees(count, amount.setScale(2));
  }

  /**
   * {@link #posted}'s statement: binds {@code loan}, {@code today} (the UTC date of the posting,
   * the open business date before the first close) and {@code now}.
   */
  private static final String FOLLOW =
      "WITH o AS (SELECT coalesce(max(business_date) + 1, CAST(:today AS date)) AS open"
          + "   FROM cob_run WHERE status = 'completed'),"
          + " s AS (SELECT i.number, i.due_date, CASE WHEN i.due_date < o.open THEN 'overdue'"
          + "   WHEN i.paid_principal + i.paid_interest + i.paid_fee > 0 THEN 'partially_paid'"
          + "   ELSE 'pending' END AS next FROM loan_instalment i CROSS JOIN o"
          + "   WHERE i.loan_id = :loan AND i.status <> 'paid'),"
          + " u AS (UPDATE loan_instalment SET status = s.next, updated_at = :now FROM s"
          + "   WHERE loan_instalment.loan_id = :loan AND loan_instalment.number = s.number"
          + "   AND loan_instalment.status <> s.next)"
          + " SELECT l.status, l.overdue_since, l.days_past_due, o.open,"
          + "   (SELECT min(s.due_date) FROM s WHERE s.next = 'overdue') AS oldest"
          + " FROM loan l CROSS JOIN o WHERE l.id = :loan";

  /**
   * Follows a posting or revert on the loan, in its database transaction and under its lock, after
   * the schedule was rewritten: the loan's instalments take their statuses as of the business date;
   * when nothing is overdue any more the loan is current again and, if it was late or in arrears
   * because of overdue instalments, returns to active ({@link LoanEvent#CATCH_UP}), which the
   * latest transaction's recorded result status then says as well. A loan that is still overdue
   * keeps its status; close of business moves it.
   */
  public void posted(Handle h, UUID loanId, Instant now) {
    // One statement: the open business date, the instalments' new statuses (written), and, as the
    // instalments are afterwards, the oldest overdue due date, with the loan's delinquency as it
    // was. The oldest is taken from the new statuses the statement computes (a paid instalment
    // stays paid), since the statement's own reads see the rows as they were before it.
    record Row(
        LoanStatus status,
        LocalDate overdueSince,
        int daysPastDue,
        LocalDate open,
        LocalDate oldest) {}
    Row loan =
        h.createQuery(FOLLOW)
            .bind("loan", loanId)
            .bind("today", now.atOffset(ZoneOffset.UTC).toLocalDate())
            .bind("now", utc(now))
            .map(
                (rs, ctx) ->
                    new Row(
                        LoanStatus.byCode(rs.getString("status")).orElseThrow(),
                        rs.getObject("overdue_since", LocalDate.class),
                        rs.getInt("days_past_due"),
                        rs.getObject("open", LocalDate.class),
                        rs.getObject("oldest", LocalDate.class)))
            .one();
    LocalDate open = loan.open();
    if (loan.oldest() != null) {
      LocalDate oldest = loan.oldest();
      int dpd = (int) ChronoUnit.DAYS.between(oldest, open);
      if (!oldest.equals(loan.overdueSince()) || dpd != loan.daysPastDue()) {
        h.createUpdate(
                "UPDATE loan SET overdue_since = :since, days_past_due = :dpd WHERE id = :loan")
            .bind("since", oldest)
            .bind("dpd", dpd)
            .bind("loan", loanId)
            .execute();
      }
      return;
    }
    if (loan.overdueSince() == null) {
      return;
    }
    boolean catchUp = LoanEvent.CATCH_UP.allowedFrom(loan.status());
    LoanStatus next = catchUp ? LoanEvent.CATCH_UP.target() : loan.status();
    h.createUpdate(
            "UPDATE loan SET overdue_since = NULL, days_past_due = 0, status = :status"
                + " WHERE id = :loan")
        .bind("status", next.code())
        .bind("loan", loanId)
        .execute();
    if (catchUp) {
      h.createUpdate(
              "UPDATE loan_transaction SET result_loan_status = :status WHERE id ="
                  + " (SELECT id FROM loan_transaction WHERE loan_id = :loan"
                  + " ORDER BY seq DESC LIMIT 1) AND status IN ('applied', 'reversal')")
          .bind("status", next.code())
          .bind("loan", loanId)
          .execute();
    }
  }

  /**
   * Follows a revert as {@link #posted} does, after first setting the loan's pending principal and
   * interest again from its rewritten schedule, once a close of business has run: what is left of
   * the instalments due by the open business date, capped by the balances, as the close's ageing
   * sets them (nothing when nothing is due, as after the first disbursement is reverted). A
   * reversal negates its original's changes to the pending amounts, but a close may have made
   * amounts due since the original was posted, so those changes alone would leave the close's
   * amounts behind. Before the first close nothing but fees is ever due, and the negation is exact.
   */
  public void reverted(Handle h, UUID loanId, Instant now) {
    Optional<LocalDate> closed = CloseOfBusinessRepository.lastClosed(h);
    if (closed.isPresent()) {
      h.createUpdate(
              "UPDATE loan l SET pending_principal = least(d.principal_due, l.principal),"
                  + " pending_interest = least(d.interest_due, l.interest), updated_at = :now"
                  + " FROM (SELECT coalesce(sum(principal - paid_principal), 0) AS principal_due,"
                  + " coalesce(sum(interest - paid_interest), 0) AS interest_due"
                  + " FROM loan_instalment WHERE loan_id = :loan AND due_date <= :open) d"
                  + " WHERE l.id = :loan AND (l.pending_principal, l.pending_interest)"
                  + " IS DISTINCT FROM (least(d.principal_due, l.principal),"
                  + " least(d.interest_due, l.interest))")
          .bind("loan", loanId)
          .bind("open", closed.get().plusDays(1))
          .bind("now", utc(now))
          .execute();
    }
    posted(h, loanId, now);
  }

  /** The partner's loan's delinquency as of the open business date; empty when not its loan. */
  public Optional<LoanDelinquency> delinquency(long partnerId, UUID loanId) {
    return jdbi.inTransaction(
        h -> {
          LocalDate open =
              CloseOfBusinessRepository.lastClosed(h)
                  .map(d -> d.plusDays(1))
                  .orElse(LocalDate.now(ZoneOffset.UTC));
          return h.createQuery(
                  "SELECT l.status, l.days_past_due, l.overdue_since, coalesce(sum(i.principal"
                      + " - i.paid_principal) FILTER (WHERE i.status = 'overdue'), 0) AS principal,"
                      + " coalesce(sum(i.interest - i.paid_interest)"
                      + " FILTER (WHERE i.status = 'overdue'), 0) AS interest,"
                      + " coalesce(sum(i.fee - i.paid_fee) FILTER (WHERE i.status = 'overdue'), 0)"
                      + " AS fee FROM loan l LEFT JOIN loan_instalment i ON i.loan_id = l.id"
                      + " WHERE l.id = :loan AND l.partner_id = :partner"
                      + " GROUP BY l.id")
              .bind("loan", loanId)
              .bind("partner", partnerId)
              .map(
                  (rs, ctx) ->
                      new LoanDelinquency(
                          loanId,
                          LoanStatus.byCode(rs.getString("status")).orElseThrow(),
                          rs.getInt("days_past_due"),
                          rs.getObject("overdue_since", LocalDate.class),
                          rs.getBigDecimal("principal").setScale(2),
                          rs.getBigDecimal("interest").setScale(2),
                          rs.getBigDecimal("fee").setScale(2),
                          open))
              .findOne();
        });
  }

  /**
   * The partner's running loans with principal outstanding, summed per currency and per product
   * (with its currency): count and principal of all, and of those 1, 30 and 90 or more days past
   * due. One statement, so every group is of the same moment.
   */
  public List<PortfolioAtRisk.Group> portfolioAtRisk(long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT currency, product_id, count(*) AS loans, sum(principal) AS outstanding,"
                        + " count(*) FILTER (WHERE days_past_due >= 1) AS n1,"
                        + " coalesce(sum(principal) FILTER (WHERE days_past_due >= 1), 0) AS p1,"
                        + " count(*) FILTER (WHERE days_past_due >= 30) AS n30,"
                        + " coalesce(sum(principal) FILTER (WHERE days_past_due >= 30), 0) AS p30,"
                        + " count(*) FILTER (WHERE days_past_due >= 90) AS n90,"
                        + " coalesce(sum(principal) FILTER (WHERE days_past_due >= 90), 0) AS p90"
                        + " FROM loan WHERE partner_id = :partner AND status = ANY(:running)"
                        + " AND principal > 0"
                        + " GROUP BY GROUPING SETS ((currency), (currency, product_id))"
                        + " ORDER BY currency, product_id NULLS FIRST")
                .bind("partner", partnerId)
                .bind("running", RUNNING)
                .map(
                    (rs, ctx) ->
                        new PortfolioAtRisk.Group(
                            rs.getString("currency"),
                            rs.getObject("product_id", UUID.class),
                            rs.getLong("loans"),
                            rs.getBigDecimal("outstanding").setScale(2),
                            new PortfolioAtRisk.AtRisk(
                                rs.getLong("n1"), rs.getBigDecimal("p1").setScale(2)),
                            new PortfolioAtRisk.AtRisk(
                                rs.getLong("n30"), rs.getBigDecimal("p30").setScale(2)),
                            new PortfolioAtRisk.AtRisk(
                                rs.getLong("n90"), rs.getBigDecimal("p90").setScale(2))))
                .list());
  }

  /** The open business date, for reads. */
  public LocalDate businessDate() {
    return jdbi.withHandle(CloseOfBusinessRepository::lastClosed)
        .map(d -> d.plusDays(1))
        .orElse(LocalDate.now(ZoneOffset.UTC));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
