package dev.furrow.core.loan;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.ledger.LedgerRepository;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.PartnerLists;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.core.query.ResourceFilters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/** SQL for loan accounts; every statement is scoped to the owning partner. */
public final class LoanRepository {
  /** The unique constraint that keeps a second loan account off an application. */
  static final String ONE_LOAN_PER_APPLICATION = "loan_application_id_key";

  /** The selected columns, qualified by the {@code l} alias every statement uses. */
  static final String COLUMNS =
      "l.id, l.application_id, l.end_user_id, l.product_id, l.amount, l.interest_rate,"
          + " l.installments, l.grace_instalments, l.principal_repayment_grace,"
          + " l.arrears_tolerance, l.currency, l.status, l.principal, l.interest, l.fee,"
          + " l.pending_principal, l.pending_interest, l.pending_fee, l.last_transaction_id,"
          + " l.close_reason, l.close_substatus, l.closed_at, l.written_off_amount,"
          + " l.interest_calculation_enabled, l.business_days_in_period, l.custom_field,"
          + " l.created_at, l.updated_at";

  private static final RowMapper<Loan> LOAN = (rs, ctx) -> map(rs);

  /**
   * What list requests may filter and sort on: every field the reference lists for loans, with the
   * lookups of its type, the borrower's ({@code end_user__...}) and the application's ({@code
   * application__...}) fields, plus {@code product}, {@code currency}, {@code closed_at} and {@code
   * written_off_amount}. Newest first unless asked otherwise, the id keeping pages stable.
   */
  public static final ResourceFilters FILTERS =
      ResourceFilters.builder()
          .uuid("id", "l.id")
          .datetime("created", "l.created_at")
          .datetime("updated", "l.updated_at")
          .reference("application", "l.application_id")
          .reference("end_user", "l.end_user_id")
          .reference("product", "l.product_id")
          .decimal("amount", "l.amount")
          .decimal("interest_rate", "l.interest_rate")
          .integer("installments", "l.installments")
          .integer("grace_instalments", "l.grace_instalments")
          .integer("principal_repayment_grace", "l.principal_repayment_grace")
          .integer("arrears_tolerance", "l.arrears_tolerance")
          .text("currency", "l.currency")
          .text("status", "l.status")
          .decimal("principal", "l.principal")
          .decimal("interest", "l.interest")
          .decimal("fee", "l.fee")
          .decimal("pending_principal", "l.pending_principal")
          .decimal("pending_interest", "l.pending_interest")
          .decimal("pending_fee", "l.pending_fee")
          .reference("last_transaction", "l.last_transaction_id")
          .text("close_substatus", "l.close_substatus")
          .text("close_reason", "l.close_reason")
          .datetime("closed_at", "l.closed_at")
          .decimal("written_off_amount", "l.written_off_amount")
          .integer("business_days_in_period", "l.business_days_in_period")
          .uuid("end_user__id", "eu.id")
          .datetime("end_user__created", "eu.created_at")
          .datetime("end_user__updated", "eu.updated_at")
          .text("end_user__first_name", "eu.first_name")
          .text("end_user__last_name", "eu.last_name")
          .date("end_user__birth_date", "eu.birth_date")
          .text("end_user__city", "eu.city")
          .text("end_user__postal_code", "eu.postal_code")
          .text("end_user__country", "eu.country")
          .text("end_user__bank_account_number", "eu.bank_account_number")
          .text("end_user__sort_code", "eu.sort_code")
          .text("end_user__mobile_number", "eu.mobile_number")
          .text("end_user__email", "eu.email")
          .uuid("application__id", "a.id")
          .datetime("application__created", "a.created_at")
          .datetime("application__updated", "a.updated_at")
          .text("application__status", "a.status")
          .reference("application__product", "a.product_id")
          .reference("application__end_user", "a.end_user_id")
          .decimal("application__amount", "a.amount")
          .integer("application__installments", "a.installments")
          .decimal("application__rate", "a.rate")
          .text("application__reason", "a.reason")
          .datetime("application__processing_finished_at", "a.processing_finished_at")
          .tiebreaker("l.id")
          .defaultSort("-created")
          .build();

  /**
   * Left joins on the primary keys of the borrower and the application: every loan has exactly one
   * of each (NOT NULL foreign keys), so the rows are those of an inner join, and PostgreSQL drops a
   * left join whose columns a query does not use, so lists that filter and sort only on the loan's
   * own fields read the loan table alone.
   */
  private static final String LIST_FROM =
      " FROM loan l LEFT JOIN end_user eu ON eu.id = l.end_user_id"
          + " LEFT JOIN application a ON a.id = l.application_id"
          + " WHERE l.partner_id = :partner";

  private final Jdbi jdbi;
  private final LedgerRepository ledger;

  /** The loans' SQL; {@code ledger} receives the journal entry of a write-off. */
  public LoanRepository(Jdbi jdbi, LedgerRepository ledger) {
    this.jdbi = jdbi;
    this.ledger = ledger;
  }

  /**
   * In one transaction: locks the partner's application (empty when there is none), asks {@code
   * terms} for the new loan's terms (it may refuse by throwing, which changes nothing), stores the
   * loan and points the application at it (a change of the application, so its {@code updated_at}
   * moves too). The application lock makes concurrent opens for one application take turns, and the
   * unique constraint on the application backs that up.
   */
  public Loan open(
      long partnerId,
      UUID applicationId,
      Function<Optional<ApplicationSnapshot>, LoanTerms> terms,
      Instant now) {
    try {
      return jdbi.inTransaction(
          h -> {
            LoanTerms t = terms.apply(lockApplication(h, partnerId, applicationId));
            Loan loan = insert(h, partnerId, t, now);
            h.createUpdate(
                    "UPDATE application SET loan_id = :loan, updated_at = :now"
                        + " WHERE id = :application AND partner_id = :partner")
                .bind("loan", loan.id())
                .bind("now", utc(now))
                .bind("application", t.applicationId())
                .bind("partner", partnerId)
                .execute();
            return loan;
          });
    } catch (UnableToExecuteStatementException e) {
      if (violates(e, ONE_LOAN_PER_APPLICATION)) {
        throw new ConflictException(LoanPolicy.ALREADY_OPENED);
      }
      throw e;
    }
  }

  public Optional<Loan> find(long partnerId, UUID id) {
    return jdbi.withHandle(h -> find(h, partnerId, id, false));
  }

  /**
   * Locks the partner's loan, stores the state {@code change} makes of its current one and returns
   * the stored result; empty when there is no such loan. Whatever {@code change} throws rolls the
   * transaction back. A change that writes the loan off also posts the write-off's journal entry
   * ({@link WriteOff}), in the same transaction.
   */
  public Optional<Loan> change(
      long partnerId, UUID id, UnaryOperator<LoanState> change, Instant now) {
    return jdbi.inTransaction(
        h ->
            find(h, partnerId, id, true)
                .map(
                    current -> {
                      LoanState next = change.apply(current.state());
                      Loan stored =
                          bindState(
                                  h.createQuery(
                                      "UPDATE loan AS l SET status = :status,"
                                          + " principal = :principal, interest = :interest,"
                                          + " fee = :fee, pending_principal = :pendingPrincipal,"
                                          + " pending_interest = :pendingInterest,"
                                          + " pending_fee = :pendingFee,"
                                          + " interest_calculation_enabled = :interestEnabled,"
                                          + " close_reason = :closeReason,"
                                          + " close_substatus = :closeSubstatus,"
                                          + " closed_at = :closedAt,"
                                          + " written_off_amount = :writtenOffAmount,"
                                          + " updated_at = :now"
                                          + " WHERE l.id = :id AND l.partner_id = :partner"
                                          + " RETURNING "
                                          + COLUMNS),
                                  next)
                              .bind("id", id)
                              .bind("partner", partnerId)
                              .bind("now", utc(now))
                              .map(LOAN)
                              .one();
                      WriteOff.entry(current.state(), next)
                          .ifPresent(
                              entry ->
                                  ledger.post(
                                      h,
                                      partnerId,
                                      id,
                                      null,
                                      current.terms().currency(),
                                      entry,
                                      now));
                      return stored;
                    }));
  }

  /**
   * Locks the partner's loan ({@code SELECT ... FOR UPDATE}) within {@code h}'s transaction, so
   * that postings to one loan take turns; empty when the partner has no such loan.
   */
  public Optional<Loan> lock(Handle h, long partnerId, UUID id) {
    return find(h, partnerId, id, true);
  }

  /** The locked loan (empty when the partner has no such loan) and what else was read with it. */
  public record Locked(Optional<Loan> loan, @Nullable UUID keyed) {}

  /**
   * {@link #lock}, and in the same statement (one round trip) the id of the partner's transaction
   * that holds idempotency key {@code key}, if any, as of the statement's start: before the lock is
   * waited for, as a look-up just before the lock would see it.
   */
  public Locked lockWithKey(Handle h, long partnerId, UUID id, String key) {
    return h.createQuery(
            "SELECT k.keyed, l.* FROM (SELECT (SELECT t.id FROM loan_transaction t"
                + " WHERE t.partner_id = :partner AND t.idempotency_key = :key) AS keyed) k"
                + " LEFT JOIN LATERAL (SELECT "
                + COLUMNS
                + " FROM loan l WHERE l.id = :id AND l.partner_id = :partner FOR UPDATE) l ON true")
        .bind("id", id)
        .bind("partner", partnerId)
        .bind("key", key)
        .map(
            (rs, ctx) ->
                new Locked(
                    rs.getObject("id") == null ? Optional.empty() : Optional.of(map(rs)),
                    rs.getObject("keyed", UUID.class)))
        .one();
  }

  /**
   * Stores the state a posting left and the loan's latest applied transaction, within {@code h}'s
   * transaction (which must hold the loan's lock); returns the loan as stored.
   */
  public Loan post(
      Handle h,
      long partnerId,
      UUID id,
      LoanState state,
      @Nullable UUID lastTransaction,
      Instant now) {
    return bindState(
            h.createQuery(
                "UPDATE loan AS l SET status = :status, principal = :principal,"
                    + " interest = :interest, fee = :fee, pending_principal = :pendingPrincipal,"
                    + " pending_interest = :pendingInterest, pending_fee = :pendingFee,"
                    + " interest_calculation_enabled = :interestEnabled,"
                    + " close_reason = :closeReason, close_substatus = :closeSubstatus,"
                    + " closed_at = :closedAt, written_off_amount = :writtenOffAmount,"
                    + " last_transaction_id = CAST(:lastTransaction AS uuid), updated_at = :now"
                    + " WHERE l.id = :id AND l.partner_id = :partner RETURNING "
                    + COLUMNS),
            state)
        .bind("lastTransaction", lastTransaction)
        .bind("id", id)
        .bind("partner", partnerId)
        .bind("now", utc(now))
        .map(LOAN)
        .one();
  }

  /**
   * {@link #post}'s update as a {@code WITH} item ({@code loan_posted}) of a caller's statement;
   * {@code lastTransaction} is an SQL expression for the latest applied transaction's id. Binds
   * {@code loan}, {@code partner} and {@code now} (the caller's) and what {@link #bindPosted}
   * binds.
   */
  public static String postedItem(String lastTransaction) {
    return "loan_posted AS (UPDATE loan AS l SET status = :loanStatus,"
        + " principal = :loanPrincipal, interest = :loanInterest, fee = :loanFee,"
        + " pending_principal = :loanPendingPrincipal, pending_interest = :loanPendingInterest,"
        + " pending_fee = :loanPendingFee, interest_calculation_enabled = :loanInterestEnabled,"
        + " close_reason = :loanCloseReason, close_substatus = :loanCloseSubstatus,"
        + " closed_at = :loanClosedAt, written_off_amount = :loanWrittenOffAmount,"
        + " last_transaction_id = "
        + lastTransaction
        + ", updated_at = :now WHERE l.id = :loan AND l.partner_id = :partner)";
  }

  /** Binds {@link #postedItem}'s own parameters: the state the posting left. */
  public static <S extends SqlStatement<S>> S bindPosted(S statement, LoanState s) {
    LoanBalances b = s.balances();
    LoanClosure c = s.closure();
    return statement
        .bind("loanStatus", s.status().code())
        .bind("loanPrincipal", b.principal())
        .bind("loanInterest", b.interest())
        .bind("loanFee", b.fee())
        .bind("loanPendingPrincipal", b.pendingPrincipal())
        .bind("loanPendingInterest", b.pendingInterest())
        .bind("loanPendingFee", b.pendingFee())
        .bind("loanInterestEnabled", s.interestCalculationEnabled())
        .bind("loanCloseReason", c == null ? null : c.reason())
        .bind("loanCloseSubstatus", c == null ? null : c.substatus().code())
        .bind("loanClosedAt", c == null ? null : utc(c.at()))
        .bind("loanWrittenOffAmount", c == null ? null : c.writtenOffAmount());
  }

  /**
   * The page of the partner's loans {@code query} selects and the count of all that match. Both
   * read one snapshot, so the count agrees with the page even while loans are being opened.
   */
  public LoanPage list(long partnerId, CompiledQuery query) {
    PartnerPage<Loan> page = PartnerLists.fetch(jdbi, partnerId, query, COLUMNS, LIST_FROM, LOAN);
    return new LoanPage(page.count(), page.results());
  }

  /** The page query; binds {@code partner}, {@code limit}, {@code offset} and the filters. */
  static String pageSql(CompiledQuery query) {
    return PartnerLists.pageSql(query, COLUMNS, LIST_FROM);
  }

  /**
   * The partner's application with its product's terms, locked until the transaction ends. Only the
   * application row is locked: a product a loan can be opened from is published and no longer
   * changes.
   */
  private static Optional<ApplicationSnapshot> lockApplication(
      Handle h, long partnerId, UUID applicationId) {
    return h.createQuery(
            "SELECT a.id, a.status, a.loan_id, a.end_user_id, a.product_id, a.amount, a.rate,"
                + " a.installments, p.type AS product_type,"
                + " p.installments AS product_installments, p.default_grace_instalments,"
                + " p.principal_repayment_grace, p.arrears_tolerance, p.currency"
                + " FROM application a JOIN product p ON p.id = a.product_id"
                + " WHERE a.id = :id AND a.partner_id = :partner FOR UPDATE OF a")
        .bind("id", applicationId)
        .bind("partner", partnerId)
        .map(
            (rs, ctx) ->
                new ApplicationSnapshot(
                    rs.getObject("id", UUID.class),
                    rs.getString("status"),
                    rs.getObject("loan_id", UUID.class),
                    rs.getObject("end_user_id", UUID.class),
                    rs.getObject("product_id", UUID.class),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("rate"),
                    rs.getObject("installments", Integer.class),
                    rs.getString("product_type"),
                    rs.getObject("product_installments", Integer.class),
                    rs.getObject("default_grace_instalments", Integer.class),
                    rs.getObject("principal_repayment_grace", Integer.class),
                    rs.getObject("arrears_tolerance", Integer.class),
                    rs.getString("currency")))
        .findOne();
  }

  private static Loan insert(Handle h, long partnerId, LoanTerms t, Instant now) {
    return bindState(
            h.createQuery(
                "INSERT INTO loan AS l (partner_id, application_id, end_user_id, product_id,"
                    + " amount, interest_rate, installments, grace_instalments,"
                    + " principal_repayment_grace, arrears_tolerance, currency, status,"
                    + " principal, interest, fee, pending_principal, pending_interest,"
                    + " pending_fee, interest_calculation_enabled, close_reason,"
                    + " close_substatus, closed_at, written_off_amount, custom_field,"
                    + " created_at, updated_at) VALUES (:partner, :application, :endUser,"
                    + " :product, :amount, :interestRate, :installments, :graceInstalments,"
                    + " :principalRepaymentGrace, :arrearsTolerance, :currency, :status,"
                    + " :principal, :interest, :fee, :pendingPrincipal, :pendingInterest,"
                    + " :pendingFee, :interestEnabled, :closeReason, :closeSubstatus,"
                    + " :closedAt, :writtenOffAmount, :customField, :now, :now) RETURNING "
                    + COLUMNS),
            LoanState.OPENED)
        .bind("partner", partnerId)
        .bind("application", t.applicationId())
        .bind("endUser", t.endUserId())
        .bind("product", t.productId())
        .bind("amount", t.amount())
        .bind("interestRate", t.interestRate())
        .bind("installments", t.installments())
        .bind("graceInstalments", t.graceInstalments())
        .bind("principalRepaymentGrace", t.principalRepaymentGrace())
        .bind("arrearsTolerance", t.arrearsTolerance())
        .bind("currency", t.currency())
        .bind("customField", t.customField())
        .bind("now", utc(now))
        .map(LOAN)
        .one();
  }

  private static Optional<Loan> find(Handle h, long partnerId, UUID id, boolean lock) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM loan l WHERE l.id = :id AND l.partner_id = :partner"
                + (lock ? " FOR UPDATE" : ""))
        .bind("id", id)
        .bind("partner", partnerId)
        .map(LOAN)
        .findOne();
  }

  private static <S extends SqlStatement<S>> S bindState(S statement, LoanState s) {
    LoanBalances b = s.balances();
    LoanClosure c = s.closure();
    return statement
        .bind("status", s.status().code())
        .bind("principal", b.principal())
        .bind("interest", b.interest())
        .bind("fee", b.fee())
        .bind("pendingPrincipal", b.pendingPrincipal())
        .bind("pendingInterest", b.pendingInterest())
        .bind("pendingFee", b.pendingFee())
        .bind("interestEnabled", s.interestCalculationEnabled())
        .bind("closeReason", c == null ? null : c.reason())
        .bind("closeSubstatus", c == null ? null : c.substatus().code())
        .bind("closedAt", c == null ? null : utc(c.at()))
        .bind("writtenOffAmount", c == null ? null : c.writtenOffAmount());
  }

  private static Loan map(ResultSet rs) throws SQLException {
    LoanTerms terms =
        new LoanTerms(
            rs.getObject("application_id", UUID.class),
            rs.getObject("end_user_id", UUID.class),
            rs.getObject("product_id", UUID.class),
            rs.getBigDecimal("amount"),
            rs.getBigDecimal("interest_rate"),
            rs.getObject("installments", Integer.class),
            rs.getObject("grace_instalments", Integer.class),
            rs.getObject("principal_repayment_grace", Integer.class),
            rs.getObject("arrears_tolerance", Integer.class),
            rs.getString("currency"),
            rs.getString("custom_field"));
    LoanBalances balances =
        new LoanBalances(
            rs.getBigDecimal("principal"),
            rs.getBigDecimal("interest"),
            rs.getBigDecimal("fee"),
            rs.getBigDecimal("pending_principal"),
            rs.getBigDecimal("pending_interest"),
            rs.getBigDecimal("pending_fee"));
    String substatus = rs.getString("close_substatus");
    LoanClosure closure =
        substatus == null
            ? null
            : new LoanClosure(
                rs.getString("close_reason"),
                CloseSubstatus.byCode(substatus).orElseThrow(),
                instant(rs, "closed_at"),
                rs.getBigDecimal("written_off_amount"));
    LoanState state =
        new LoanState(
            LoanStatus.byCode(rs.getString("status")).orElseThrow(),
            balances,
            rs.getBoolean("interest_calculation_enabled"),
            closure);
    return new Loan(
        rs.getObject("id", UUID.class),
        terms,
        state,
        rs.getObject("last_transaction_id", UUID.class),
        rs.getObject("business_days_in_period", Integer.class),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  /** Whether the statement failed on the named unique or check constraint. */
  private static boolean violates(UnableToExecuteStatementException e, String constraint) {
    return e.getCause() instanceof PSQLException psql
        && psql.getServerErrorMessage() != null
        && constraint.equals(psql.getServerErrorMessage().getConstraint());
  }

  @Nullable
  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
