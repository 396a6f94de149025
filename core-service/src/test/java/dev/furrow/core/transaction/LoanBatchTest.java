package dev.furrow.core.transaction;

import static dev.furrow.core.transaction.Lender.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.error.ConflictException;
import dev.furrow.core.ledger.LedgerRepository;
import dev.furrow.core.loan.LoanRepository;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.TransactionInput.Builder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests for one loan queued behind a posting in progress are posted together. */
class LoanBatchTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private Lender lender;
  private Product product;
  private TransactionRepository repository;
  private TransactionBook book;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    lender = Lender.newPartner(core, "batch");
    product = lender.product();
    Jdbi jdbi = core.server().jdbi();
    LedgerRepository ledger = new LedgerRepository(jdbi);
    repository = new TransactionRepository(jdbi, new LoanRepository(jdbi, ledger), ledger);
    book =
        new TransactionBook(
            repository,
            new TransactionPolicy(),
            new PostingPolicy(),
            new RevertPolicy(),
            Clock.systemUTC());
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  @Test
  void queuedRequestsArePostedInOneTransactionInArrivalOrderEachWithItsOwnAnswer()
      throws Exception {
    Loan loan = lender.openLoan(product, "100000");
    lender.disburse(loan, "1000");
    UUID loanId = UUID.fromString(loan.getId());
    Builder first = request(loan, "repayment", "10");
    Builder second = request(loan, "repayment", "20");
    Builder tooMuch = request(loan, "repayment", "5000");
    Builder third = request(loan, "repayment", "30");
    Builder secondsKeyReused =
        request(loan, "repayment", "21").setIdempotencyKey(second.getIdempotencyKey());
    List<Builder> queued = List.of(second, second, tooMuch, third, secondsKeyReused);

    List<Future<Transaction>> answers = new ArrayList<>();
    Future<Transaction> leader;
    try (Handle holder = core.server().jdbi().open()) {
      // Something else holds the loan, so the first request waits for it with the loan's turn
      // and the others queue behind it.
      holder.begin();
      holder
          .createQuery("SELECT id FROM loan WHERE id = :id FOR UPDATE")
          .bind("id", loanId)
          .mapTo(UUID.class)
          .one();
      leader = submit(first);
      awaitBlockedOnALock();
      for (int i = 0; i < queued.size(); i++) {
        answers.add(submit(queued.get(i)));
        awaitWaiting(loanId, i + 1);
      }
      holder.rollback();
    }

    Transaction a = leader.get(30, TimeUnit.SECONDS);
    Transaction b = answers.get(0).get(30, TimeUnit.SECONDS);
    assertThat(answers.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(b);
    assertThatThrownBy(() -> answers.get(2).get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("Amount exceeds what the loan owes; at most ");
    Transaction d = answers.get(3).get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> answers.get(4).get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ConflictException.class)
        .hasMessage(TransactionPolicy.KEY_REUSED);

    // In arrival order, each posted on the loan as the one before it left it.
    assertThat(b.previousTransaction()).isEqualTo(a.id());
    assertThat(d.previousTransaction()).isEqualTo(b.id());
    assertThat(a.effect().resultOutstanding().subtract(b.effect().resultOutstanding()))
        .isEqualByComparingTo("20.00");
    assertThat(b.effect().resultOutstanding().subtract(d.effect().resultOutstanding()))
        .isEqualByComparingTo("30.00");
    assertThat(lender.loan(loan.getId()).getLastTransaction()).isEqualTo(d.id().toString());
    // The queued ones were one database transaction, the first one its own.
    assertThat(writers(b.id(), d.id())).hasSize(1);
    assertThat(writers(a.id(), b.id())).hasSize(2);
    assertThat(lender.list("loan", loan.getId(), "type", "repayment").getResultsList()).hasSize(3);
    lender.assertLedgerConsistent(loan);
    assertThat(repository.waiting(loanId)).isZero();
  }

  @Test
  void aFailureOfTheBatchPostsEachRequestOnItsOwn() throws Exception {
    Loan loan = lender.openLoan(product, "100000");
    lender.disburse(loan, "1000");
    Loan other = lender.openLoan(product, "100000");
    lender.disburse(other, "1000");
    UUID loanId = UUID.fromString(loan.getId());
    Builder first = request(loan, "repayment", "10");
    Builder second = request(loan, "repayment", "20");
    // Its key is taken on the other loan while the batch inserts it: the batch rolls back, the
    // requests are posted one by one, and this one is answered from the winner.
    Builder raced = request(loan, "repayment", "40");
    Builder third = request(loan, "repayment", "30");

    List<Future<Transaction>> answers = new ArrayList<>();
    Future<Transaction> leader;
    UUID winnerId;
    try (Handle holder = core.server().jdbi().open()) {
      holder.begin();
      holder
          .createQuery("SELECT id FROM loan WHERE id = :id FOR UPDATE")
          .bind("id", loanId)
          .mapTo(UUID.class)
          .one();
      leader = submit(first);
      awaitBlockedOnALock();
      for (Builder r : List.of(second, raced, third)) {
        answers.add(submit(r));
        awaitWaiting(loanId, answers.size());
      }
      try (Handle racer = core.server().jdbi().open()) {
        // Another request with the same key, on the other loan, has written its row but not
        // committed yet.
        racer.begin();
        UUID winner =
            racer
                .createQuery(
                    "INSERT INTO loan_transaction (partner_id, loan_id, type, status, amount,"
                        + " idempotency_key, request_fingerprint, created_at, updated_at)"
                        + " VALUES (:partner, :loan, 'repayment', 'pending', 40, :key,"
                        + " :fingerprint, now(), now()) RETURNING id")
                .bind("partner", lender.partnerId)
                .bind("loan", UUID.fromString(other.getId()))
                .bind("key", raced.getIdempotencyKey())
                .bind("fingerprint", validate(raced).fingerprint())
                .mapTo(UUID.class)
                .one();
        winnerId = winner;
        holder.rollback();
        awaitBlockedOnALock("INSERT INTO loan_transaction");
        racer.commit();
      }
    }

    Transaction a = leader.get(30, TimeUnit.SECONDS);
    Transaction b = answers.get(0).get(30, TimeUnit.SECONDS);
    assertThat(answers.get(1).get(30, TimeUnit.SECONDS).id()).isEqualTo(winnerId);
    Transaction d = answers.get(2).get(30, TimeUnit.SECONDS);
    assertThat(b.previousTransaction()).isEqualTo(a.id());
    assertThat(d.previousTransaction()).isEqualTo(b.id());
    assertThat(writers(b.id(), d.id())).hasSize(2);
    assertThat(lender.loan(loan.getId()).getPrincipal()).isEqualTo("940.00");
    assertThat(lender.loan(other.getId()).getPrincipal()).isEqualTo("1000.00");
    lender.assertLedgerConsistent(loan);
  }

  private Future<Transaction> submit(Builder r) {
    TransactionInput input = TransactionProtoMapper.toInput(r);
    return pool.submit(() -> book.create(lender.partnerId, input));
  }

  private static TransactionRequest validate(Builder r) {
    return new TransactionPolicy().validate(TransactionProtoMapper.toInput(r));
  }

  /** The distinct database transactions that wrote the given transaction rows. */
  private static List<String> writers(UUID... ids) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT DISTINCT xmin::text FROM loan_transaction WHERE id = ANY(:ids)")
                    .bind("ids", ids)
                    .mapTo(String.class)
                    .list());
  }

  private void awaitWaiting(UUID loanId, int count) throws InterruptedException {
    for (int i = 0; i < 1000 && repository.waiting(loanId) < count; i++) {
      Thread.sleep(10);
    }
    assertThat(repository.waiting(loanId)).isEqualTo(count);
  }

  /** Waits until a connection of the test database waits for a lock held by another. */
  private static void awaitBlockedOnALock() throws InterruptedException {
    awaitBlockedOnALock("");
  }

  /** Waits until a statement containing {@code statement} waits for a lock held by another. */
  private static void awaitBlockedOnALock(String statement) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      long waiting =
          core.server()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM pg_stat_activity"
                                  + " WHERE datname = current_database()"
                                  + " AND wait_event_type = 'Lock'"
                                  + " AND strpos(query, :statement) > 0")
                          .bind("statement", statement)
                          .mapTo(Long.class)
                          .one());
      if (waiting > 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("nothing blocked on a lock");
  }
}
