package dev.furrow.core.transaction;

import static dev.furrow.core.GrpcAssertions.assertConflict;
import static dev.furrow.core.transaction.Lender.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionIdempotencyTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static final String KEY_REUSED = "Idempotency key already used for a different request.";

  private Lender lender;
  private Product product;

  @BeforeEach
  void newPartner() {
    lender = Lender.newPartner(core, "idempotency");
    product = lender.product();
  }

  @Test
  void theSameRequestWithTheSameKeyReturnsTheOriginalWithoutASecondEffect() {
    Loan loan = lender.openLoan(product, "100000");
    TransactionInput.Builder disbursement =
        request(loan, "disbursement", "50000").setCustomField("batch 7");
    Transaction first = lender.create(disbursement);

    Transaction again = lender.create(disbursement);
    // The same amount written differently is the same request.
    Transaction written = lender.create(disbursement.clone().setAmount("50000.0"));

    assertThat(again).isEqualTo(first);
    assertThat(written).isEqualTo(first);
    assertThat(lender.loan(loan.getId()).getPrincipal()).isEqualTo("50000.00");
    assertThat(lender.history(loan)).hasSize(1);

    // A replay answers with the transaction as it is now, even after a revert or a closing rule.
    lender.revert(first.getId());
    Transaction replayed = lender.create(disbursement);
    assertThat(replayed.getId()).isEqualTo(first.getId());
    assertThat(replayed.getStatus()).isEqualTo("reverted");
    assertThat(lender.loan(loan.getId()).getPrincipal()).isEqualTo("0.00");
    lender.assertLedgerConsistent(loan);
  }

  @Test
  void theSameKeyWithADifferentRequestIsRefused() {
    Loan loan = lender.openLoan(product, "100000");
    Loan other = lender.openLoan(product, "100000");
    TransactionInput.Builder disbursement = request(loan, "disbursement", "50000");
    lender.create(disbursement);

    assertConflict(() -> lender.create(disbursement.clone().setAmount("50000.01")), KEY_REUSED);
    assertConflict(() -> lender.create(disbursement.clone().setCustomField("")), KEY_REUSED);
    assertConflict(() -> lender.create(disbursement.clone().setLoan(other.getId())), KEY_REUSED);
    assertConflict(() -> lender.create(disbursement.clone().setType("repayment")), KEY_REUSED);
    assertThat(lender.loan(other.getId()).getPrincipal()).isEqualTo("0.00");

    // Keys belong to a partner: another partner may use the same one.
    Lender second = Lender.newPartner(core, "idempotency-other");
    Loan theirs = second.openLoan(second.product(), "100000");
    Transaction their =
        second.create(
            request(theirs, "disbursement", "100")
                .setIdempotencyKey(disbursement.getIdempotencyKey()));
    assertThat(their.getAmount()).isEqualTo("100.00");
  }

  @Test
  void aRefusedRequestLeavesItsKeyUnused() {
    Loan loan = lender.openLoan(product, "100000");
    TransactionInput.Builder tooMuch = request(loan, "disbursement", "100000.01");
    assertConflict(
        () -> lender.create(tooMuch),
        "Amount exceeds what is left to disburse; at most 100000.00 can still be disbursed.");

    Transaction fixed = lender.create(tooMuch.clone().setAmount("100000"));

    assertThat(fixed.getIdempotencyKey()).isEqualTo(tooMuch.getIdempotencyKey());
  }

  @Test
  void tenRacingRequestsWithOneKeyMakeOneTransaction() throws Exception {
    Loan loan = lender.openLoan(product, "100000");
    TransactionInput.Builder disbursement = request(loan, "disbursement", "25000");

    List<String> outcomes = race(10, i -> () -> lender.create(disbursement).getId());

    assertThat(outcomes).hasSize(10).containsOnly(outcomes.get(0));
    assertThat(lender.history(loan)).hasSize(1);
    assertThat(lender.loan(loan.getId()).getPrincipal()).isEqualTo("25000.00");
    lender.assertLedgerConsistent(loan);
  }

  @Test
  void racingRequestsWithOneKeyForDifferentLoansMakeOneTransaction() throws Exception {
    List<Loan> loans = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      loans.add(lender.openLoan(product, "100000"));
    }
    String key = Lender.newKey();

    List<String> outcomes =
        race(
            8,
            i ->
                () -> {
                  try {
                    return lender
                        .create(
                            request(loans.get(i % 4), "disbursement", "100").setIdempotencyKey(key))
                        .getLoan();
                  } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode() + " " + e.getStatus().getDescription();
                  }
                });

    String winner =
        outcomes.stream()
            .filter(o -> !o.startsWith("FAILED_PRECONDITION"))
            .findFirst()
            .orElseThrow();
    assertThat(outcomes)
        .allMatch(o -> o.equals(winner) || o.equals("FAILED_PRECONDITION " + KEY_REUSED));
    assertThat(lender.list("idempotency_key", key).getResultsList()).hasSize(1);
  }

  @Test
  void aRequestThatLosesTheRaceAtTheUniqueKeyIsAnsweredFromTheWinner() throws Exception {
    Loan first = lender.openLoan(product, "100000");
    Loan second = lender.openLoan(product, "100000");
    TransactionInput.Builder sameRequest = request(second, "disbursement", "700");
    String fingerprint =
        new TransactionPolicy().validate(TransactionProtoMapper.toInput(sameRequest)).fingerprint();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Handle winner = core.server().jdbi().open()) {
      // The winner has written its row under the key but not committed yet.
      winner.begin();
      UUID winnerId =
          winner
              .createQuery(
                  "INSERT INTO loan_transaction (partner_id, loan_id, type, status, amount,"
                      + " idempotency_key, request_fingerprint, created_at, updated_at)"
                      + " VALUES (:partner, :loan, 'disbursement', 'pending', 700, :key,"
                      + " :fingerprint, now(), now()) RETURNING id")
              .bind("partner", lender.partnerId)
              .bind("loan", UUID.fromString(first.getId()))
              .bind("key", sameRequest.getIdempotencyKey())
              .bind("fingerprint", fingerprint)
              .mapTo(UUID.class)
              .one();
      Future<Transaction> loser = pool.submit(() -> lender.create(sameRequest));
      awaitBlockedOnALock();
      winner.commit();

      assertThat(loser.get(30, TimeUnit.SECONDS).getId()).isEqualTo(winnerId.toString());
    } finally {
      pool.shutdownNow();
    }
    assertThat(lender.loan(second.getId()).getPrincipal()).isEqualTo("0.00");
    lender.assertLedgerConsistent(second);
  }

  @Test
  void aLoserAtTheUniqueKeyInsideAnIdempotencyKeyCallIsRefusedAsADifferentRequest()
      throws Exception {
    Loan first = lender.openLoan(product, "100000");
    Loan second = lender.openLoan(product, "100000");
    TransactionInput.Builder onSecond = request(second, "disbursement", "700");
    Metadata header = new Metadata();
    header.put(Caller.IDEMPOTENCY_KEY, "header-" + onSecond.getIdempotencyKey());
    var withHeader =
        lender.transactions.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(header));
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Handle winner = core.server().jdbi().open()) {
      // A request on the first loan has written its row under the key but not committed yet.
      winner.begin();
      winner
          .createUpdate(
              "INSERT INTO loan_transaction (partner_id, loan_id, type, status, amount,"
                  + " idempotency_key, request_fingerprint, created_at, updated_at)"
                  + " VALUES (:partner, :loan, 'disbursement', 'pending', 700, :key,"
                  + " :fingerprint, now(), now())")
          .bind("partner", lender.partnerId)
          .bind("loan", UUID.fromString(first.getId()))
          .bind("key", onSecond.getIdempotencyKey())
          .bind("fingerprint", "0".repeat(64))
          .execute();
      Future<Transaction> loser =
          pool.submit(
              () ->
                  withHeader.createTransaction(
                      CreateTransactionRequest.newBuilder().setTransaction(onSecond).build()));
      awaitBlockedOnALock();
      winner.commit();

      assertThatThrownBy(() -> loser.get(30, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
                assertThat(e.getStatus().getDescription()).isEqualTo(KEY_REUSED);
              });
    } finally {
      pool.shutdownNow();
    }
    assertThat(lender.loan(second.getId()).getPrincipal()).isEqualTo("0.00");
    long remembered =
        core.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM idempotent_request WHERE partner_id = :p")
                        .bind("p", lender.partnerId)
                        .mapTo(Long.class)
                        .one());
    assertThat(remembered).isZero();
    lender.assertLedgerConsistent(second);
  }

  /** Waits until a connection of the test database waits for a lock held by another. */
  private static void awaitBlockedOnALock() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      long waiting =
          core.server()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT count(*) FROM pg_stat_activity"
                                  + " WHERE datname = current_database()"
                                  + " AND wait_event_type = 'Lock'")
                          .mapTo(Long.class)
                          .one());
      if (waiting > 0) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no request blocked at the unique key");
  }

  @Test
  void fiftyConcurrentRepaymentsRetriedWithTheirKeysApplyExactlyOnceEach() throws Exception {
    Loan loan = lender.openLoan(product, "1000000");
    lender.disburse(loan, "1000000");
    List<TransactionInput.Builder> repayments = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 1; i <= 50; i++) {
      String amount = new BigDecimal(i * 1000 + i).movePointLeft(2).toPlainString(); // 10.01 ...
      repayments.add(request(loan, "repayment", amount));
      total = total.add(new BigDecimal(amount));
    }
    // Every request three times: the first try and two retries, all at once and shuffled.
    List<TransactionInput.Builder> calls = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      calls.addAll(repayments);
    }
    Collections.shuffle(calls, new Random(42));

    List<String> ids = race(calls.size(), i -> () -> lender.create(calls.get(i)).getId());

    assertThat(ids.stream().distinct()).hasSize(50);
    List<Transaction> applied =
        lender.list("loan", loan.getId(), "type", "repayment").getResultsList();
    assertThat(applied).hasSize(50).allMatch(t -> t.getStatus().equals("applied"));
    assertThat(total).isEqualByComparingTo("12762.75");
    Loan after = lender.loan(loan.getId());
    assertThat(after.getPrincipal()).isEqualTo("987237.25");
    // Postings took turns: each one's outstanding follows the previous one's.
    List<Transaction> history = lender.history(loan);
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).getPreviousTransaction()).isEqualTo(history.get(i - 1).getId());
      assertThat(
              new BigDecimal(history.get(i - 1).getResultOutstandingBalance())
                  .add(new BigDecimal(history.get(i).getAffectedLoanPrincipal())))
          .isEqualByComparingTo(history.get(i).getResultOutstandingBalance());
    }
    assertThat(after.getLastTransaction()).isEqualTo(history.get(history.size() - 1).getId());
    lender.assertLedgerConsistent(loan);
  }

  /** Runs {@code calls} calls at once on as many threads; returns their results in call order. */
  private static List<String> race(int calls, IntFunction<Callable<String>> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(calls, 32));
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        Callable<String> task = call.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
