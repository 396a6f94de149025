package dev.furrow.core.transaction;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.DomainException;
import dev.furrow.core.ledger.JournalEntry;
import dev.furrow.core.ledger.LedgerRepository;
import dev.furrow.core.loan.Loan;
import dev.furrow.core.loan.LoanRepository;
import dev.furrow.core.loan.LoanStatus;
import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.DefaultFee;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.PartnerLists;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.core.query.ResourceFilters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/**
 * SQL for transactions; every statement is scoped to the owning partner. A posting runs in one
 * database transaction that locks the loan row ({@code SELECT ... FOR UPDATE}), so postings to one
 * loan take turns while different loans proceed in parallel, and writes the transaction rows, their
 * journal entries and the loan's new state together.
 */
public final class TransactionRepository {
  /** The unique constraint that keeps a partner's idempotency key on one transaction. */
  static final String ONE_TRANSACTION_PER_KEY = "loan_transaction_idempotency_key_key";

  /** The selected columns, qualified by the {@code t} alias every statement uses. */
  static final String COLUMNS =
      "t.id, t.loan_id, t.seq, t.type, t.status, t.amount, t.fee_name, t.fee_type,"
          + " t.custom_fee_amount, t.idempotency_key, t.request_fingerprint, t.custom_field,"
          + " t.previous_transaction_id, t.related_transaction_id, t.completed_at,"
          + " t.reverted_at, t.status_before, t.result_loan_status,"
          + " t.result_outstanding_balance, t.affected_loan_principal,"
          + " t.affected_loan_interest, t.affected_loan_fee, t.affected_pending_principal,"
          + " t.affected_pending_interest, t.affected_pending_fee, t.statement_id,"
          + " t.created_at, t.updated_at";

  private static final RowMapper<Transaction> TRANSACTION = (rs, ctx) -> map(rs);

  /**
   * What list requests may filter and sort on: every field the reference lists for transactions,
   * the loan's ({@code loan__...}), and the loan's borrower's ({@code loan__end_user__...}) and
   * application's ({@code loan__application__...}). Newest first unless asked otherwise; rows
   * created together (a disbursement and its fees, the reversals of one revert) keep their posting
   * order, which also keeps pages stable.
   */
  public static final ResourceFilters FILTERS =
      ResourceFilters.builder()
          .uuid("id", "t.id")
          .datetime("created", "t.created_at")
          .datetime("updated", "t.updated_at")
          .reference("loan", "t.loan_id")
          .text("type", "t.type")
          .decimal("amount", "t.amount")
          .text("status", "t.status")
          .text("fee_name", "t.fee_name")
          .text("fee_type", "t.fee_type")
          .decimal("custom_fee_amount", "t.custom_fee_amount")
          .reference("previous_transaction", "t.previous_transaction_id")
          .text("idempotency_key", "t.idempotency_key")
          .reference("related_transaction", "t.related_transaction_id")
          .datetime("completed_at", "t.completed_at")
          .datetime("reverted_at", "t.reverted_at")
          .decimal("result_outstanding_balance", "t.result_outstanding_balance")
          .decimal("affected_loan_principal", "t.affected_loan_principal")
          .decimal("affected_loan_interest", "t.affected_loan_interest")
          .decimal("affected_loan_fee", "t.affected_loan_fee")
          .text("result_loan_status", "t.result_loan_status")
          .reference("statement", "t.statement_id")
          .uuid("loan__id", "l.id")
          .datetime("loan__created", "l.created_at")
          .datetime("loan__updated", "l.updated_at")
          .reference("loan__application", "l.application_id")
          .reference("loan__end_user", "l.end_user_id")
          .decimal("loan__amount", "l.amount")
          .decimal("loan__interest_rate", "l.interest_rate")
          .integer("loan__installments", "l.installments")
          .integer("loan__grace_instalments", "l.grace_instalments")
          .integer("loan__principal_repayment_grace", "l.principal_repayment_grace")
          .integer("loan__arrears_tolerance", "l.arrears_tolerance")
          .text("loan__status", "l.status")
          .decimal("loan__principal", "l.principal")
          .decimal("loan__interest", "l.interest")
          .decimal("loan__fee", "l.fee")
          .decimal("loan__pending_principal", "l.pending_principal")
          .decimal("loan__pending_interest", "l.pending_interest")
          .decimal("loan__pending_fee", "l.pending_fee")
          .reference("loan__last_transaction", "l.last_transaction_id")
          .text("loan__close_substatus", "l.close_substatus")
          .text("loan__close_reason", "l.close_reason")
          .integer("loan__business_days_in_period", "l.business_days_in_period")
          .uuid("loan__end_user__id", "eu.id")
          .datetime("loan__end_user__created", "eu.created_at")
          .datetime("loan__end_user__updated", "eu.updated_at")
          .text("loan__end_user__first_name", "eu.first_name")
          .text("loan__end_user__last_name", "eu.last_name")
          .date("loan__end_user__birth_date", "eu.birth_date")
          .text("loan__end_user__city", "eu.city")
          .text("loan__end_user__postal_code", "eu.postal_code")
          .text("loan__end_user__country", "eu.country")
          .text("loan__end_user__bank_account_number", "eu.bank_account_number")
          .text("loan__end_user__sort_code", "eu.sort_code")
          .text("loan__end_user__mobile_number", "eu.mobile_number")
          .text("loan__end_user__email", "eu.email")
          .uuid("loan__application__id", "a.id")
          .datetime("loan__application__created", "a.created_at")
          .datetime("loan__application__updated", "a.updated_at")
          .text("loan__application__status", "a.status")
          .reference("loan__application__product", "a.product_id")
          .reference("loan__application__end_user", "a.end_user_id")
          .decimal("loan__application__amount", "a.amount")
          .integer("loan__application__installments", "a.installments")
          .decimal("loan__application__rate", "a.rate")
          .text("loan__application__reason", "a.reason")
          .datetime("loan__application__processing_finished_at", "a.processing_finished_at")
          .tiebreaker("t.seq")
          .defaultSort("-created")
          .build();

  /**
   * Left joins on primary keys: every transaction has exactly one loan, and every loan one borrower
   * and one application (NOT NULL foreign keys), so the rows are those of inner joins, and
   * PostgreSQL drops the joins a query does not use.
   */
  private static final String LIST_FROM =
      " FROM loan_transaction t LEFT JOIN loan l ON l.id = t.loan_id"
          + " LEFT JOIN end_user eu ON eu.id = l.end_user_id"
          + " LEFT JOIN application a ON a.id = l.application_id"
          + " WHERE t.partner_id = :partner";

  private final Jdbi jdbi;
  private final LoanRepository loans;
  private final LedgerRepository ledger;
  private final FollowerRepository follower;
  private final LoanQueue<Request, Transaction> queue = new LoanQueue<>(MAX_BATCH, this::post);

  public TransactionRepository(Jdbi jdbi, LoanRepository loans, LedgerRepository ledger) {
    this(jdbi, loans, ledger, (h, loanId, now, applied) -> {});
  }

  /** With work that follows every posting and revert in its database transaction. */
  public TransactionRepository(
      Jdbi jdbi, LoanRepository loans, LedgerRepository ledger, FollowerRepository follower) {
    this.jdbi = jdbi;
    this.loans = loans;
    this.ledger = ledger;
    this.follower = follower;
  }

  /**
   * Another package's repository that writes in the database transaction of each posting and
   * revert, after the loan's new state is written and under its lock (a loan's repayment schedule
   * follows its transactions this way).
   */
  @FunctionalInterface
  public interface FollowerRepository {
    /**
     * Follows the loan's transactions as of {@code now}: {@code applied} are the transactions
     * applied since the follower last ran, in posting order, or null when the loan's applied
     * transactions changed otherwise (a revert), so the follower must not rely on them.
     */
    void posted(Handle h, UUID loanId, Instant now, @Nullable List<Applied> applied);
  }

  /**
   * A transaction a posting applied, as a follower sees it: its type, amount, the change to the
   * loan's fee balance (a repayment's part paid to fees, negated) and when it was applied.
   */
  public record Applied(
      TransactionType type, BigDecimal amount, BigDecimal feeChange, Instant at) {}

  /**
   * In one transaction: answers a reused idempotency key from the transaction it created ({@link
   * TransactionPolicy#replay}), else locks the request's loan, asks {@code plan} for the postings
   * (it may refuse by throwing, which changes nothing) and applies them: transaction rows chained
   * by {@code previous_transaction}, their journal entries, and the loan's new state. Returns the
   * requested transaction.
   *
   * <p>The key is looked up before the lock, so the loan is held only for the writes. A request
   * with the same key that commits between the look-up and the lock is still the one answered: when
   * {@code plan} refuses, the key is looked up again under the lock and a transaction found there
   * wins over the refusal; when {@code plan} accepts, the insert meets the unique key, rolls back
   * and is answered from the winner, as two requests with one key on different loans are.
   *
   * <p>Inside an enclosing transaction (an {@code Idempotency-Key}) the failed insert aborts that
   * transaction too, so the winner cannot be read and the loser is refused as a different request.
   * Identical requests with one {@code Idempotency-Key} never get there: they take turns on the
   * key's row and the later one is answered with the stored reply.
   *
   * <p>Requests for one loan that arrive while an earlier one for it is being posted are posted
   * together, in arrival order, in one database transaction with one commit ({@link LoanQueue},
   * {@link #post}); each is answered exactly as on its own. A request made inside an enclosing
   * transaction is never batched.
   */
  public Transaction create(
      long partnerId,
      TransactionRequest request,
      Function<LoanContext, List<Posting>> plan,
      Supplier<Instant> clock) {
    Request r = new Request(partnerId, request, plan, clock);
    if (jdbi.getHandleScope().get() != null) {
      // Inside a database transaction this thread holds open (an Idempotency-Key): the posting
      // belongs to that transaction, so it runs here, on its handle, never in a batch.
      return createAlone(r);
    }
    return queue.submit(request.loanId(), r);
  }

  /** The most requests for one loan posted in one database transaction. */
  static final int MAX_BATCH = 32;

  /** How many {@link #create} calls wait for the loan's posting in progress (tests watch this). */
  int waiting(UUID loanId) {
    return queue.waiting(loanId);
  }

  /** One {@link #create} call, as it waits in its loan's queue. */
  private record Request(
      long partnerId,
      TransactionRequest request,
      Function<LoanContext, List<Posting>> plan,
      Supplier<Instant> clock) {}

  /**
   * Posts a batch of requests for one loan in one database transaction, each as {@link
   * #createAlone} would in its own, in arrival order: a later one sees the loan as the earlier ones
   * left it and finds their idempotency keys. A refusal writes nothing (postings are planned before
   * anything is written), so it is that request's answer and the others go on. Any other failure,
   * of a statement or of the commit, rolls the whole batch back, and each request is then posted on
   * its own, so a failure is answered exactly as without batching.
   */
  private void post(List<LoanQueue.Job<Request, Transaction>> batch) {
    if (batch.size() == 1) {
      LoanQueue.Job<Request, Transaction> job = batch.get(0);
      job.complete(() -> createAlone(job.request()));
      return;
    }
    try {
      jdbi.useTransaction(
          h -> {
            Follow follow = new Follow();
            for (LoanQueue.Job<Request, Transaction> job : batch) {
              Request r = job.request();
              try {
                job.succeed(createIn(h, r.partnerId(), r.request(), r.plan(), r.clock(), follow));
              } catch (DomainException refusal) {
                job.fail(refusal);
              }
            }
            if (follow.at != null) {
              follower.posted(h, follow.loanId, follow.at, follow.applied);
            }
          });
    } catch (RuntimeException failed) {
      for (LoanQueue.Job<Request, Transaction> job : batch) {
        job.complete(() -> createAlone(job.request()));
      }
    }
  }

  /** The request in a database transaction of its own. */
  private Transaction createAlone(Request r) {
    long partnerId = r.partnerId();
    TransactionRequest request = r.request();
    try {
      return jdbi.inTransaction(h -> createIn(h, partnerId, request, r.plan(), r.clock(), null));
    } catch (UnableToExecuteStatementException e) {
      if (!violates(e, ONE_TRANSACTION_PER_KEY)) {
        throw e;
      }
      try {
        return jdbi.withHandle(h -> findByKey(h, partnerId, request.idempotencyKey()))
            .map(winner -> TransactionPolicy.replay(winner, request))
            .orElseThrow(() -> e);
      } catch (UnableToExecuteStatementException aborted) {
        if (!inFailedTransaction(aborted)) {
          throw aborted;
        }
        // An enclosing transaction (an Idempotency-Key) was aborted by the failed insert, so the
        // winner cannot be read; the loser is refused as a different request.
        throw new ConflictException(TransactionPolicy.KEY_REUSED);
      }
    }
  }

  /**
   * What {@link #create} does inside its transaction, on the caller's open handle, so another use
   * case (a pay-as-you-go payment) commits or rolls back its own rows and the posting together. A
   * unique-key race is not recovered here: the caller's whole transaction fails.
   */
  public TransactionBook.Applier within(Handle h) {
    return (partnerId, request, plan, clock) -> createIn(h, partnerId, request, plan, clock, null);
  }

  /**
   * The latest posting of a batch and every transaction the batch applied, whose follower runs once
   * after the batch's last posting: it follows from the loan's applied transactions, so running it
   * after each posting of the batch would leave the same rows.
   */
  private static final class Follow {
    @Nullable private UUID loanId;
    @Nullable private Instant at;
    private final List<Applied> applied = new ArrayList<>();
  }

  /**
   * {@link #create}'s work on {@code h}; the follower runs after the posting, or, with {@code
   * follow}, is left to the caller, which is told the loan and time.
   */
  private Transaction createIn(
      Handle h,
      long partnerId,
      TransactionRequest request,
      Function<LoanContext, List<Posting>> plan,
      Supplier<Instant> clock,
      @Nullable Follow follow) {
    // The key's look-up and the loan's lock are one statement; the key is read as of before the
    // lock, and the whole transaction only when the key is taken (a repeated request).
    LoanRepository.Locked locked =
        loans.lockWithKey(h, partnerId, request.loanId(), request.idempotencyKey());
    Optional<Transaction> existing =
        locked.keyed() == null ? Optional.empty() : find(h, partnerId, locked.keyed());
    if (existing.isPresent() && request.fingerprint().equals(existing.get().fingerprint())) {
      return existing.get();
    }
    Loan loan = locked.loan().orElseThrow(() -> TransactionPolicy.loanNotFound(request));
    if (existing.isPresent()) {
      return TransactionPolicy.replay(existing.get(), request);
    }
    List<Posting> postings;
    try {
      postings = plan.apply(context(h, loan));
    } catch (DomainException refusal) {
      Optional<Transaction> winner = findByKey(h, partnerId, request.idempotencyKey());
      if (winner.isPresent()) {
        return TransactionPolicy.replay(winner.get(), request);
      }
      throw refusal;
    }
    Instant now = clock.get();
    Transaction first = apply(h, partnerId, loan, postings, now);
    List<Applied> applied =
        postings.stream()
            .map(p -> new Applied(p.type(), p.amount(), p.effect().change().fee(), now))
            .toList();
    if (follow == null) {
      follower.posted(h, loan.id(), now, applied);
    } else {
      follow.loanId = loan.id();
      follow.at = now;
      follow.applied.addAll(applied);
    }
    return first;
  }

  public Optional<Transaction> find(long partnerId, UUID id) {
    return jdbi.withHandle(h -> find(h, partnerId, id));
  }

  /**
   * In one transaction: locks the loan of the partner's transaction, asks {@code plan} for the
   * reversals of it and of everything applied after it (it may refuse by throwing), and stores
   * them: a reversal row per original, the original marked reverted and linked both ways, the
   * mirror journal entries, and the loan's restored state. Returns the target as stored afterwards;
   * empty when the partner has no such transaction.
   */
  public Optional<Transaction> revert(
      long partnerId, UUID id, RevertPlanner plan, Supplier<Instant> clock) {
    return jdbi.inTransaction(
        h -> {
          Optional<UUID> loanId =
              h.createQuery(
                      "SELECT t.loan_id FROM loan_transaction t"
                          + " WHERE t.id = :id AND t.partner_id = :partner")
                  .bind("id", id)
                  .bind("partner", partnerId)
                  .mapTo(UUID.class)
                  .findOne();
          if (loanId.isEmpty()) {
            return Optional.empty();
          }
          Loan loan =
              loans
                  .lock(h, partnerId, loanId.get())
                  .orElseThrow(() -> new IllegalStateException("transaction without its loan"));
          Transaction target = find(h, partnerId, id).orElseThrow();
          List<Transaction> later =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM loan_transaction t WHERE t.loan_id = :loan AND t.seq > :seq"
                          + " ORDER BY t.seq DESC")
                  .bind("loan", loan.id())
                  .bind("seq", target.seq())
                  .map(TRANSACTION)
                  .list();
          List<Reversal> reversals =
              plan.plan(
                  context(h, loan),
                  target,
                  later,
                  original ->
                      ledger
                          .entryOf(h, original)
                          .orElseThrow(
                              () -> new IllegalStateException("applied without an entry")));
          Instant now = clock.get();
          Reversal last = null;
          for (Reversal reversal : reversals) {
            Transaction stored = insertReversal(h, partnerId, reversal, now);
            h.createUpdate(
                    "UPDATE loan_transaction SET status = 'reverted', reverted_at = :now,"
                        + " related_transaction_id = :reversal, updated_at = :now"
                        + " WHERE id = :id AND status = 'applied'")
                .bind("now", utc(now))
                .bind("reversal", stored.id())
                .bind("id", reversal.original().id())
                .execute();
            ledger.post(
                h,
                partnerId,
                loan.id(),
                stored.id(),
                loan.terms().currency(),
                reversal.entry(),
                now);
            last = reversal;
          }
          if (last != null) {
            loans.post(h, partnerId, loan.id(), last.after(), last.lastTransactionAfter(), now);
            follower.posted(h, loan.id(), now, null);
          }
          return find(h, partnerId, id);
        });
  }

  /** What {@link #revert} asks for the reversals; see {@link RevertPolicy#plan}. */
  @FunctionalInterface
  public interface RevertPlanner {
    List<Reversal> plan(
        LoanContext context,
        Transaction target,
        List<Transaction> later,
        Function<UUID, JournalEntry> entries);
  }

  /**
   * The page of the partner's transactions {@code query} selects and the count of all that match,
   * both read from one snapshot.
   */
  public TransactionPage list(long partnerId, CompiledQuery query) {
    PartnerPage<Transaction> page =
        PartnerLists.fetch(jdbi, partnerId, query, COLUMNS, LIST_FROM, TRANSACTION);
    return new TransactionPage(page.count(), page.results());
  }

  /** The page query; binds {@code partner}, {@code limit}, {@code offset} and the filters. */
  static String pageSql(CompiledQuery query) {
    return PartnerLists.pageSql(query, COLUMNS, LIST_FROM);
  }

  /**
   * Stores the postings in order and the loan's state after the last; returns the first. The caller
   * runs the follower.
   */
  private Transaction apply(
      Handle h, long partnerId, Loan loan, List<Posting> postings, Instant now) {
    UUID previous = loan.lastTransaction();
    if (postings.size() == 1 && !postings.get(0).entry().lines().isEmpty()) {
      return applyOne(h, partnerId, loan, postings.get(0), previous, now);
    }
    List<Transaction> stored = new ArrayList<>();
    for (Posting posting : postings) {
      Transaction t = insert(h, partnerId, loan.id(), posting, previous, now);
      ledger.post(h, partnerId, loan.id(), t.id(), loan.terms().currency(), posting.entry(), now);
      stored.add(t);
      previous = t.id();
    }
    loans.post(h, partnerId, loan.id(), postings.get(postings.size() - 1).after(), previous, now);
    return stored.get(0);
  }

  /**
   * The loan with its product's fees and the total of its applied disbursements, each read (in
   * {@code h}'s transaction) when a policy first asks for it.
   */
  private static LoanContext context(Handle h, Loan loan) {
    return new LoanContext(
        loan, () -> productFees(h, loan), () -> disbursed(h, loan), () -> creditLine(h, loan));
  }

  private static List<DefaultFee> productFees(Handle h, Loan loan) {
    return h.createQuery(
            "SELECT name, type, amount, event FROM product_fee WHERE product_id = :product"
                + " ORDER BY position")
        .bind("product", loan.terms().productId())
        .map(
            (rs, ctx) ->
                new DefaultFee(
                    rs.getString("name"),
                    DefaultFee.Type.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                    rs.getBigDecimal("amount"),
                    DefaultFee.Event.valueOf(rs.getString("event").toUpperCase(Locale.ROOT))))
        .list();
  }

  /** Whether the loan's product is revolving credit, whose limit renews as it is repaid. */
  private static boolean creditLine(Handle h, Loan loan) {
    return h.createQuery(
            "SELECT p.type = 'revolving_credit' FROM loan l JOIN product p ON p.id = l.product_id"
                + " WHERE l.id = :loan")
        .bind("loan", loan.id())
        .mapTo(Boolean.class)
        .one();
  }

  private static BigDecimal disbursed(Handle h, Loan loan) {
    return h.createQuery(
            "SELECT coalesce(sum(amount), 0) FROM loan_transaction"
                + " WHERE loan_id = :loan AND type = 'disbursement' AND status = 'applied'")
        .bind("loan", loan.id())
        .mapTo(BigDecimal.class)
        .one()
        .setScale(2);
  }

  /** A posting's transaction row; returns it. */
  private static final String INSERT =
      "INSERT INTO loan_transaction AS t (partner_id, loan_id, type, status, amount,"
          + " fee_name, fee_type, custom_fee_amount, idempotency_key,"
          + " request_fingerprint, custom_field, previous_transaction_id,"
          + " related_transaction_id, completed_at, status_before, result_loan_status,"
          + " result_outstanding_balance, affected_loan_principal,"
          + " affected_loan_interest, affected_loan_fee, affected_pending_principal,"
          + " affected_pending_interest, affected_pending_fee, created_at,"
          + " updated_at) VALUES (:partner, :loan, :type, 'applied', :amount,"
          + " :feeName, :feeType, :customFeeAmount, :key, :fingerprint,"
          + " :customField, CAST(:previous AS uuid), NULL, :now, :statusBefore, :resultStatus,"
          + " :resultOutstanding, :principal, :interest, :fee, :pendingPrincipal,"
          + " :pendingInterest, :pendingFee, :now, :now) RETURNING "
          + COLUMNS;

  /**
   * A lone posting in one statement: its transaction row ({@code tx}), its journal entry and the
   * loan's new state, each written as {@link #insert}, {@link LedgerRepository#post} and {@link
   * LoanRepository#post} would; the foreign keys and the journal's balance are checked at the end
   * of the statement as at the end of each of those.
   */
  private Transaction applyOne(
      Handle h, long partnerId, Loan loan, Posting p, @Nullable UUID previous, Instant now) {
    String sql =
        "WITH tx AS ("
            + INSERT
            + "), "
            + LedgerRepository.entryItems("(SELECT id FROM tx)", p.entry().lines().size())
            + ", "
            + LoanRepository.postedItem("(SELECT id FROM tx)")
            + " SELECT * FROM tx t";
    Query q = bindInsert(h.createQuery(sql), partnerId, loan.id(), p, previous, now);
    LedgerRepository.bindEntry(q, loan.terms().currency(), p.entry(), now);
    LoanRepository.bindPosted(q, p.after());
    return q.map(TRANSACTION).one();
  }

  private static Transaction insert(
      Handle h, long partnerId, UUID loanId, Posting p, @Nullable UUID previous, Instant now) {
    return bindInsert(h.createQuery(INSERT), partnerId, loanId, p, previous, now)
        .map(TRANSACTION)
        .one();
  }

  /** Binds {@link #INSERT}'s parameters. */
  private static Query bindInsert(
      Query q, long partnerId, UUID loanId, Posting p, @Nullable UUID previous, Instant now) {
    return bindEffect(q, p.effect())
        .bind("partner", partnerId)
        .bind("loan", loanId)
        .bind("type", p.type().code())
        .bind("amount", p.amount())
        .bind("feeName", p.feeName())
        .bind("feeType", p.feeType() == null ? null : p.feeType().code())
        .bind("customFeeAmount", p.customFeeAmount())
        .bind("key", p.idempotencyKey())
        .bind("fingerprint", p.fingerprint())
        .bind("customField", p.customField())
        .bind("previous", previous)
        .bind("now", utc(now));
  }

  /** The reversal row: the original's type, amount and fee, linked to it, with its own effect. */
  private static Transaction insertReversal(
      Handle h, long partnerId, Reversal reversal, Instant now) {
    Transaction o = reversal.original();
    return bindEffect(
            h.createQuery(
                "INSERT INTO loan_transaction AS t (partner_id, loan_id, type, status, amount,"
                    + " fee_name, fee_type, custom_fee_amount, related_transaction_id,"
                    + " completed_at, status_before, result_loan_status,"
                    + " result_outstanding_balance, affected_loan_principal,"
                    + " affected_loan_interest, affected_loan_fee, affected_pending_principal,"
                    + " affected_pending_interest, affected_pending_fee, created_at,"
                    + " updated_at) VALUES (:partner, :loan, :type, 'reversal', :amount,"
                    + " :feeName, :feeType, :customFeeAmount, :original, :now, :statusBefore,"
                    + " :resultStatus, :resultOutstanding, :principal, :interest, :fee,"
                    + " :pendingPrincipal, :pendingInterest, :pendingFee, :now, :now)"
                    + " RETURNING "
                    + COLUMNS),
            reversal.effect())
        .bind("partner", partnerId)
        .bind("loan", o.loanId())
        .bind("type", o.type().code())
        .bind("amount", o.amount())
        .bind("feeName", o.feeName())
        .bind("feeType", o.feeType() == null ? null : o.feeType().code())
        .bind("customFeeAmount", o.customFeeAmount())
        .bind("original", o.id())
        .bind("now", utc(now))
        .map(TRANSACTION)
        .one();
  }

  private static <S extends SqlStatement<S>> S bindEffect(S statement, Effect e) {
    BalanceChange c = e.change();
    return statement
        .bind("statusBefore", e.statusBefore().code())
        .bind("resultStatus", e.resultStatus().code())
        .bind("resultOutstanding", e.resultOutstanding())
        .bind("principal", c.principal())
        .bind("interest", c.interest())
        .bind("fee", c.fee())
        .bind("pendingPrincipal", c.pendingPrincipal())
        .bind("pendingInterest", c.pendingInterest())
        .bind("pendingFee", c.pendingFee());
  }

  private static Optional<Transaction> find(Handle h, long partnerId, UUID id) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM loan_transaction t WHERE t.id = :id AND t.partner_id = :partner")
        .bind("id", id)
        .bind("partner", partnerId)
        .map(TRANSACTION)
        .findOne();
  }

  private static Optional<Transaction> findByKey(Handle h, long partnerId, String key) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM loan_transaction t"
                + " WHERE t.partner_id = :partner AND t.idempotency_key = :key")
        .bind("partner", partnerId)
        .bind("key", key)
        .map(TRANSACTION)
        .findOne();
  }

  private static Transaction map(ResultSet rs) throws SQLException {
    TransactionStatus status = TransactionStatus.byCode(rs.getString("status")).orElseThrow();
    Effect effect = null;
    if (status != TransactionStatus.PENDING) {
      effect =
          new Effect(
              new BalanceChange(
                  rs.getBigDecimal("affected_loan_principal"),
                  rs.getBigDecimal("affected_loan_interest"),
                  rs.getBigDecimal("affected_loan_fee"),
                  rs.getBigDecimal("affected_pending_principal"),
                  rs.getBigDecimal("affected_pending_interest"),
                  rs.getBigDecimal("affected_pending_fee")),
              LoanStatus.byCode(rs.getString("status_before")).orElseThrow(),
              LoanStatus.byCode(rs.getString("result_loan_status")).orElseThrow(),
              rs.getBigDecimal("result_outstanding_balance"));
    }
    String feeType = rs.getString("fee_type");
    BigDecimal custom = rs.getBigDecimal("custom_fee_amount");
    DefaultFee.Type type =
        feeType == null ? null : DefaultFee.Type.valueOf(feeType.toUpperCase(Locale.ROOT));
    if (custom != null) {
      custom =
          type == DefaultFee.Type.FLAT
              ? custom.setScale(2, RoundingMode.UNNECESSARY)
              : Decimals.percentage(custom);
    }
    return new Transaction(
        rs.getObject("id", UUID.class),
        rs.getObject("loan_id", UUID.class),
        rs.getLong("seq"),
        TransactionType.byCode(rs.getString("type")).orElseThrow(),
        status,
        rs.getBigDecimal("amount"),
        rs.getString("fee_name"),
        type,
        custom,
        rs.getString("idempotency_key"),
        rs.getString("request_fingerprint"),
        rs.getString("custom_field"),
        rs.getObject("previous_transaction_id", UUID.class),
        rs.getObject("related_transaction_id", UUID.class),
        instant(rs, "completed_at"),
        instant(rs, "reverted_at"),
        effect,
        rs.getObject("statement_id", UUID.class),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  /** The statement was refused because its transaction had already failed (SQLSTATE 25P02). */
  private static boolean inFailedTransaction(UnableToExecuteStatementException e) {
    return e.getCause() instanceof SQLException sql && "25P02".equals(sql.getSQLState());
  }

  /** Whether the statement failed on the named unique constraint. */
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
