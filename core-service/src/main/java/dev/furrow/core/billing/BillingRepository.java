package dev.furrow.core.billing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of weekly billing: usage into drafts, the billing cycle's issue and overdue steps. Each
 * statement works on a whole batch (arrays bound as text and cast), never one row per call.
 */
public final class BillingRepository {
  private final Jdbi jdbi;

  public BillingRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /**
   * A report about to be recorded that the tractor's open contract bills: its position in the
   * batch, and the local date of its start in the contract's zone.
   */
  public record UsageToBill(int position, long contractId, LocalDate localDate, String timeZone) {}

  /** A billing period row locked by the current transaction. */
  public record LockedPeriod(long id, long contractId, LocalDate weekStart, PeriodStatus status) {}

  /** What the billing cycle needs of a contract, read under its row lock. */
  public record ContractTerms(
      long id,
      boolean open,
      BigDecimal minimumWeeklyPayment,
      String currency,
      LocalDate loanStartDate,
      LocalDate loanEndDate,
      int invoiceDueDays,
      BigDecimal creditBalance) {}

  /** A closed week's draft about to be issued. */
  public record Draft(long id, LocalDate weekStart, BigDecimal ratePerHectare) {}

  /** One (period, kind, source week) line increment. */
  public record LineIncrement(
      long periodId, LineKind kind, LocalDate sourceWeekStart, BigDecimal hectares, String desc) {}

  /** Hectares to add to a period's own and carried-in totals. */
  public record PeriodIncrement(
      long periodId, BigDecimal hectares, BigDecimal adjustmentHectares) {}

  /** A new invoice. */
  public record NewInvoice(
      String number,
      long periodId,
      long contractId,
      PeriodStatus status,
      String currency,
      BigDecimal amountDue,
      BigDecimal amountPaid,
      LocalDate issueDate,
      LocalDate dueDate) {}

  // ---- usage -> drafts ----

  /**
   * Of the reports about to be recorded (tractor, message id, window start, in batch order), those
   * not stored yet whose tractor has an open contract whose term had started on the local date of
   * the work, in batch order. A report stored already (a redelivery) is a duplicate the insert
   * skips, so it is not billed and creates no draft.
   */
  public List<UsageToBill> usageToBill(
      Handle h, List<String> tractors, List<String> messages, List<String> starts) {
    return h.createQuery(
            "SELECT k.n, c.id AS contract_id, c.time_zone,"
                + " (k.window_start AT TIME ZONE c.time_zone)::date AS local_date"
                + " FROM unnest(:tractors::text[], :messages::text[], :starts::timestamptz[])"
                + " WITH ORDINALITY AS k(tractor_id, message_id, window_start, n)"
                + " JOIN contract c ON c.tractor_id = k.tractor_id AND c.status <> 'CLOSED'"
                + " WHERE (k.window_start AT TIME ZONE c.time_zone)::date >= c.loan_start_date"
                + " AND NOT EXISTS (SELECT 1 FROM usage_event u"
                + " WHERE u.tractor_id = k.tractor_id AND u.message_id = k.message_id)"
                + " ORDER BY k.n")
        .bindArray("tractors", String.class, tractors)
        .bindArray("messages", String.class, messages)
        .bindArray("starts", String.class, starts)
        .map(
            (rs, ctx) ->
                new UsageToBill(
                    rs.getInt("n") - 1,
                    rs.getLong("contract_id"),
                    rs.getObject("local_date", LocalDate.class),
                    rs.getString("time_zone")))
        .list();
  }

  /**
   * Takes the key-share lock a new period's foreign key would take on each contract, up front and
   * in id order, so creating drafts later in the batch never waits for a contract row while this
   * transaction holds period locks (payments lock the contract, then its periods).
   */
  public void shareContracts(Handle h, Collection<Long> contracts) {
    h.createQuery("SELECT id FROM contract WHERE id = ANY(:c::bigint[]) ORDER BY id FOR KEY SHARE")
        .bindArray("c", Long.class, List.copyOf(contracts))
        .mapTo(Long.class)
        .list();
  }

  /** Creates the draft of each (contract, week) that has no period yet. */
  public void createDrafts(Handle h, List<Long> contracts, List<IsoWeek> weeks) {
    if (contracts.isEmpty()) {
      return;
    }
    h.createUpdate(
            "INSERT INTO billing_period (contract_id, week_start, week_end, iso_week, status,"
                + " rate_per_hectare, currency)"
                + " SELECT k.contract_id, k.week_start, k.week_start + 6, k.iso_week, 'draft',"
                + " c.repayment_per_hectare, c.currency"
                + " FROM unnest(:contracts::bigint[], :weeks::date[], :names::text[])"
                + " AS k(contract_id, week_start, iso_week)"
                + " JOIN contract c ON c.id = k.contract_id"
                + " ORDER BY k.contract_id, k.week_start"
                + " ON CONFLICT (contract_id, week_start) DO NOTHING")
        .bindArray("contracts", Long.class, contracts)
        .bindArray("weeks", String.class, weeks.stream().map(w -> w.start().toString()).toList())
        .bindArray("names", String.class, weeks.stream().map(IsoWeek::name).toList())
        .execute();
  }

  /**
   * Locks, in id order, the periods of the given (contract, week) pairs and every draft of those
   * contracts. The billing cycle locks a draft the same way before issuing it, so a status read
   * here stays true until this transaction ends.
   */
  public List<LockedPeriod> lockForUsage(Handle h, List<Long> contracts, List<IsoWeek> weeks) {
    return h.createQuery(
            "SELECT id, contract_id, week_start, status FROM billing_period"
                + " WHERE (contract_id, week_start) IN"
                + " (SELECT * FROM unnest(:contracts::bigint[], :weeks::date[]))"
                + " OR (contract_id = ANY(:contracts::bigint[]) AND status = 'draft')"
                + " ORDER BY id FOR NO KEY UPDATE")
        .bindArray("contracts", Long.class, contracts)
        .bindArray("weeks", String.class, weeks.stream().map(w -> w.start().toString()).toList())
        .map((rs, ctx) -> lockedPeriod(rs))
        .list();
  }

  /** Creates (if missing) and locks the contract's period of a week; its status after locking. */
  public LockedPeriod createAndLock(Handle h, long contractId, IsoWeek week) {
    createDrafts(h, List.of(contractId), List.of(week));
    return h.createQuery(
            "SELECT id, contract_id, week_start, status FROM billing_period"
                + " WHERE contract_id = :c AND week_start = :w::date FOR NO KEY UPDATE")
        .bind("c", contractId)
        .bind("w", week.start().toString())
        .map((rs, ctx) -> lockedPeriod(rs))
        .one();
  }

  private static LockedPeriod lockedPeriod(ResultSet rs) throws SQLException {
    return new LockedPeriod(
        rs.getLong("id"),
        rs.getLong("contract_id"),
        rs.getObject("week_start", LocalDate.class),
        PeriodStatus.of(rs.getString("status")));
  }

  /**
   * Adds hectares to lines, creating the missing ones; locks rows in (period, kind, week) order.
   */
  public void addToLines(Handle h, List<LineIncrement> lines) {
    if (lines.isEmpty()) {
      return;
    }
    h.createUpdate(
            "INSERT INTO billing_line (billing_period_id, kind, source_week_start, hectares,"
                + " description)"
                + " SELECT * FROM unnest(:periods::bigint[], :kinds::text[], :weeks::date[],"
                + " :hectares::numeric[], :descs::text[]) AS l(p, k, w, ha, d)"
                + " ORDER BY l.p, l.k, l.w"
                + " ON CONFLICT (billing_period_id, kind, source_week_start) DO UPDATE"
                + " SET hectares = billing_line.hectares + excluded.hectares, updated_at = now()")
        .bindArray("periods", Long.class, lines.stream().map(LineIncrement::periodId).toList())
        .bindArray("kinds", String.class, lines.stream().map(l -> l.kind().code()).toList())
        .bindArray(
            "weeks", String.class, lines.stream().map(l -> l.sourceWeekStart().toString()).toList())
        .bindArray(
            "hectares",
            String.class,
            lines.stream().map(l -> l.hectares().toPlainString()).toList())
        .bindArray("descs", String.class, lines.stream().map(LineIncrement::desc).toList())
        .execute();
  }

  /** Adds to the periods' hectare totals (rows already locked by this transaction). */
  public void addToPeriods(Handle h, Collection<PeriodIncrement> increments) {
    if (increments.isEmpty()) {
      return;
    }
    h.createUpdate(
            "UPDATE billing_period p SET hectares = p.hectares + d.ha,"
                + " adjustment_hectares = p.adjustment_hectares + d.adj, updated_at = now()"
                + " FROM unnest(:periods::bigint[], :ha::numeric[], :adj::numeric[])"
                + " AS d(id, ha, adj) WHERE p.id = d.id")
        .bindArray(
            "periods", Long.class, increments.stream().map(PeriodIncrement::periodId).toList())
        .bindArray(
            "ha", String.class, increments.stream().map(i -> i.hectares().toPlainString()).toList())
        .bindArray(
            "adj",
            String.class,
            increments.stream().map(i -> i.adjustmentHectares().toPlainString()).toList())
        .execute();
  }

  // ---- the billing cycle ----

  /**
   * Contracts the cycle must visit for a business date: a draft of a closed week, an unpaid invoice
   * due before the date, or a minimum weekly payment whose term has started.
   */
  public List<Long> contractsToVisit(LocalDate businessDate) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT contract_id FROM billing_period"
                        + " WHERE status = 'draft' AND week_end < :bd"
                        + " UNION SELECT contract_id FROM invoice"
                        + " WHERE status IN ('issued', 'partially_paid', 'overdue')"
                        + " AND due_date < :bd"
                        + " UNION SELECT id FROM contract WHERE status <> 'CLOSED'"
                        + " AND minimum_weekly_payment > 0 AND loan_start_date < :bd"
                        + " ORDER BY 1")
                .bind("bd", businessDate)
                .mapTo(Long.class)
                .list());
  }

  /**
   * Locks a contract's row against other cycles and payments (its credit balance and invoices
   * change under this lock). NO KEY UPDATE, so usage batches creating drafts are not held up.
   */
  public Optional<ContractTerms> lockContract(Handle h, long contractId) {
    return h.createQuery(
            "SELECT id, status, minimum_weekly_payment, currency, loan_start_date, loan_end_date,"
                + " invoice_due_days, credit_balance FROM contract WHERE id = :c FOR NO KEY UPDATE")
        .bind("c", contractId)
        .map(
            (rs, ctx) ->
                new ContractTerms(
                    rs.getLong("id"),
                    !"CLOSED".equals(rs.getString("status")),
                    rs.getBigDecimal("minimum_weekly_payment"),
                    rs.getString("currency"),
                    rs.getObject("loan_start_date", LocalDate.class),
                    rs.getObject("loan_end_date", LocalDate.class),
                    rs.getInt("invoice_due_days"),
                    rs.getBigDecimal("credit_balance")))
        .findOne();
  }

  /**
   * Creates the drafts of the weeks from {@code first} to {@code last} (Mondays) that have none.
   */
  public int createWeekDrafts(Handle h, long contractId, IsoWeek first, IsoWeek last) {
    if (last.start().isBefore(first.start())) {
      return 0;
    }
    return h.createUpdate(
            "INSERT INTO billing_period (contract_id, week_start, week_end, iso_week, status,"
                + " rate_per_hectare, currency)"
                + " SELECT c.id, w::date, w::date + 6, to_char(w, 'IYYY-\"W\"IW'), 'draft',"
                + " c.repayment_per_hectare, c.currency"
                + " FROM contract c, generate_series(:first::date, :last::date, interval '7 days')"
                + " AS w WHERE c.id = :c"
                + " ON CONFLICT (contract_id, week_start) DO NOTHING")
        .bind("c", contractId)
        .bind("first", first.start().toString())
        .bind("last", last.start().toString())
        .execute();
  }

  /**
   * Locks the contract's drafts of weeks that ended before the business date, oldest week first.
   */
  public List<Draft> lockClosedDrafts(Handle h, long contractId, LocalDate businessDate) {
    List<Draft> drafts =
        h.createQuery(
                "SELECT id, week_start, rate_per_hectare FROM billing_period"
                    + " WHERE contract_id = :c AND status = 'draft' AND week_end < :bd"
                    + " ORDER BY id FOR UPDATE")
            .bind("c", contractId)
            .bind("bd", businessDate)
            .map(
                (rs, ctx) ->
                    new Draft(
                        rs.getLong("id"),
                        rs.getObject("week_start", LocalDate.class),
                        rs.getBigDecimal("rate_per_hectare")))
            .list();
    return drafts.stream().sorted((a, b) -> a.weekStart().compareTo(b.weekStart())).toList();
  }

  /** The lines of a period, usage first, then adjustments by source week, then the top-up. */
  public List<PeriodLine> lines(Handle h, long periodId) {
    return h.createQuery(
            "SELECT kind, source_week_start, hectares, amount, description FROM billing_line"
                + " WHERE billing_period_id = :p"
                + " ORDER BY CASE kind WHEN 'usage' THEN 0 WHEN 'adjustment' THEN 1 ELSE 2 END,"
                + " source_week_start, id")
        .bind("p", periodId)
        .map(
            (rs, ctx) ->
                new PeriodLine(
                    LineKind.of(rs.getString("kind")),
                    rs.getObject("source_week_start", LocalDate.class),
                    rs.getBigDecimal("hectares"),
                    rs.getBigDecimal("amount"),
                    rs.getString("description")))
        .list();
  }

  /** Stores the amounts of the issued lines, adding the top-up line if there is one. */
  public void priceLines(Handle h, long periodId, List<PeriodLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    h.createUpdate(
            "INSERT INTO billing_line (billing_period_id, kind, source_week_start, hectares,"
                + " amount, description)"
                + " SELECT :p, * FROM unnest(:kinds::text[], :weeks::date[], :hectares::numeric[],"
                + " :amounts::numeric[], :descs::text[])"
                + " ON CONFLICT (billing_period_id, kind, source_week_start) DO UPDATE"
                + " SET amount = excluded.amount, updated_at = now()")
        .bind("p", periodId)
        .bindArray("kinds", String.class, lines.stream().map(l -> l.kind().code()).toList())
        .bindArray(
            "weeks", String.class, lines.stream().map(l -> l.sourceWeekStart().toString()).toList())
        .bindArray(
            "hectares",
            String.class,
            lines.stream().map(l -> l.hectares().toPlainString()).toList())
        .bindArray(
            "amounts", String.class, lines.stream().map(l -> l.amount().toPlainString()).toList())
        .bindArray("descs", String.class, lines.stream().map(PeriodLine::description).toList())
        .execute();
  }

  /** The next invoice sequence number. */
  public long nextInvoiceSequence(Handle h) {
    return h.createQuery("SELECT nextval('invoice_number_seq')").mapTo(Long.class).one();
  }

  /** Issues a locked draft and creates its invoice; the invoice id. */
  public long issue(Handle h, NewInvoice invoice) {
    h.createUpdate(
            "UPDATE billing_period SET status = :status, amount_due = :due, amount_paid = :paid,"
                + " issued_at = now(), due_date = :dueDate, updated_at = now() WHERE id = :p")
        .bind("status", invoice.status().code())
        .bind("due", invoice.amountDue())
        .bind("paid", invoice.amountPaid())
        .bind("dueDate", invoice.dueDate())
        .bind("p", invoice.periodId())
        .execute();
    return h.createUpdate(
            "INSERT INTO invoice (number, billing_period_id, contract_id, status, currency,"
                + " amount_due, amount_paid, issue_date, due_date) VALUES (:number, :p, :c,"
                + " :status, :currency, :due, :paid, :issue, :dueDate)")
        .bind("number", invoice.number())
        .bind("p", invoice.periodId())
        .bind("c", invoice.contractId())
        .bind("status", invoice.status().code())
        .bind("currency", invoice.currency())
        .bind("due", invoice.amountDue())
        .bind("paid", invoice.amountPaid())
        .bind("issue", invoice.issueDate())
        .bind("dueDate", invoice.dueDate())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** Sets the contract's credit balance (row locked by this transaction). */
  public void setCreditBalance(Handle h, long contractId, BigDecimal credit) {
    h.createUpdate("UPDATE contract SET credit_balance = :credit, updated_at = now() WHERE id = :c")
        .bind("credit", credit)
        .bind("c", contractId)
        .execute();
  }

  /**
   * Marks the contract's issued and partially paid invoices due before the business date, and their
   * periods, overdue; how many invoices.
   */
  public int markOverdue(Handle h, long contractId, LocalDate businessDate) {
    return h.createQuery(
            "WITH o AS (UPDATE invoice SET status = 'overdue', updated_at = now()"
                + " WHERE contract_id = :c AND status IN ('issued', 'partially_paid')"
                + " AND due_date < :bd RETURNING billing_period_id),"
                + " p AS (UPDATE billing_period SET status = 'overdue', updated_at = now()"
                + " WHERE id IN (SELECT billing_period_id FROM o) RETURNING id)"
                + " SELECT count(*) FROM o")
        .bind("c", contractId)
        .bind("bd", businessDate)
        .mapTo(Integer.class)
        .one();
  }

  // ---- reads ----

  /** A period as stored, with what a draft's running amount needs of its contract. */
  public record PeriodRow(
      PeriodView stored,
      BigDecimal minimumWeeklyPayment,
      boolean contractOpen,
      LocalDate loanStartDate,
      LocalDate loanEndDate) {}

  /** Columns of {@link #PERIOD_FROM} that {@link #periodRow} maps. */
  public static final String PERIOD_COLUMNS =
      "bp.id, bp.contract_id, c.loan_id, c.funding_source, c.tractor_id, bp.week_start,"
          + " bp.status, bp.hectares, bp.adjustment_hectares, bp.rate_per_hectare, bp.currency,"
          + " bp.amount_due, bp.amount_paid, bp.issued_at, bp.due_date, bp.created_at,"
          + " bp.updated_at, coalesce(i.id, 0) AS invoice_id, coalesce(i.number, '') AS"
          + " invoice_number, c.minimum_weekly_payment, c.status AS contract_status,"
          + " c.loan_start_date, c.loan_end_date";

  /** The periods of the contracts a partner's funding-source entitlements let it see. */
  public static final String PERIOD_FROM =
      " FROM billing_period bp JOIN contract c ON c.id = bp.contract_id"
          + " LEFT JOIN invoice i ON i.billing_period_id = bp.id"
          + " WHERE c.funding_source IN (SELECT e.funding_source FROM funding_source_entitlement e"
          + " WHERE e.partner_id = :partner)";

  /** Columns of {@link #INVOICE_FROM}. */
  public static final String INVOICE_COLUMNS =
      "i.id, i.number, i.billing_period_id, i.contract_id, c.loan_id, c.funding_source, i.status,"
          + " i.currency, i.amount_due, i.amount_paid, i.issue_date, i.due_date, bp.week_start,"
          + " i.created_at, i.updated_at";

  /** The invoices of the contracts a partner's funding-source entitlements let it see. */
  public static final String INVOICE_FROM =
      " FROM invoice i JOIN billing_period bp ON bp.id = i.billing_period_id"
          + " JOIN contract c ON c.id = i.contract_id"
          + " WHERE c.funding_source IN (SELECT e.funding_source FROM funding_source_entitlement e"
          + " WHERE e.partner_id = :partner)";

  /** Maps a row of {@link #PERIOD_COLUMNS}, without lines. */
  public static PeriodRow periodRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    PeriodView stored =
        new PeriodView(
            rs.getLong("id"),
            rs.getLong("contract_id"),
            rs.getString("loan_id"),
            rs.getString("funding_source"),
            rs.getString("tractor_id"),
            new IsoWeek(rs.getObject("week_start", LocalDate.class)),
            PeriodStatus.of(rs.getString("status")),
            rs.getBigDecimal("hectares"),
            rs.getBigDecimal("adjustment_hectares"),
            rs.getBigDecimal("rate_per_hectare"),
            rs.getString("currency"),
            rs.getBigDecimal("amount_due"),
            rs.getBigDecimal("amount_paid"),
            rs.getLong("invoice_id"),
            rs.getString("invoice_number"),
            rs.getObject("due_date", LocalDate.class),
            instant(rs, "issued_at"),
            List.of(),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));
    return new PeriodRow(
        stored,
        rs.getBigDecimal("minimum_weekly_payment"),
        !"CLOSED".equals(rs.getString("contract_status")),
        rs.getObject("loan_start_date", LocalDate.class),
        rs.getObject("loan_end_date", LocalDate.class));
  }

  /** Maps a row of {@link #INVOICE_COLUMNS}, without lines. */
  public static InvoiceView invoiceRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new InvoiceView(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("billing_period_id"),
        rs.getLong("contract_id"),
        rs.getString("loan_id"),
        rs.getString("funding_source"),
        PeriodStatus.of(rs.getString("status")),
        rs.getString("currency"),
        rs.getBigDecimal("amount_due"),
        rs.getBigDecimal("amount_paid"),
        rs.getObject("issue_date", LocalDate.class),
        rs.getObject("due_date", LocalDate.class),
        new IsoWeek(rs.getObject("week_start", LocalDate.class)),
        List.of(),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  /** One visible period. */
  public Optional<PeriodRow> period(long partnerId, long periodId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + PERIOD_COLUMNS + PERIOD_FROM + " AND bp.id = :id")
                .bind("partner", partnerId)
                .bind("id", periodId)
                .map((rs, ctx) -> periodRow(rs))
                .findOne());
  }

  /** One visible invoice. */
  public Optional<InvoiceView> invoice(long partnerId, long invoiceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + INVOICE_COLUMNS + INVOICE_FROM + " AND i.id = :id")
                .bind("partner", partnerId)
                .bind("id", invoiceId)
                .map((rs, ctx) -> invoiceRow(rs))
                .findOne());
  }

  /** The lines of the periods, by period id, each in display order. */
  public java.util.Map<Long, List<PeriodLine>> linesOf(Collection<Long> periodIds) {
    java.util.Map<Long, List<PeriodLine>> byPeriod = new java.util.HashMap<>();
    if (periodIds.isEmpty()) {
      return byPeriod;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT billing_period_id, kind, source_week_start, hectares, amount,"
                        + " description FROM billing_line WHERE billing_period_id = ANY(:ids)"
                        + " ORDER BY billing_period_id, CASE kind WHEN 'usage' THEN 0"
                        + " WHEN 'adjustment' THEN 1 ELSE 2 END, source_week_start, id")
                .bindArray("ids", Long.class, List.copyOf(periodIds))
                .map(
                    (rs, ctx) -> {
                      byPeriod
                          .computeIfAbsent(
                              rs.getLong("billing_period_id"), k -> new java.util.ArrayList<>())
                          .add(
                              new PeriodLine(
                                  LineKind.of(rs.getString("kind")),
                                  rs.getObject("source_week_start", LocalDate.class),
                                  rs.getBigDecimal("hectares"),
                                  rs.getBigDecimal("amount"),
                                  rs.getString("description")));
                      return 0;
                    })
                .list());
    return byPeriod;
  }

  /** Unbilled usage, oldest window first, optionally of one tractor. */
  public List<UnbilledUsage> unbilled(String tractorId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, tractor_id, message_id, window_start, window_end, hectares,"
                        + " received_at FROM usage_event WHERE billing_state = 'unbilled'"
                        + " AND (:tractor = '' OR tractor_id = :tractor)"
                        + " ORDER BY window_start, id LIMIT :limit")
                .bind("tractor", tractorId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new UnbilledUsage(
                            rs.getLong("id"),
                            rs.getString("tractor_id"),
                            rs.getString("message_id"),
                            instant(rs, "window_start"),
                            instant(rs, "window_end"),
                            rs.getBigDecimal("hectares"),
                            instant(rs, "received_at")))
                .list());
  }

  @javax.annotation.Nullable
  private static java.time.Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    java.time.OffsetDateTime at = rs.getObject(column, java.time.OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
