package dev.furrow.core.cob;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.LoanOpening;
import dev.furrow.core.delinquency.DelinquencyRepository;
import dev.furrow.core.schedule.ScheduleRepository;
import dev.furrow.core.statement.StatementRepository;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.CloseOfBusinessAdminServiceGrpc;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.GetLoanDelinquencyRequest;
import dev.furrow.proto.lending.v1.GetLoanRequest;
import dev.furrow.proto.lending.v1.GetLoanScheduleRequest;
import dev.furrow.proto.lending.v1.GetPortfolioAtRiskRequest;
import dev.furrow.proto.lending.v1.GetTransactionRequest;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanDelinquency;
import dev.furrow.proto.lending.v1.LoanSchedule;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.MakeArrearsRequest;
import dev.furrow.proto.lending.v1.MakeDefaultRequest;
import dev.furrow.proto.lending.v1.PortfolioAtRisk;
import dev.furrow.proto.lending.v1.PortfolioServiceGrpc;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.RevertTransactionRequest;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessRequest;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessResponse;
import dev.furrow.proto.lending.v1.ScheduleServiceGrpc;
import dev.furrow.proto.lending.v1.StartInterestCalculationRequest;
import dev.furrow.proto.lending.v1.StopInterestCalculationRequest;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.stub.AbstractStub;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One lending partner of a test core, with what close-of-business tests need: products and loans
 * through the API, transactions moved to a fixed day, and the operator's close of business.
 */
public final class Books {
  private final CoreHarness core;
  private final String key;

  private Books(CoreHarness core, String key) {
    this.core = core;
    this.key = key;
  }

  public static Books newPartner(CoreHarness core, String prefix) {
    return new Books(core, core.newPartner(prefix, ApiFace.API_FACE_LENDING).key());
  }

  /**
   * A published NGN term loan product, 12 monthly instalments, equal principal, interest on
   * holidays, as changed by {@code change}.
   */
  public Product product(UnaryOperator<ProductInput.Builder> change, DefaultFee... fees) {
    ProductInput.Builder input =
        ProductInput.newBuilder()
            .setType("term_loan")
            .setName("Tractor term loan " + UUID.randomUUID())
            .setCurrency("NGN")
            .setMaxLoanAmount("2000000")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("12")
            .setInstallments(12)
            .setInterestCalculation("equal_principal")
            .setEarlyRepaymentRecalculation("from_last_instalment")
            .setCalculateInterestOnHolidays(true);
    for (DefaultFee fee : fees) {
      input.addDefaultFees(fee);
    }
    return LoanOpening.publish(core, key, change.apply(input));
  }

  /** A new Nigerian borrower's approved loan of {@code amount} under {@code product}. */
  public Loan openLoan(Product product, String amount) {
    return LoanOpening.open(core, key, product, amount, LoanOpening.amina().setCountry("NG"));
  }

  /** Posts a transaction, then moves it to {@code day} as if it had been posted then. */
  public Transaction post(Loan loan, String type, String amount, String day) {
    Transaction t =
        transactions()
            .createTransaction(
                CreateTransactionRequest.newBuilder()
                    .setTransaction(
                        TransactionInput.newBuilder()
                            .setLoan(loan.getId())
                            .setType(type)
                            .setAmount(amount)
                            .setIdempotencyKey(UUID.randomUUID().toString()))
                    .build());
    backdate(t, day);
    return t;
  }

  /**
   * Moves the transaction (and any posted with it) to 10:00 UTC on {@code day} and lets what
   * follows a posting run again as of that day: the schedule (or the statements' minimum payments),
   * the accrual start, delinquency.
   */
  public void backdate(Transaction t, String day) {
    core.server()
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE loan_transaction SET created_at = :at, completed_at = :at"
                          + " WHERE loan_id = :loan AND created_at = ("
                          + "SELECT created_at FROM loan_transaction WHERE id = :id)")
                  .bind("at", OffsetDateTime.parse(day + "T10:00:00Z"))
                  .bind("id", UUID.fromString(t.getId()))
                  .bind("loan", UUID.fromString(t.getLoan()))
                  .execute();
              UUID loan = UUID.fromString(t.getLoan());
              Instant at = Instant.parse(day + "T10:00:00Z");
              if (!new StatementRepository(core.server().jdbi()).follow(h, loan, at)) {
                new ScheduleRepository(core.server().jdbi()).rewrite(h, loan, at);
              }
              new CloseOfBusinessRepository(core.server().jdbi()).posted(h, loan, at);
              new DelinquencyRepository(core.server().jdbi()).posted(h, loan, at);
            });
  }

  /** Charges a custom flat fee, then moves it to {@code day} as if it had been charged then. */
  public Transaction postFee(Loan loan, String name, String amount, String day) {
    Transaction t =
        transactions()
            .createTransaction(
                CreateTransactionRequest.newBuilder()
                    .setTransaction(
                        TransactionInput.newBuilder()
                            .setLoan(loan.getId())
                            .setType("fee")
                            .setFeeName(name)
                            .setFeeType("flat")
                            .setAmount(amount)
                            .setIdempotencyKey(UUID.randomUUID().toString()))
                    .build());
    backdate(t, day);
    return t;
  }

  /** {@code stub} calling as this partner. */
  public <S extends AbstractStub<S>> S asPartner(S stub) {
    return core.withApiKey(stub, key);
  }

  public Transaction revert(Transaction t) {
    return transactions()
        .revertTransaction(RevertTransactionRequest.newBuilder().setId(t.getId()).build());
  }

  /** The loan's latest applied transaction. */
  public Transaction lastTransaction(Loan loan) {
    return transactions()
        .getTransaction(
            GetTransactionRequest.newBuilder().setId(loan(loan).getLastTransaction()).build());
  }

  public Loan loan(Loan loan) {
    return loans().getLoan(GetLoanRequest.newBuilder().setId(loan.getId()).build());
  }

  public Loan stopInterest(Loan loan) {
    return loans()
        .stopInterestCalculation(
            StopInterestCalculationRequest.newBuilder().setId(loan.getId()).build());
  }

  public Loan startInterest(Loan loan) {
    return loans()
        .startInterestCalculation(
            StartInterestCalculationRequest.newBuilder().setId(loan.getId()).build());
  }

  public Loan makeArrears(Loan loan) {
    return loans().makeArrears(MakeArrearsRequest.newBuilder().setId(loan.getId()).build());
  }

  public Loan makeDefault(Loan loan) {
    return loans().makeDefault(MakeDefaultRequest.newBuilder().setId(loan.getId()).build());
  }

  public LedgerCheck ledger(Loan loan) {
    return transactions()
        .checkLedger(CheckLedgerRequest.newBuilder().setLoan(loan.getId()).build());
  }

  public LoanSchedule schedule(Loan loan) {
    return core.withApiKey(ScheduleServiceGrpc.newBlockingStub(core.channel()), key)
        .getLoanSchedule(GetLoanScheduleRequest.newBuilder().setId(loan.getId()).build());
  }

  public LoanDelinquency delinquency(Loan loan) {
    return portfolio()
        .getLoanDelinquency(GetLoanDelinquencyRequest.newBuilder().setId(loan.getId()).build());
  }

  public PortfolioAtRisk portfolioAtRisk() {
    return portfolio().getPortfolioAtRisk(GetPortfolioAtRiskRequest.getDefaultInstance());
  }

  public PortfolioServiceGrpc.PortfolioServiceBlockingStub portfolio() {
    return core.withApiKey(PortfolioServiceGrpc.newBlockingStub(core.channel()), key);
  }

  /** The operator closes every open date up to {@code day}. */
  public static RunCloseOfBusinessResponse close(CoreHarness core, String day) {
    return core.asOperator(CloseOfBusinessAdminServiceGrpc.newBlockingStub(core.channel()))
        .runCloseOfBusiness(RunCloseOfBusinessRequest.newBuilder().setBusinessDate(day).build());
  }

  /** The loan's fee transactions: name and amount, in posting order. */
  public List<String> fees(Loan loan) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT fee_name || ' ' || amount || ' ' || status FROM loan_transaction"
                            + " WHERE loan_id = :loan AND type = 'fee' ORDER BY seq")
                    .bind("loan", UUID.fromString(loan.getId()))
                    .mapTo(String.class)
                    .list());
  }

  /** Counts of rows every close of business may write, to see that a re-run writes none. */
  public static Map<String, Object> footprint(CoreHarness core) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT (SELECT count(*) FROM journal_entry) AS entries,"
                            + " (SELECT count(*) FROM journal_line) AS lines,"
                            + " (SELECT count(*) FROM loan_transaction) AS transactions,"
                            + " (SELECT count(*) FROM loan_event_fee) AS event_fees,"
                            + " (SELECT count(*) FROM cob_run) AS runs,"
                            + " (SELECT string_agg(concat_ws('|', id, status, principal, interest,"
                            + " fee, pending_principal, pending_interest, pending_fee,"
                            + " accrued_interest_unposted, days_past_due, updated_at),"
                            + " ',' ORDER BY id) FROM loan) AS loans,"
                            + " (SELECT string_agg(concat_ws('|', loan_id, number, status, fee,"
                            + " updated_at),"
                            + " ',' ORDER BY loan_id, number) FROM loan_instalment) AS instalments")
                    .mapToMap()
                    .one());
  }

  private LoanServiceGrpc.LoanServiceBlockingStub loans() {
    return core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), key);
  }

  private TransactionServiceGrpc.TransactionServiceBlockingStub transactions() {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key);
  }
}
