package dev.furrow.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.LoanOpening;
import dev.furrow.core.ledger.LedgerRepository;
import dev.furrow.core.ledger.PostingRules;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc.ApplicationServiceBlockingStub;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.GetLoanRequest;
import dev.furrow.proto.lending.v1.GetTransactionRequest;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc.LedgerAdminServiceBlockingStub;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.ListTransactionsRequest;
import dev.furrow.proto.lending.v1.ListTransactionsResponse;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.LoanServiceGrpc.LoanServiceBlockingStub;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.ProductServiceGrpc.ProductServiceBlockingStub;
import dev.furrow.proto.lending.v1.RevertTransactionRequest;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc.TransactionServiceBlockingStub;
import dev.furrow.proto.partner.v1.ApiFace;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One lending partner of a test core with what transactions need: published products (with default
 * fees), borrowers, loans opened for accepted applications, and short ways to post, revert and
 * check. Everything goes through the partner's own gRPC calls, except {@link #accrueInterest} and
 * {@link #makePending}, which stand in for the close-of-business work that does not exist yet.
 */
final class Lender {
  private static final AtomicInteger KEYS = new AtomicInteger();

  final CoreHarness core;
  final long partnerId;
  final ProductServiceBlockingStub products;
  final ApplicationServiceBlockingStub applications;
  final LoanServiceBlockingStub loans;
  final TransactionServiceBlockingStub transactions;
  final LedgerAdminServiceBlockingStub operatorLedger;
  private final String key;

  private Lender(CoreHarness core, CoreHarness.PartnerKey partner) {
    this.core = core;
    this.partnerId = partner.partnerId();
    this.key = partner.key();
    this.products = core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), key);
    this.applications =
        core.withApiKey(ApplicationServiceGrpc.newBlockingStub(core.channel()), key);
    this.loans = core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), key);
    this.transactions =
        core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key);
    this.operatorLedger = core.asOperator(LedgerAdminServiceGrpc.newBlockingStub(core.channel()));
  }

  static Lender newPartner(CoreHarness core, String prefix) {
    return new Lender(core, core.newPartner(prefix, ApiFace.API_FACE_LENDING));
  }

  /** A published NGN term loan up to 2,000,000.00 over 12 instalments, with these fees. */
  Product product(DefaultFee... fees) {
    ProductInput.Builder input =
        ProductInput.newBuilder()
            .setType("term_loan")
            .setName("Tractor term loan")
            .setCurrency("NGN")
            .setMaxLoanAmount("2000000")
            .setDefaultLoanAmount("1000000")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("12")
            .setInstallments(12)
            .setInterestCalculation("equal_principal")
            .setEarlyRepaymentRecalculation("reduced_instalments");
    for (DefaultFee fee : fees) {
      input.addDefaultFees(fee);
    }
    return LoanOpening.publish(core, key, input);
  }

  /** A published NGN revolving credit line up to 2,000,000.00, with these fees. */
  Product creditLine(DefaultFee... fees) {
    ProductInput.Builder input =
        ProductInput.newBuilder()
            .setType("revolving_credit")
            .setName("Tractor credit line")
            .setCurrency("NGN")
            .setMaxLoanAmount("2000000")
            .setDefaultLoanAmount("100000")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("12")
            .setStatementDay(25)
            .setRepaymentDueDay(10)
            .setMinimumPaymentPercent("5");
    for (DefaultFee fee : fees) {
      input.addDefaultFees(fee);
    }
    return LoanOpening.publish(core, key, input);
  }

  /** A new borrower's loan of {@code amount} under {@code product}, approved, nothing owed. */
  Loan openLoan(Product product, String amount) {
    return LoanOpening.open(core, key, product, amount, LoanOpening.amina());
  }

  /** Closes the loan as written off. */
  Loan writeOff(Loan loan) {
    return loans.closeLoan(
        CloseLoanRequest.newBuilder()
            .setId(loan.getId())
            .setCloseReason("Borrower unreachable")
            .setCloseSubstatus("written_off")
            .build());
  }

  Loan loan(String id) {
    return loans.getLoan(GetLoanRequest.newBuilder().setId(id).build());
  }

  static String newKey() {
    return "key-" + KEYS.incrementAndGet() + "-" + UUID.randomUUID();
  }

  Transaction create(TransactionInput.Builder input) {
    return transactions.createTransaction(
        CreateTransactionRequest.newBuilder().setTransaction(input).build());
  }

  static TransactionInput.Builder request(Loan loan, String type, String amount) {
    TransactionInput.Builder input =
        TransactionInput.newBuilder()
            .setLoan(loan.getId())
            .setType(type)
            .setIdempotencyKey(newKey());
    return amount == null ? input : input.setAmount(amount);
  }

  Transaction disburse(Loan loan, String amount) {
    return create(request(loan, "disbursement", amount));
  }

  Transaction repay(Loan loan, String amount) {
    return create(request(loan, "repayment", amount));
  }

  Transaction customFee(Loan loan, String name, String type, String amount) {
    return create(request(loan, "fee", amount).setFeeName(name).setFeeType(type));
  }

  Transaction productFee(Loan loan, String name) {
    return create(request(loan, "fee", null).setFeeName(name));
  }

  Transaction get(String id) {
    return transactions.getTransaction(GetTransactionRequest.newBuilder().setId(id).build());
  }

  Transaction revert(String id) {
    return transactions.revertTransaction(RevertTransactionRequest.newBuilder().setId(id).build());
  }

  ListTransactionsResponse list(String... filters) {
    ListQuery.Builder query = ListQuery.newBuilder().setLimit("100");
    for (int i = 0; i < filters.length; i += 2) {
      if (filters[i].equals("sort")) {
        query.setSort(filters[i + 1]);
      } else {
        query.putFilters(filters[i], filters[i + 1]);
      }
    }
    return transactions.listTransactions(
        ListTransactionsRequest.newBuilder().setQuery(query).build());
  }

  /** The loan's transactions in posting order (oldest first; ties keep their posting order). */
  List<Transaction> history(Loan loan) {
    return list("loan", loan.getId(), "sort", "created").getResultsList();
  }

  LedgerCheck ledger(Loan loan) {
    return transactions.checkLedger(CheckLedgerRequest.newBuilder().setLoan(loan.getId()).build());
  }

  /**
   * Asserts that the loan's journal balances, adds up to the loan's balances (less what a write-off
   * moved to loss, which is then all of them), and that the operator sees the same; returns the
   * check.
   */
  LedgerCheck assertLedgerConsistent(Loan loan) {
    LedgerCheck check = ledger(loan);
    Loan stored = loan(loan.getId());
    assertThat(check.getConsistent()).as("ledger of %s: %s", loan.getId(), check).isTrue();
    assertThat(check.getBalanced()).isTrue();
    assertThat(check.getBalancesMatch()).isTrue();
    assertThat(check.getUnbalancedEntries()).isZero();
    assertThat(check.getTotalDebits()).isEqualTo(check.getTotalCredits());
    if (stored.getCloseSubstatus().equals("written_off")) {
      assertThat(check.getJournal().getOutstanding()).isEqualTo("0.00");
      assertThat(check.getWrittenOff().getPrincipal()).isEqualTo(stored.getPrincipal());
      assertThat(check.getWrittenOff().getInterest()).isEqualTo(stored.getInterest());
      assertThat(check.getWrittenOff().getFee()).isEqualTo(stored.getFee());
      assertThat(accountBalances(check).get("loss")).isEqualTo(stored.getWrittenOffAmount());
    } else {
      assertThat(check.getWrittenOff().getOutstanding()).isEqualTo("0.00");
      assertThat(accountBalances(check).get("loss")).isEqualTo("0.00");
      assertThat(check.getJournal().getPrincipal()).isEqualTo(stored.getPrincipal());
      assertThat(check.getJournal().getInterest()).isEqualTo(stored.getInterest());
      assertThat(check.getJournal().getFee()).isEqualTo(stored.getFee());
    }
    assertThat(
            operatorLedger.checkLedger(
                CheckLedgerRequest.newBuilder().setLoan(loan.getId()).build()))
        .isEqualTo(check);
    return check;
  }

  /** The accounts of a ledger check, code to balance. */
  static Map<String, String> accountBalances(LedgerCheck check) {
    Map<String, String> balances = new LinkedHashMap<>();
    check.getAccountsList().forEach(a -> balances.put(a.getAccount(), a.getBalance()));
    return balances;
  }

  /**
   * Accrues interest on the loan as close of business will: the interest balance grows and the
   * journal records it (interest receivable against interest income).
   */
  void accrueInterest(Loan loan, String amount) {
    BigDecimal interest = new BigDecimal(amount);
    UUID loanId = UUID.fromString(loan.getId());
    LedgerRepository ledger = new LedgerRepository(core.server().jdbi());
    core.server()
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate("UPDATE loan SET interest = interest + :amount WHERE id = :id")
                  .bind("amount", interest)
                  .bind("id", loanId)
                  .execute();
              ledger.post(
                  h,
                  partnerId,
                  loanId,
                  null,
                  "NGN",
                  PostingRules.interestAccrual(interest),
                  Instant.now());
            });
  }

  /** Makes parts of the balances due now, as a repayment schedule falling due will. */
  void makePending(Loan loan, String principal, String interest, String fee) {
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE loan SET pending_principal = :principal,"
                            + " pending_interest = :interest, pending_fee = :fee WHERE id = :id")
                    .bind("principal", new BigDecimal(principal))
                    .bind("interest", new BigDecimal(interest))
                    .bind("fee", new BigDecimal(fee))
                    .bind("id", UUID.fromString(loan.getId()))
                    .execute());
  }
}
