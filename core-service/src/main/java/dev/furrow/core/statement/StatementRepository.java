package dev.furrow.core.statement;

import dev.furrow.core.cob.CloseOfBusinessRepository;
import dev.furrow.core.cob.StepOutcome;
import dev.furrow.core.schedule.InstalmentStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * SQL for revolving credit statements: writing a date's statements in chunks of loans (with their
 * minimum payments as instalments and their transactions marked), replaying the minimum payments
 * after every posting and revert on a loan that has statements, and the partner's reads.
 */
public final class StatementRepository {
  /** Loans that run: they get a statement on their statement day. */
  private static final String[] RUNNING = {"active", "late", "in_arrears", "default"};

  private static final String STATEMENT_COLUMNS =
      "s.id, s.loan_id, s.number, s.currency, s.period_start, s.period_end, s.due_date,"
          + " s.opening_principal, s.opening_interest, s.opening_fee, s.disbursements,"
          + " s.repayments, s.fees, s.interest, s.reversals, s.closing_principal,"
          + " s.closing_interest, s.closing_fee, s.past_due_amount, s.minimum_payment,"
          + " s.created_at, i.paid_principal + i.paid_interest + i.paid_fee AS minimum_paid,"
          + " i.status AS minimum_status";

  private final Jdbi jdbi;

  public StatementRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  // --- close of business -------------------------------------------------------------------

  /**
   * Writes the statements of {@code date}, {@code chunkSize} loans (by id) per transaction: each
   * chunk locks its loans, writes their statements, marks their period's transactions, adds the
   * minimum payments as instalments, replays what the repayments paid of them, and adds its figures
   * to the step's run ({@code cob_step_run}), in one commit. A date that is no revolving credit
   * product's statement day reads no loan. Returns the step's figures over every attempt:
   * statements written, their closing balances, commits.
   */
  StepOutcome generate(LocalDate date, String step, int chunkSize, Instant now) {
    List<UUID> products =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM product WHERE type = 'revolving_credit'"
                            + " AND statement_day = :day")
                    .bind("day", date.getDayOfMonth())
                    .mapTo(UUID.class)
                    .list());
    UUID after = new UUID(0, 0);
    while (!products.isEmpty()) {
      UUID from = after;
      Optional<UUID> last =
          jdbi.inTransaction(
              h -> {
                h.execute("SET LOCAL jit = off");
                return generateChunk(h, date, step, products, from, chunkSize, now);
              });
      if (last.isEmpty()) {
        break;
      }
      after = last.get();
    }
    return jdbi.withHandle(h -> CloseOfBusinessRepository.stepFigures(h, date, step));
  }

  /** One chunk after {@code after}; the last loan id it took, empty when none was left. */
  private static Optional<UUID> generateChunk(
      Handle h,
      LocalDate date,
      String step,
      List<UUID> products,
      UUID after,
      int chunkSize,
      Instant now) {
    Instant cutoff = StatementDates.cutoff(date);
    List<UUID> ids =
        h.createQuery(
                "SELECT l.id FROM loan l WHERE l.id > :after"
                    + " AND l.product_id = ANY(:products) AND l.accrues_from <= :date"
                    + " AND (l.status = ANY(:running) OR (l.status = 'paid_off' AND EXISTS"
                    + " (SELECT 1 FROM loan_transaction t WHERE t.loan_id = l.id"
                    + " AND t.statement_id IS NULL AND t.status <> 'pending'"
                    + " AND t.created_at < :cutoff)))"
                    + " AND NOT EXISTS (SELECT 1 FROM loan_statement s WHERE s.loan_id = l.id"
                    + " AND s.period_end = :date)"
                    + " ORDER BY l.id LIMIT :size FOR UPDATE")
            .bind("after", after)
            .bindArray("products", UUID.class, products)
            .bind("date", date)
            .bind("running", RUNNING)
            .bind("cutoff", utc(cutoff))
            .bind("size", chunkSize)
            .mapTo(UUID.class)
            .list();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    UUID[] idArray = ids.toArray(new UUID[0]);
    Map<UUID, List<StoredMinimum>> minimums = minimums(h, idArray);
    Map<UUID, List<MinimumPayments.Repayment>> repayments = repayments(h, idArray);
    List<StatementInputs> inputs = inputs(h, idArray, date, cutoff, minimums, repayments);
    LocalDate open = date.plusDays(1);
    PreparedBatch statements =
        h.prepareBatch(
            "INSERT INTO loan_statement (id, partner_id, loan_id, number, period_start,"
                + " period_end, due_date, currency, opening_principal, opening_interest,"
                + " opening_fee, disbursements, repayments, fees, interest, reversals,"
                + " closing_principal, closing_interest, closing_fee, past_due_amount,"
                + " minimum_payment, created_at) VALUES (:id, :partner, :loan, :number, :start,"
                + " :end, :due, :currency, :openingPrincipal, :openingInterest, :openingFee,"
                + " :disbursements, :repayments, :fees, :interest, :reversals,"
                + " :closingPrincipal, :closingInterest, :closingFee, :pastDue, :minimum, :now)");
    PreparedBatch items =
        h.prepareBatch(
            "UPDATE loan_transaction SET statement_id = :statement WHERE loan_id = :loan"
                + " AND statement_id IS NULL AND status <> 'pending' AND created_at < :cutoff");
    BigDecimal closingTotal = BigDecimal.ZERO.setScale(2);
    Map<UUID, StatementDraft> drafts = new HashMap<>();
    for (StatementInputs in : inputs) {
      StatementDraft draft;
      try {
        draft = StatementDraft.of(in, open);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("Loan " + in.loanId() + ": " + e.getMessage(), e);
      }
      drafts.put(in.loanId(), draft);
      UUID id = UUID.randomUUID();
      StatementFigures f = draft.figures();
      statements
          .bind("id", id)
          .bind("partner", in.partnerId())
          .bind("loan", in.loanId())
          .bind("number", draft.number())
          .bind("start", draft.period().start())
          .bind("end", draft.period().end())
          .bind("due", draft.period().dueDate())
          .bind("currency", in.currency())
          .bind("openingPrincipal", f.opening().principal())
          .bind("openingInterest", f.opening().interest())
          .bind("openingFee", f.opening().fee())
          .bind("disbursements", f.period().disbursements())
          .bind("repayments", f.period().repayments())
          .bind("fees", f.period().fees())
          .bind("interest", f.interest())
          .bind("reversals", f.period().reversals())
          .bind("closingPrincipal", f.closing().principal())
          .bind("closingInterest", f.closing().interest())
          .bind("closingFee", f.closing().fee())
          .bind("pastDue", draft.pastDue())
          .bind("minimum", draft.minimumPayment())
          .bind("now", utc(now))
          .add();
      items.bind("statement", id).bind("loan", in.loanId()).bind("cutoff", utc(cutoff)).add();
      closingTotal = closingTotal.add(f.closingBalance());
    }
    statements.execute();
    items.execute();
    for (StatementInputs in : inputs) {
      StatementDraft draft = drafts.get(in.loanId());
      List<MinimumPayments.Minimum> all = new ArrayList<>(in.earlier());
      draft.instalment().ifPresent(all::add);
      write(h, in.loanId(), all, draft.paid(), minimums.getOrDefault(in.loanId(), List.of()), now);
    }
    CloseOfBusinessRepository.addChunk(h, date, step, inputs.size(), closingTotal);
    return Optional.of(ids.get(ids.size() - 1));
  }

  /** What the next statement of each loan is computed from, one statement for the chunk. */
  private static List<StatementInputs> inputs(
      Handle h,
      UUID[] ids,
      LocalDate date,
      Instant cutoff,
      Map<UUID, List<StoredMinimum>> minimums,
      Map<UUID, List<MinimumPayments.Repayment>> repayments) {
    return h.createQuery(
            "SELECT l.id, l.partner_id, l.currency, l.principal, l.interest, l.fee,"
                + " l.accrues_from, p.minimum_payment_percent, p.minimum_payment_amount,"
                + " p.repayment_due_day, s.number AS prev_number, s.period_end AS prev_end,"
                + " s.closing_principal AS prev_principal, s.closing_interest AS prev_interest,"
                + " s.closing_fee AS prev_fee, x.* FROM loan l JOIN product p ON p.id = l.product_id"
                + " LEFT JOIN LATERAL (SELECT number, period_end, closing_principal,"
                + " closing_interest, closing_fee FROM loan_statement WHERE loan_id = l.id"
                + " ORDER BY number DESC LIMIT 1) s ON true"
                + " CROSS JOIN LATERAL (SELECT"
                + " coalesce(sum(t.amount) FILTER (WHERE t.created_at < :cutoff"
                + " AND t.status <> 'reversal' AND t.type = 'disbursement'), 0) AS disbursements,"
                + " coalesce(sum(t.amount) FILTER (WHERE t.created_at < :cutoff"
                + " AND t.status <> 'reversal' AND t.type = 'repayment'), 0) AS repayments,"
                + " coalesce(sum(t.amount) FILTER (WHERE t.created_at < :cutoff"
                + " AND t.status <> 'reversal' AND t.type = 'fee'), 0) AS fees,"
                + " coalesce(sum(t.affected_loan_principal + t.affected_loan_interest"
                + " + t.affected_loan_fee) FILTER (WHERE t.created_at < :cutoff"
                + " AND t.status = 'reversal'), 0) AS reversals,"
                + " coalesce(sum(t.affected_loan_principal) FILTER (WHERE t.created_at < :cutoff),"
                + " 0) AS in_principal,"
                + " coalesce(sum(t.affected_loan_interest) FILTER (WHERE t.created_at < :cutoff),"
                + " 0) AS in_interest,"
                + " coalesce(sum(t.affected_loan_fee) FILTER (WHERE t.created_at < :cutoff), 0)"
                + " AS in_fee,"
                + " coalesce(sum(t.affected_loan_principal) FILTER (WHERE t.created_at >= :cutoff),"
                + " 0) AS late_principal,"
                + " coalesce(sum(t.affected_loan_interest) FILTER (WHERE t.created_at >= :cutoff),"
                + " 0) AS late_interest,"
                + " coalesce(sum(t.affected_loan_fee) FILTER (WHERE t.created_at >= :cutoff), 0)"
                + " AS late_fee"
                + " FROM loan_transaction t WHERE t.loan_id = l.id AND t.statement_id IS NULL"
                + " AND t.status <> 'pending') x"
                + " WHERE l.id = ANY(:ids) ORDER BY l.id")
        .bindArray("ids", UUID.class, (Object[]) ids)
        .bind("cutoff", utc(cutoff))
        .map(
            (rs, ctx) -> {
              UUID loan = rs.getObject("id", UUID.class);
              Integer prevNumber = rs.getObject("prev_number", Integer.class);
              StatementInputs.Previous previous =
                  prevNumber == null
                      ? null
                      : new StatementInputs.Previous(
                          prevNumber,
                          rs.getObject("prev_end", LocalDate.class),
                          new Balances(
                              rs.getBigDecimal("prev_principal"),
                              rs.getBigDecimal("prev_interest"),
                              rs.getBigDecimal("prev_fee")));
              return new StatementInputs(
                  loan,
                  rs.getLong("partner_id"),
                  rs.getString("currency"),
                  date,
                  previous,
                  rs.getObject("accrues_from", LocalDate.class),
                  rs.getInt("repayment_due_day"),
                  new MinimumPaymentRule(
                      rs.getBigDecimal("minimum_payment_percent"),
                      rs.getBigDecimal("minimum_payment_amount")),
                  new Balances(
                      rs.getBigDecimal("principal"),
                      rs.getBigDecimal("interest"),
                      rs.getBigDecimal("fee")),
                  new Balances(
                      rs.getBigDecimal("late_principal"),
                      rs.getBigDecimal("late_interest"),
                      rs.getBigDecimal("late_fee")),
                  new PeriodTransactions(
                      rs.getBigDecimal("disbursements"),
                      rs.getBigDecimal("repayments"),
                      rs.getBigDecimal("fees"),
                      rs.getBigDecimal("reversals"),
                      new Balances(
                          rs.getBigDecimal("in_principal"),
                          rs.getBigDecimal("in_interest"),
                          rs.getBigDecimal("in_fee"))),
                  minimums.getOrDefault(loan, List.of()).stream()
                      .map(StoredMinimum::minimum)
                      .toList(),
                  repayments.getOrDefault(loan, List.of()));
            })
        .list();
  }

  // --- following postings ------------------------------------------------------------------

  /**
   * Follows a posting or revert on the loan, in its database transaction and under its lock: when
   * the loan has statements, replays what its applied repayments paid of their minimum payments
   * (statuses as of the open business date), writes the instalments that changed and answers true;
   * the loan's schedule must then not be followed by term loan rules. A loan without statements
   * (every term loan) costs one index probe and answers false.
   */
  public boolean follow(Handle h, UUID loanId, Instant now) {
    boolean has =
        h.createQuery("SELECT EXISTS (SELECT 1 FROM loan_statement WHERE loan_id = :loan)")
            .bind("loan", loanId)
            .mapTo(Boolean.class)
            .one();
    if (!has) {
      return false;
    }
    LocalDate open =
        CloseOfBusinessRepository.lastClosed(h)
            .map(d -> d.plusDays(1))
            .orElse(now.atOffset(ZoneOffset.UTC).toLocalDate());
    UUID[] ids = {loanId};
    List<StoredMinimum> stored = minimums(h, ids).getOrDefault(loanId, List.of());
    List<MinimumPayments.Minimum> all = stored.stream().map(StoredMinimum::minimum).toList();
    List<MinimumPayments.Paid> paid =
        MinimumPayments.replay(all, repayments(h, ids).getOrDefault(loanId, List.of()), open);
    write(h, loanId, all, paid, stored, now);
    return true;
  }

  /** A statement's instalment as stored: the minimum it asks for, what is paid, its status. */
  private record StoredMinimum(
      MinimumPayments.Minimum minimum, Balances paid, InstalmentStatus status) {}

  /** The minimum payments of the loans' statements, by loan, in statement order. */
  private static Map<UUID, List<StoredMinimum>> minimums(Handle h, UUID[] ids) {
    Map<UUID, List<StoredMinimum>> out = new HashMap<>();
    h.createQuery(
            "SELECT i.loan_id, i.number, i.due_date, i.principal, i.interest, i.fee,"
                + " i.paid_principal, i.paid_interest, i.paid_fee, i.status, s.period_end"
                + " FROM loan_statement s JOIN loan_instalment i ON i.loan_id = s.loan_id"
                + " AND i.number = s.number WHERE s.loan_id = ANY(:ids)"
                + " ORDER BY i.loan_id, i.number")
        .bindArray("ids", UUID.class, (Object[]) ids)
        .map(
            (rs, ctx) -> {
              StoredMinimum m =
                  new StoredMinimum(
                      new MinimumPayments.Minimum(
                          rs.getInt("number"),
                          StatementDates.cutoff(rs.getObject("period_end", LocalDate.class)),
                          rs.getObject("due_date", LocalDate.class),
                          new Balances(
                              rs.getBigDecimal("principal"),
                              rs.getBigDecimal("interest"),
                              rs.getBigDecimal("fee"))),
                      new Balances(
                          rs.getBigDecimal("paid_principal"),
                          rs.getBigDecimal("paid_interest"),
                          rs.getBigDecimal("paid_fee")),
                      InstalmentStatus.byCode(rs.getString("status")).orElseThrow());
              out.computeIfAbsent(rs.getObject("loan_id", UUID.class), k -> new ArrayList<>())
                  .add(m);
              return m;
            })
        .list();
    return out;
  }

  /** The loans' applied repayments, by loan, in posting order. */
  private static Map<UUID, List<MinimumPayments.Repayment>> repayments(Handle h, UUID[] ids) {
    Map<UUID, List<MinimumPayments.Repayment>> out = new HashMap<>();
    h.createQuery(
            "SELECT loan_id, amount, created_at FROM loan_transaction"
                + " WHERE loan_id = ANY(:ids) AND type = 'repayment' AND status = 'applied'"
                + " ORDER BY loan_id, seq")
        .bindArray("ids", UUID.class, (Object[]) ids)
        .map(
            (rs, ctx) -> {
              MinimumPayments.Repayment r =
                  new MinimumPayments.Repayment(
                      rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                      rs.getBigDecimal("amount"));
              out.computeIfAbsent(rs.getObject("loan_id", UUID.class), k -> new ArrayList<>())
                  .add(r);
              return r;
            })
        .list();
    return out;
  }

  /**
   * Writes what the replay gives: a minimum without a stored instalment is inserted, a stored one
   * is updated only when what is paid of it or its status changed.
   */
  private static void write(
      Handle h,
      UUID loanId,
      List<MinimumPayments.Minimum> minimums,
      List<MinimumPayments.Paid> paid,
      List<StoredMinimum> stored,
      Instant now) {
    Map<Integer, StoredMinimum> byNumber = new HashMap<>();
    stored.forEach(s -> byNumber.put(s.minimum().number(), s));
    Map<Integer, MinimumPayments.Minimum> asked = new HashMap<>();
    minimums.forEach(m -> asked.put(m.number(), m));
    PreparedBatch inserts =
        h.prepareBatch(
            "INSERT INTO loan_instalment (loan_id, number, due_date, principal, interest, fee,"
                + " paid_principal, paid_interest, paid_fee, status, updated_at) VALUES (:loan,"
                + " :number, :due, :principal, :interest, :fee, :paidPrincipal, :paidInterest,"
                + " :paidFee, :status, :now)");
    PreparedBatch updates =
        h.prepareBatch(
            "UPDATE loan_instalment SET paid_principal = :paidPrincipal,"
                + " paid_interest = :paidInterest, paid_fee = :paidFee, status = :status,"
                + " updated_at = :now WHERE loan_id = :loan AND number = :number");
    for (MinimumPayments.Paid p : paid) {
      StoredMinimum before = byNumber.get(p.number());
      if (before == null) {
        MinimumPayments.Minimum m = asked.get(p.number());
        inserts
            .bind("loan", loanId)
            .bind("number", p.number())
            .bind("due", m.dueDate())
            .bind("principal", m.asked().principal())
            .bind("interest", m.asked().interest())
            .bind("fee", m.asked().fee())
            .bind("paidPrincipal", p.paid().principal())
            .bind("paidInterest", p.paid().interest())
            .bind("paidFee", p.paid().fee())
            .bind("status", p.status().code())
            .bind("now", utc(now))
            .add();
      } else if (!before.paid().equals(p.paid()) || before.status() != p.status()) {
        updates
            .bind("loan", loanId)
            .bind("number", p.number())
            .bind("paidPrincipal", p.paid().principal())
            .bind("paidInterest", p.paid().interest())
            .bind("paidFee", p.paid().fee())
            .bind("status", p.status().code())
            .bind("now", utc(now))
            .add();
      }
    }
    if (inserts.size() > 0) {
      inserts.execute();
    }
    if (updates.size() > 0) {
      updates.execute();
    }
  }

  // --- partner reads -----------------------------------------------------------------------

  /**
   * A page of the partner's loan's statements, newest first, and their count, from one snapshot;
   * empty when the loan is not the partner's.
   */
  Optional<StatementPage> page(long partnerId, UUID loanId, int limit, int offset) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          boolean owned =
              h.createQuery(
                      "SELECT EXISTS (SELECT 1 FROM loan WHERE id = :loan"
                          + " AND partner_id = :partner)")
                  .bind("loan", loanId)
                  .bind("partner", partnerId)
                  .mapTo(Boolean.class)
                  .one();
          if (!owned) {
            return Optional.empty();
          }
          long count =
              h.createQuery("SELECT count(*) FROM loan_statement WHERE loan_id = :loan")
                  .bind("loan", loanId)
                  .mapTo(Long.class)
                  .one();
          List<Statement> results =
              h.createQuery(
                      "SELECT "
                          + STATEMENT_COLUMNS
                          + " FROM loan_statement s LEFT JOIN loan_instalment i"
                          + " ON i.loan_id = s.loan_id AND i.number = s.number"
                          + " WHERE s.loan_id = :loan ORDER BY s.number DESC"
                          + " LIMIT :limit OFFSET :offset")
                  .bind("loan", loanId)
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .map((rs, ctx) -> statement(rs))
                  .list();
          return Optional.of(new StatementPage(count, limit, offset, results));
        });
  }

  /** The partner's statement with its transactions in posting order; empty when not its own. */
  Optional<Statement> find(long partnerId, UUID id) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h ->
            h.createQuery(
                    "SELECT "
                        + STATEMENT_COLUMNS
                        + " FROM loan_statement s LEFT JOIN loan_instalment i"
                        + " ON i.loan_id = s.loan_id AND i.number = s.number"
                        + " WHERE s.id = :id AND s.partner_id = :partner")
                .bind("id", id)
                .bind("partner", partnerId)
                .map((rs, ctx) -> statement(rs))
                .findOne()
                .map(s -> s.withTransactions(lines(h, id))));
  }

  private static List<Statement.Line> lines(Handle h, UUID statementId) {
    return h.createQuery(
            "SELECT id, type, status, amount, affected_loan_principal + affected_loan_interest"
                + " + affected_loan_fee AS change, fee_name, created_at FROM loan_transaction"
                + " WHERE statement_id = :id ORDER BY seq")
        .bind("id", statementId)
        .map(
            (rs, ctx) ->
                new Statement.Line(
                    rs.getObject("id", UUID.class),
                    rs.getString("type"),
                    rs.getString("status"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("change"),
                    rs.getString("fee_name"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  private static Statement statement(ResultSet rs) throws SQLException {
    BigDecimal paid = rs.getBigDecimal("minimum_paid");
    @Nullable String status = rs.getString("minimum_status");
    return new Statement(
        rs.getObject("id", UUID.class),
        rs.getObject("loan_id", UUID.class),
        rs.getInt("number"),
        rs.getString("currency"),
        rs.getObject("period_start", LocalDate.class),
        rs.getObject("period_end", LocalDate.class),
        rs.getObject("due_date", LocalDate.class),
        new Balances(
            rs.getBigDecimal("opening_principal"),
            rs.getBigDecimal("opening_interest"),
            rs.getBigDecimal("opening_fee")),
        rs.getBigDecimal("disbursements"),
        rs.getBigDecimal("repayments"),
        rs.getBigDecimal("fees"),
        rs.getBigDecimal("interest"),
        rs.getBigDecimal("reversals"),
        new Balances(
            rs.getBigDecimal("closing_principal"),
            rs.getBigDecimal("closing_interest"),
            rs.getBigDecimal("closing_fee")),
        rs.getBigDecimal("past_due_amount"),
        rs.getBigDecimal("minimum_payment"),
        paid == null ? BigDecimal.ZERO.setScale(2) : paid.setScale(2),
        StatementStatus.of(status == null ? null : InstalmentStatus.byCode(status).orElseThrow()),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        List.of());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
