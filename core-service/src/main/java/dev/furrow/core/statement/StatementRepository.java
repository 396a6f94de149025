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
import org.jdbi.v3.core.statement.Update;
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
                // Each chunk's plans for its own ids: a generic plan made while loan_statement was
                // small would scan it whole, comparing each row with every id of the chunk.
                h.execute("SET LOCAL plan_cache_mode = force_custom_plan");
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
    StatementRows statements = new StatementRows();
    InstalmentWrites instalments = new InstalmentWrites(now);
    BigDecimal closingTotal = BigDecimal.ZERO.setScale(2);
    for (StatementInputs in : inputs) {
      StatementDraft draft;
      try {
        draft = StatementDraft.of(in, open);
      } catch (IllegalStateException e) {
        throw new IllegalStateException("Loan " + in.loanId() + ": " + e.getMessage(), e);
      }
      statements.add(UUID.randomUUID(), in, draft);
      List<MinimumPayments.Minimum> all = new ArrayList<>(in.earlier());
      draft.instalment().ifPresent(all::add);
      instalments.add(
          in.loanId(), all, draft.paid(), minimums.getOrDefault(in.loanId(), List.of()));
      closingTotal = closingTotal.add(draft.figures().closingBalance());
    }
    statements.insert(h, now, cutoff);
    instalments.execute(h);
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
    InstalmentWrites writes = new InstalmentWrites(now);
    writes.add(loanId, all, paid, stored);
    writes.execute(h);
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
   * The statements of a chunk, as columns: written with one statement, and their period's
   * transactions marked with another, instead of a round trip per loan.
   */
  private static final class StatementRows {
    private final List<UUID> ids = new ArrayList<>();
    private final List<Long> partners = new ArrayList<>();
    private final List<UUID> loans = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    private final List<String> starts = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();
    private final List<String> dues = new ArrayList<>();
    private final List<String> currencies = new ArrayList<>();
    private final List<BigDecimal> openingPrincipal = new ArrayList<>();
    private final List<BigDecimal> openingInterest = new ArrayList<>();
    private final List<BigDecimal> openingFee = new ArrayList<>();
    private final List<BigDecimal> disbursements = new ArrayList<>();
    private final List<BigDecimal> repayments = new ArrayList<>();
    private final List<BigDecimal> fees = new ArrayList<>();
    private final List<BigDecimal> interest = new ArrayList<>();
    private final List<BigDecimal> reversals = new ArrayList<>();
    private final List<BigDecimal> closingPrincipal = new ArrayList<>();
    private final List<BigDecimal> closingInterest = new ArrayList<>();
    private final List<BigDecimal> closingFee = new ArrayList<>();
    private final List<BigDecimal> pastDue = new ArrayList<>();
    private final List<BigDecimal> minimum = new ArrayList<>();

    void add(UUID id, StatementInputs in, StatementDraft draft) {
      StatementFigures f = draft.figures();
      ids.add(id);
      partners.add(in.partnerId());
      loans.add(in.loanId());
      numbers.add(draft.number());
      starts.add(draft.period().start().toString());
      ends.add(draft.period().end().toString());
      dues.add(draft.period().dueDate().toString());
      currencies.add(in.currency());
      openingPrincipal.add(f.opening().principal());
      openingInterest.add(f.opening().interest());
      openingFee.add(f.opening().fee());
      disbursements.add(f.period().disbursements());
      repayments.add(f.period().repayments());
      fees.add(f.period().fees());
      interest.add(f.interest());
      reversals.add(f.period().reversals());
      closingPrincipal.add(f.closing().principal());
      closingInterest.add(f.closing().interest());
      closingFee.add(f.closing().fee());
      pastDue.add(draft.pastDue());
      minimum.add(draft.minimumPayment());
    }

    /**
     * Inserts the statements and marks each loan's transactions of the period (no statement yet,
     * not pending, created before the cutoff) as listed by its statement.
     */
    void insert(Handle h, Instant now, Instant cutoff) {
      if (ids.isEmpty()) {
        return;
      }
      h.createUpdate(
              "INSERT INTO loan_statement (id, partner_id, loan_id, number, period_start,"
                  + " period_end, due_date, currency, opening_principal, opening_interest,"
                  + " opening_fee, disbursements, repayments, fees, interest, reversals,"
                  + " closing_principal, closing_interest, closing_fee, past_due_amount,"
                  + " minimum_payment, created_at) SELECT r.*, :now FROM unnest(:ids::uuid[],"
                  + " :partners::bigint[], :loans::uuid[], :numbers::integer[],"
                  + " :starts::date[], :ends::date[], :dues::date[], :currencies::text[],"
                  + " :openingPrincipal::numeric[], :openingInterest::numeric[],"
                  + " :openingFee::numeric[], :disbursements::numeric[],"
                  + " :repayments::numeric[], :fees::numeric[], :interest::numeric[],"
                  + " :reversals::numeric[], :closingPrincipal::numeric[],"
                  + " :closingInterest::numeric[], :closingFee::numeric[],"
                  + " :pastDue::numeric[], :minimum::numeric[]) r")
          .bindArray("ids", UUID.class, ids)
          .bindArray("partners", Long.class, partners)
          .bindArray("loans", UUID.class, loans)
          .bindArray("numbers", Integer.class, numbers)
          .bindArray("starts", String.class, starts)
          .bindArray("ends", String.class, ends)
          .bindArray("dues", String.class, dues)
          .bindArray("currencies", String.class, currencies)
          .bindArray("openingPrincipal", String.class, plain(openingPrincipal))
          .bindArray("openingInterest", String.class, plain(openingInterest))
          .bindArray("openingFee", String.class, plain(openingFee))
          .bindArray("disbursements", String.class, plain(disbursements))
          .bindArray("repayments", String.class, plain(repayments))
          .bindArray("fees", String.class, plain(fees))
          .bindArray("interest", String.class, plain(interest))
          .bindArray("reversals", String.class, plain(reversals))
          .bindArray("closingPrincipal", String.class, plain(closingPrincipal))
          .bindArray("closingInterest", String.class, plain(closingInterest))
          .bindArray("closingFee", String.class, plain(closingFee))
          .bindArray("pastDue", String.class, plain(pastDue))
          .bindArray("minimum", String.class, plain(minimum))
          .bind("now", utc(now))
          .execute();
      h.createUpdate(
              "UPDATE loan_transaction t SET statement_id = s.id"
                  + " FROM unnest(:loans::uuid[], :ids::uuid[]) AS s(loan_id, id)"
                  + " WHERE t.loan_id = s.loan_id AND t.statement_id IS NULL"
                  + " AND t.status <> 'pending' AND t.created_at < :cutoff")
          .bindArray("loans", UUID.class, loans)
          .bindArray("ids", UUID.class, ids)
          .bind("cutoff", utc(cutoff))
          .execute();
    }
  }

  /**
   * What the replay gives, for one loan or a chunk of them: a minimum without a stored instalment
   * is inserted, a stored one is updated only when what is paid of it or its status changed. Each
   * kind is written with one statement.
   */
  private static final class InstalmentWrites {
    private final Instant now;
    private final Rows inserts = new Rows();
    private final Rows updates = new Rows();

    InstalmentWrites(Instant now) {
      this.now = now;
    }

    void add(
        UUID loanId,
        List<MinimumPayments.Minimum> minimums,
        List<MinimumPayments.Paid> paid,
        List<StoredMinimum> stored) {
      Map<Integer, StoredMinimum> byNumber = new HashMap<>();
      stored.forEach(s -> byNumber.put(s.minimum().number(), s));
      Map<Integer, MinimumPayments.Minimum> asked = new HashMap<>();
      minimums.forEach(m -> asked.put(m.number(), m));
      for (MinimumPayments.Paid p : paid) {
        StoredMinimum before = byNumber.get(p.number());
        if (before == null) {
          inserts.add(loanId, p, asked.get(p.number()));
        } else if (!before.paid().equals(p.paid()) || before.status() != p.status()) {
          updates.add(loanId, p, null);
        }
      }
    }

    void execute(Handle h) {
      if (!inserts.loans.isEmpty()) {
        inserts
            .bind(
                h.createUpdate(
                    "INSERT INTO loan_instalment (loan_id, number, due_date, principal, interest,"
                        + " fee, paid_principal, paid_interest, paid_fee, status, updated_at)"
                        + " SELECT r.*, :now FROM unnest(:loans::uuid[], :numbers::integer[],"
                        + " :dues::date[], :principal::numeric[], :interest::numeric[],"
                        + " :fee::numeric[], :paidPrincipal::numeric[],"
                        + " :paidInterest::numeric[], :paidFee::numeric[], :statuses::text[]) r"))
            .bindArray("dues", String.class, inserts.dues)
            .bindArray("principal", String.class, plain(inserts.principal))
            .bindArray("interest", String.class, plain(inserts.interest))
            .bindArray("fee", String.class, plain(inserts.fee))
            .bind("now", utc(now))
            .execute();
      }
      if (!updates.loans.isEmpty()) {
        updates
            .bind(
                h.createUpdate(
                    "UPDATE loan_instalment i SET paid_principal = r.paid_principal,"
                        + " paid_interest = r.paid_interest, paid_fee = r.paid_fee,"
                        + " status = r.status, updated_at = :now FROM unnest(:loans::uuid[],"
                        + " :numbers::integer[], :paidPrincipal::numeric[],"
                        + " :paidInterest::numeric[], :paidFee::numeric[], :statuses::text[])"
                        + " AS r(loan_id, number, paid_principal, paid_interest, paid_fee,"
                        + " status) WHERE i.loan_id = r.loan_id AND i.number = r.number"))
            .bind("now", utc(now))
            .execute();
      }
    }

    /** Instalment rows as columns. */
    private static final class Rows {
      final List<UUID> loans = new ArrayList<>();
      final List<Integer> numbers = new ArrayList<>();
      final List<String> dues = new ArrayList<>();
      final List<BigDecimal> principal = new ArrayList<>();
      final List<BigDecimal> interest = new ArrayList<>();
      final List<BigDecimal> fee = new ArrayList<>();
      final List<BigDecimal> paidPrincipal = new ArrayList<>();
      final List<BigDecimal> paidInterest = new ArrayList<>();
      final List<BigDecimal> paidFee = new ArrayList<>();
      final List<String> statuses = new ArrayList<>();

      /** A row; {@code asked} (the minimum's split) only for a row to insert. */
      void add(UUID loanId, MinimumPayments.Paid p, @Nullable MinimumPayments.Minimum asked) {
        loans.add(loanId);
        numbers.add(p.number());
        if (asked != null) {
          dues.add(asked.dueDate().toString());
          principal.add(asked.asked().principal());
          interest.add(asked.asked().interest());
          fee.add(asked.asked().fee());
        }
        paidPrincipal.add(p.paid().principal());
        paidInterest.add(p.paid().interest());
        paidFee.add(p.paid().fee());
        statuses.add(p.status().code());
      }

      /** Binds the columns every row has. */
      Update bind(Update update) {
        return update
            .bindArray("loans", UUID.class, loans)
            .bindArray("numbers", Integer.class, numbers)
            .bindArray("paidPrincipal", String.class, plain(paidPrincipal))
            .bindArray("paidInterest", String.class, plain(paidInterest))
            .bindArray("paidFee", String.class, plain(paidFee))
            .bindArray("statuses", String.class, statuses);
      }
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

  /** Money as decimal text, which the statements cast to {@code numeric[]}. */
  private static List<String> plain(List<BigDecimal> amounts) {
    return amounts.stream().map(BigDecimal::toPlainString).toList();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
