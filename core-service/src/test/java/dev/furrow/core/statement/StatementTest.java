package dev.furrow.core.statement;

import static dev.furrow.core.LoanOpening.fee;
import static dev.furrow.core.cob.Books.close;
import static dev.furrow.core.cob.Books.footprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.cob.Books;
import dev.furrow.core.cob.StepOutcome;
import dev.furrow.proto.lending.v1.CloseOfBusinessRun;
import dev.furrow.proto.lending.v1.CloseOfBusinessStepRun;
import dev.furrow.proto.lending.v1.GetStatementRequest;
import dev.furrow.proto.lending.v1.GetTransactionRequest;
import dev.furrow.proto.lending.v1.ListLoanStatementsRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessResponse;
import dev.furrow.proto.lending.v1.Statement;
import dev.furrow.proto.lending.v1.StatementPage;
import dev.furrow.proto.lending.v1.StatementServiceGrpc;
import dev.furrow.proto.lending.v1.StatementTransaction;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revolving credit statements through close of business. One product: statement day 25, minimum due
 * on the 10th, 5% of the closing balance and at least 500.00, 18.25% interest (100,000.00 accrues
 * 50.00 a day), arrears tolerance 3 days, a 250.00 arrears fee. Five lines, all drawn on 5 January
 * 2026: {@code payer} (100,000.00, pays its minimums), {@code recovers} (10,000.00, pays late),
 * {@code neverPays} (20,000.00), {@code small} (300.00, below the floor) and {@code reversed}
 * (50,000.00, a fee reverted in the next period). Dates are closed in method order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static Books books;
  private static Loan payer;
  private static Loan recovers;
  private static Loan neverPays;
  private static Loan small;
  private static Loan reversed;
  private static Transaction payerDisbursement;
  private static Transaction payerFee;
  private static Transaction payerEarly;
  private static Transaction payerPays;
  private static Transaction reversedFee;

  @BeforeAll
  static void lines() {
    books = Books.newPartner(core, "statements");
    Product product =
        books.product(
            p ->
                p.setType("revolving_credit")
                    .clearInstallments()
                    .clearInterestCalculation()
                    .clearEarlyRepaymentRecalculation()
                    .setDefaultInterestRate("18.25")
                    .setStatementDay(25)
                    .setRepaymentDueDay(10)
                    .setMinimumPaymentPercent("5")
                    .setMinimumPaymentAmount("500.00")
                    .setArrearsTolerance(3),
            fee("Late payment fee", "flat", "250.00", "arrears"));
    payer = books.openLoan(product, "150000");
    payerDisbursement = books.post(payer, "disbursement", "100000.00", "2026-01-05");
    payerFee = books.postFee(payer, "Card fee", "250.00", "2026-01-10");
    recovers = books.openLoan(product, "10000");
    books.post(recovers, "disbursement", "10000.00", "2026-01-05");
    neverPays = books.openLoan(product, "20000");
    books.post(neverPays, "disbursement", "20000.00", "2026-01-05");
    small = books.openLoan(product, "300");
    books.post(small, "disbursement", "300.00", "2026-01-05");
    reversed = books.openLoan(product, "50000");
    books.post(reversed, "disbursement", "50000.00", "2026-01-05");
    reversedFee = books.postFee(reversed, "Card fee", "100.00", "2026-01-20");
    close(core, "2026-01-05");
  }

  @Test
  @Order(1)
  void aDateThatIsNotTheStatementDayGeneratesNone() {
    RunCloseOfBusinessResponse response = close(core, "2026-01-24");

    assertThat(response.getRunsCount()).isEqualTo(19);
    for (CloseOfBusinessRun run : response.getRunsList()) {
      CloseOfBusinessStepRun step = statementStep(run);
      assertThat(step.getRows()).isZero();
      assertThat(step.getAmount()).isEqualTo("0.00");
    }
    assertThat(list(payer, "", "").getPage().getCount()).isZero();
  }

  @Test
  @Order(2)
  void theFirstStatementCoversTheTransactionsFromTheDisbursementToTheStatementDay() {
    // Made after the statement date's end but before it was closed: the next period's, and it
    // pays towards this statement's minimum. 1,000.00 pays the 250.00 fee and 750.00 of the
    // 1,000.00 interest accrued through the 24th.
    payerEarly = books.post(payer, "repayment", "1000.00", "2026-01-26");

    RunCloseOfBusinessResponse response = close(core, "2026-01-25");

    CloseOfBusinessStepRun step = statementStep(response.getRuns(0));
    assertThat(step.getRows()).isEqualTo(5);
    // 101,300.00 + 10,105.00 + 20,210.00 + 303.15 + 50,625.00.
    assertThat(step.getAmount()).isEqualTo("182543.15");

    Statement first = only(payer);
    assertThat(first.getNumber()).isEqualTo(1);
    assertThat(first.getCurrency()).isEqualTo("NGN");
    assertThat(first.getPeriodStart()).isEqualTo("2026-01-05");
    assertThat(first.getPeriodEnd()).isEqualTo("2026-01-25");
    assertThat(first.getDueDate()).isEqualTo("2026-02-10");
    assertThat(first.getOpeningBalance()).isEqualTo("0.00");
    assertThat(first.getDisbursements()).isEqualTo("100000.00");
    assertThat(first.getRepayments()).isEqualTo("0.00");
    assertThat(first.getFees()).isEqualTo("250.00");
    // 21 days (5 to 25 January) of 50.00.
    assertThat(first.getInterest()).isEqualTo("1050.00");
    assertThat(first.getReversals()).isEqualTo("0.00");
    assertThat(first.getClosingPrincipal()).isEqualTo("100000.00");
    assertThat(first.getClosingInterest()).isEqualTo("1050.00");
    assertThat(first.getClosingFee()).isEqualTo("250.00");
    assertThat(first.getClosingBalance()).isEqualTo("101300.00");
    assertThat(first.getPastDueAmount()).isEqualTo("0.00");
    // 5% of 101,300.00 is above the 500.00 floor.
    assertThat(first.getMinimumPayment()).isEqualTo("5065.00");
    assertThat(first.getMinimumPaymentDue()).isEqualTo("5065.00");
    assertThat(first.getMinimumPaid()).isEqualTo("1000.00");
    assertThat(first.getStatus()).isEqualTo("partially_paid");
    assertThat(first.getTransactionsCount()).isZero();

    Statement detailed = get(first.getId());
    assertThat(detailed.getTransactionsList())
        .extracting(StatementTransaction::getId)
        .containsExactly(payerDisbursement.getId(), payerFee.getId());
    StatementTransaction fee = detailed.getTransactions(1);
    assertThat(fee.getType()).isEqualTo("fee");
    assertThat(fee.getStatus()).isEqualTo("applied");
    assertThat(fee.getAmount()).isEqualTo("250.00");
    assertThat(fee.getBalanceChange()).isEqualTo("250.00");
    assertThat(fee.getFeeName()).isEqualTo("Card fee");
    assertThat(fee.getCreatedAt()).isEqualTo("2026-01-10T10:00:00Z");
    assertThat(detailed.getTransactions(0).hasFeeName()).isFalse();
    assertThat(transaction(payerDisbursement).getStatement()).isEqualTo(first.getId());
    assertThat(transaction(payerFee).getStatement()).isEqualTo(first.getId());
    assertThat(transaction(payerEarly).hasStatement()).isFalse();
  }

  @Test
  @Order(3)
  void theMinimumIsThePercentageOrTheFloorButNeverMoreThanTheBalance() {
    Statement recovering = only(recovers);
    // 10,105.00: 5% = 505.25.
    assertThat(recovering.getClosingBalance()).isEqualTo("10105.00");
    assertThat(recovering.getMinimumPayment()).isEqualTo("505.25");
    assertThat(recovering.getStatus()).isEqualTo("open");
    assertThat(recovering.getMinimumPaid()).isEqualTo("0.00");

    Statement unpaid = only(neverPays);
    assertThat(unpaid.getClosingBalance()).isEqualTo("20210.00");
    assertThat(unpaid.getMinimumPayment()).isEqualTo("1010.50");

    // 300.00 + 21 days of 0.15: the 500.00 floor is more than the balance.
    Statement below = only(small);
    assertThat(below.getInterest()).isEqualTo("3.15");
    assertThat(below.getClosingBalance()).isEqualTo("303.15");
    assertThat(below.getMinimumPayment()).isEqualTo("303.15");

    Statement withFee = only(reversed);
    assertThat(withFee.getFees()).isEqualTo("100.00");
    assertThat(withFee.getInterest()).isEqualTo("525.00");
    assertThat(withFee.getClosingBalance()).isEqualTo("50625.00");
    assertThat(withFee.getMinimumPayment()).isEqualTo("2531.25");
  }

  @Test
  @Order(4)
  void closingTheStatementDayAgainOrRerunningTheStepChangesNothing() {
    Map<String, Object> before = footprint(core);
    long statements = statementRows();

    RunCloseOfBusinessResponse again = close(core, "2026-01-25");
    StepOutcome rerun =
        new StatementGeneration(new StatementRepository(core.server().jdbi()), Clock.systemUTC(), 2)
            .run(LocalDate.parse("2026-01-25"));

    assertThat(again.getAlreadyClosed()).isTrue();
    assertThat(rerun.rows()).isEqualTo(5);
    assertThat(rerun.amount()).isEqualByComparingTo("182543.15");
    assertThat(statementRows()).isEqualTo(statements);
    assertThat(footprint(core)).isEqualTo(before);
  }

  @Test
  @Order(5)
  void theMinimumPaidByTheDueDateKeepsTheLineCurrent() {
    // A reversal in the second period of the first period's fee.
    Transaction undone = books.revert(reversedFee);
    books.backdate(
        Transaction.newBuilder()
            .setId(undone.getRelatedTransaction())
            .setLoan(reversed.getId())
            .build(),
        "2026-02-01");
    close(core, "2026-02-04");
    // 800.00 interest (300.00 left + 10 days of 50.00), 4,000.00 principal.
    payerPays = books.post(payer, "repayment", "4800.00", "2026-02-05");
    // 775.00 interest (525.00 + 10 days of 25.00), 2,000.00 principal.
    books.post(reversed, "repayment", "2775.00", "2026-02-05");
    // 4.65 interest, 298.50 principal: 1.50 left.
    books.post(small, "repayment", "303.15", "2026-02-05");

    close(core, "2026-02-10");

    Statement first = only(payer);
    assertThat(first.getMinimumPaid()).isEqualTo("5065.00");
    assertThat(first.getStatus()).isEqualTo("paid");
    assertThat(books.loan(payer).getStatus()).isEqualTo("active");
    assertThat(books.delinquency(payer).getDaysPastDue()).isZero();
    assertThat(only(small).getStatus()).isEqualTo("paid");
    assertThat(only(reversed).getStatus()).isEqualTo("paid");
  }

  @Test
  @Order(6)
  void anUnpaidMinimumMakesTheLineLateTheDayAfterItsDueDate() {
    assertThat(books.loan(neverPays).getStatus()).isEqualTo("late");
    assertThat(books.delinquency(neverPays).getDaysPastDue()).isEqualTo(1);
    assertThat(books.delinquency(neverPays).getOverdueSince()).isEqualTo("2026-02-10");
    assertThat(books.delinquency(neverPays).getOverdueInterest()).isEqualTo("210.00");
    assertThat(books.delinquency(neverPays).getOverduePrincipal()).isEqualTo("800.50");
    assertThat(only(neverPays).getStatus()).isEqualTo("overdue");
    assertThat(books.loan(recovers).getStatus()).isEqualTo("late");
  }

  @Test
  @Order(7)
  void beyondTheToleranceTheLineIsInArrearsWithItsFeeOnce() {
    close(core, "2026-02-12");
    assertThat(books.loan(neverPays).getStatus()).isEqualTo("late");

    close(core, "2026-02-14");

    assertThat(books.loan(neverPays).getStatus()).isEqualTo("in_arrears");
    assertThat(books.fees(neverPays)).containsExactly("Late payment fee 250.00 applied");
    assertThat(books.loan(recovers).getStatus()).isEqualTo("in_arrears");
    assertThat(books.fees(recovers)).containsExactly("Late payment fee 250.00 applied");
    // The fee is due at once; the statement's minimum stays what it asked.
    assertThat(books.loan(neverPays).getPendingFee()).isEqualTo("250.00");
    assertThat(only(neverPays).getMinimumPayment()).isEqualTo("1010.50");
    assertThat(books.delinquency(neverPays).getOverdueFee()).isEqualTo("0.00");
    // Close of business charged it at the end of 13 February, the wall clock aside.
    moveLateFee(neverPays);
    moveLateFee(recovers);
  }

  @Test
  @Order(8)
  void payingTheOverdueMinimumBringsTheLineBackToActive() {
    close(core, "2026-02-15");

    // Pays the 250.00 fee, the 105.00 interest due and 150.25 principal; the minimum is paid.
    books.post(recovers, "repayment", "505.25", "2026-02-16");

    assertThat(books.loan(recovers).getStatus()).isEqualTo("active");
    assertThat(books.delinquency(recovers).getDaysPastDue()).isZero();
    assertThat(only(recovers).getStatus()).isEqualTo("paid");
    assertThat(books.fees(recovers)).hasSize(1);
  }

  @Test
  @Order(9)
  void theSecondStatementOpensWithTheFirstsClosingBalance() {
    close(core, "2026-02-25");

    Statement second = latest(payer);
    assertThat(second.getNumber()).isEqualTo(2);
    assertThat(second.getPeriodStart()).isEqualTo("2026-01-26");
    assertThat(second.getPeriodEnd()).isEqualTo("2026-02-25");
    assertThat(second.getDueDate()).isEqualTo("2026-03-10");
    assertThat(second.getOpeningBalance()).isEqualTo("101300.00");
    assertThat(second.getDisbursements()).isEqualTo("0.00");
    assertThat(second.getRepayments()).isEqualTo("5800.00");
    assertThat(second.getFees()).isEqualTo("0.00");
    // 10 days of 50.00, then 21 of 48.00 on 96,000.00.
    assertThat(second.getInterest()).isEqualTo("1508.00");
    assertThat(second.getClosingPrincipal()).isEqualTo("96000.00");
    assertThat(second.getClosingInterest()).isEqualTo("1008.00");
    assertThat(second.getClosingFee()).isEqualTo("0.00");
    assertThat(second.getClosingBalance()).isEqualTo("97008.00");
    assertThat(second.getPastDueAmount()).isEqualTo("0.00");
    assertThat(second.getMinimumPayment()).isEqualTo("4850.40");
    assertThat(second.getStatus()).isEqualTo("open");
    assertThat(get(second.getId()).getTransactionsList())
        .extracting(StatementTransaction::getId)
        .containsExactly(payerEarly.getId(), payerPays.getId());
  }

  @Test
  @Order(10)
  void aReversalInThePeriodOfAnEarlierPeriodsFeeLowersTheBalance() {
    Statement second = latest(reversed);

    assertThat(second.getOpeningBalance()).isEqualTo("50625.00");
    assertThat(second.getFees()).isEqualTo("0.00");
    assertThat(second.getReversals()).isEqualTo("-100.00");
    assertThat(second.getRepayments()).isEqualTo("2775.00");
    // 10 days of 25.00, then 21 of 24.00 on 48,000.00.
    assertThat(second.getInterest()).isEqualTo("754.00");
    // 50,625.00 - 2,775.00 + 754.00 - 100.00.
    assertThat(second.getClosingBalance()).isEqualTo("48504.00");
    assertThat(second.getClosingFee()).isEqualTo("0.00");
    assertThat(second.getMinimumPayment()).isEqualTo("2425.20");
    List<StatementTransaction> lines = get(second.getId()).getTransactionsList();
    assertThat(lines)
        .extracting(StatementTransaction::getStatus)
        .containsExactly("reversal", "applied");
    assertThat(lines.get(0).getBalanceChange()).isEqualTo("-100.00");
    assertThat(get(only(reversed, 1).getId()).getTransactions(1).getStatus()).isEqualTo("reverted");
  }

  @Test
  @Order(11)
  void anUnpaidMinimumIsPastDueOnTheNextStatement() {
    Statement second = latest(neverPays);

    assertThat(second.getFees()).isEqualTo("250.00");
    // 31 days of 10.00.
    assertThat(second.getInterest()).isEqualTo("310.00");
    assertThat(second.getClosingBalance()).isEqualTo("20770.00");
    assertThat(second.getPastDueAmount()).isEqualTo("1010.50");
    assertThat(second.getMinimumPayment()).isEqualTo("1038.50");
    assertThat(second.getMinimumPaymentDue()).isEqualTo("2049.00");
    assertThat(only(neverPays, 1).getStatus()).isEqualTo("overdue");

    Statement recovered = latest(recovers);
    // 9,849.75 + 105.00 interest left + 49.24 accrued since the repayment (10 days of 4.924875).
    assertThat(recovered.getFees()).isEqualTo("250.00");
    assertThat(recovered.getRepayments()).isEqualTo("505.25");
    assertThat(recovered.getInterest()).isEqualTo("154.24");
    assertThat(recovered.getClosingBalance()).isEqualTo("10003.99");
    assertThat(recovered.getPastDueAmount()).isEqualTo("0.00");
    assertThat(recovered.getMinimumPayment()).isEqualTo("500.20");

    // 1.50 principal and 0.01 interest: below the floor, the minimum is the balance.
    Statement tiny = latest(small);
    assertThat(tiny.getClosingBalance()).isEqualTo("1.51");
    assertThat(tiny.getMinimumPayment()).isEqualTo("1.51");
  }

  @Test
  @Order(12)
  void revertingTheRepaymentThatPaidAMinimumMakesItUnpaidAgain() {
    books.revert(payerPays);

    Statement first = only(payer, 1);
    assertThat(first.getMinimumPaid()).isEqualTo("1000.00");
    assertThat(first.getStatus()).isEqualTo("overdue");
    assertThat(books.delinquency(payer).getDaysPastDue()).isEqualTo(16);
    assertThat(get(latest(payer).getId()).getTransactions(1).getStatus()).isEqualTo("reverted");
  }

  @Test
  @Order(13)
  void statementsAreListedNewestFirstAndPaged() {
    StatementPage all = list(payer, "", "");
    assertThat(all.getPage().getCount()).isEqualTo(2);
    assertThat(all.getPage().getLimit()).isEqualTo(20);
    assertThat(all.getResultsList()).extracting(Statement::getNumber).containsExactly(2, 1);

    StatementPage second = list(payer, "1", "1");
    assertThat(second.getPage().getCount()).isEqualTo(2);
    assertThat(second.getPage().getLimit()).isEqualTo(1);
    assertThat(second.getPage().getOffset()).isEqualTo(1);
    assertThat(second.getResultsList()).extracting(Statement::getNumber).containsExactly(1);
    assertThat(list(payer, "500", "").getPage().getLimit()).isEqualTo(100);
  }

  @Test
  @Order(14)
  void badPagingIsAFieldError() {
    assertThatThrownBy(() -> list(payer, "0", "-1"))
        .satisfies(
            e ->
                assertThat(violations(e))
                    .containsExactly(
                        "limit: Ensure this value is greater than or equal to 1.",
                        "offset: Ensure this value is greater than or equal to 0."));
    assertThatThrownBy(() -> list(payer, "ten", ""))
        .satisfies(
            e -> assertThat(violations(e)).containsExactly("limit: A valid integer is required."));
  }

  @Test
  @Order(15)
  void anotherPartnersStatementsAreNotFound() {
    Books other = Books.newPartner(core, "other");
    var stub = other.asPartner(StatementServiceGrpc.newBlockingStub(core.channel()));
    String id = latest(payer).getId();

    for (Runnable call :
        List.<Runnable>of(
            () -> stub.getStatement(GetStatementRequest.newBuilder().setId(id).build()),
            () ->
                stub.listLoanStatements(
                    ListLoanStatementsRequest.newBuilder().setLoan(payer.getId()).build()),
            () -> statements().getStatement(GetStatementRequest.newBuilder().setId("x").build()),
            () ->
                statements()
                    .getStatement(
                        GetStatementRequest.newBuilder()
                            .setId(UUID.randomUUID().toString())
                            .build()))) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                assertThat(e.getStatus().getDescription()).isEqualTo("Not found.");
              });
    }
  }

  @Test
  @Order(16)
  void aLinePaidOffInAPeriodGetsAFinalStatementAndThenNone() {
    // 1.50 principal and 0.01 interest.
    books.post(small, "repayment", "1.51", "2026-02-26");
    assertThat(books.loan(small).getStatus()).isEqualTo("paid_off");

    RunCloseOfBusinessResponse march = close(core, "2026-03-25");

    assertThat(statementStep(march.getRuns(march.getRunsCount() - 1)).getRows()).isEqualTo(5);
    Statement last = latest(small);
    assertThat(last.getNumber()).isEqualTo(3);
    assertThat(last.getOpeningBalance()).isEqualTo("1.51");
    assertThat(last.getRepayments()).isEqualTo("1.51");
    assertThat(last.getInterest()).isEqualTo("0.00");
    assertThat(last.getClosingBalance()).isEqualTo("0.00");
    assertThat(last.getPastDueAmount()).isEqualTo("0.00");
    assertThat(last.getMinimumPayment()).isEqualTo("0.00");
    assertThat(last.getMinimumPaid()).isEqualTo("0.00");
    assertThat(last.getStatus()).isEqualTo("paid");
    assertThat(only(small, 2).getStatus()).isEqualTo("paid");

    RunCloseOfBusinessResponse april = close(core, "2026-04-25");

    assertThat(statementStep(april.getRuns(april.getRunsCount() - 1)).getRows()).isEqualTo(4);
    assertThat(list(small, "", "").getPage().getCount()).isEqualTo(3);
  }

  @Test
  @Order(17)
  void everyLedgerStillMatchesItsLine() {
    for (Loan loan : new Loan[] {payer, recovers, neverPays, small, reversed}) {
      assertThat(books.ledger(loan).getConsistent()).as(loan.getId()).isTrue();
    }
  }

  private static void moveLateFee(Loan loan) {
    String id =
        core.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id::text FROM loan_transaction WHERE loan_id = :loan"
                                + " AND fee_name = 'Late payment fee'")
                        .bind("loan", UUID.fromString(loan.getId()))
                        .mapTo(String.class)
                        .one());
    books.backdate(Transaction.newBuilder().setId(id).setLoan(loan.getId()).build(), "2026-02-14");
  }

  private static long statementRows() {
    return core.server()
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT count(*) FROM loan_statement").mapTo(Long.class).one());
  }

  private static StatementServiceGrpc.StatementServiceBlockingStub statements() {
    return books.asPartner(StatementServiceGrpc.newBlockingStub(core.channel()));
  }

  private static StatementPage list(Loan loan, String limit, String offset) {
    return statements()
        .listLoanStatements(
            ListLoanStatementsRequest.newBuilder()
                .setLoan(loan.getId())
                .setLimit(limit)
                .setOffset(offset)
                .build());
  }

  /** The loan's only statement. */
  private static Statement only(Loan loan) {
    StatementPage page = list(loan, "", "");
    assertThat(page.getResultsCount()).isEqualTo(1);
    return page.getResults(0);
  }

  /** The loan's statement {@code number}. */
  private static Statement only(Loan loan, int number) {
    return list(loan, "", "").getResultsList().stream()
        .filter(s -> s.getNumber() == number)
        .findFirst()
        .orElseThrow();
  }

  private static Statement latest(Loan loan) {
    return list(loan, "1", "").getResults(0);
  }

  private static Statement get(String id) {
    return statements().getStatement(GetStatementRequest.newBuilder().setId(id).build());
  }

  private static Transaction transaction(Transaction t) {
    return books
        .asPartner(TransactionServiceGrpc.newBlockingStub(core.channel()))
        .getTransaction(GetTransactionRequest.newBuilder().setId(t.getId()).build());
  }

  private static List<String> violations(Throwable e) {
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    assertThat(status).isNotNull();
    try {
      for (com.google.protobuf.Any detail : status.getDetailsList()) {
        if (detail.is(BadRequest.class)) {
          return detail.unpack(BadRequest.class).getFieldViolationsList().stream()
              .map(v -> v.getField() + ": " + v.getDescription())
              .toList();
        }
      }
    } catch (InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
    return List.of();
  }

  /** The statement step of a closed date, found by its name. */
  private static CloseOfBusinessStepRun statementStep(CloseOfBusinessRun run) {
    return run.getStepsList().stream()
        .filter(s -> s.getStep().equals("generate_statements"))
        .findFirst()
        .orElseThrow();
  }
}
