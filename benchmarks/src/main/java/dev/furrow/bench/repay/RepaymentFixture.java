package dev.furrow.bench.repay;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The loans the repayment benchmark posts to: one lending partner, one published term loan product
 * without fees, and active loans of {@link #PRINCIPAL} each, fully disbursed.
 *
 * <p>The first loan is made through the core's own gRPC calls (end user, application, underwriting,
 * loan, disbursement); the others are SQL copies of it, each with its own application, disbursement
 * transaction and journal entry, so every copy is what the core would have written and its ledger
 * checks out. The copies' disbursements carry no idempotency key (the column allows none, as the
 * product fees of a disbursement do): they are never replayed.
 */
final class RepaymentFixture {
  /** What each loan owes after its disbursement. */
  static final BigDecimal PRINCIPAL = new BigDecimal("1000000.00");

  final String apiKey;
  final long partnerId;

  /** The loan made through gRPC; the hot-loan case posts to it. */
  final UUID hotLoan;

  /** The copies; the spread case posts to them. */
  final List<UUID> spreadLoans;

  private RepaymentFixture(String apiKey, long partnerId, UUID hotLoan, List<UUID> spreadLoans) {
    this.apiKey = apiKey;
    this.partnerId = partnerId;
    this.hotLoan = hotLoan;
    this.spreadLoans = spreadLoans;
  }

  /** Makes the template loan through {@code channel} and {@code copies} copies of it in SQL. */
  static RepaymentFixture create(Channel channel, String serviceToken, String jdbcUrl, int copies)
      throws SQLException {
    var admin =
        attach(
            PartnerAdminServiceGrpc.newBlockingStub(channel), Caller.SERVICE_TOKEN, serviceToken);
    long partnerId =
        admin
            .createPartner(CreatePartnerRequest.newBuilder().setName("Repayment bench").build())
            .getId();
    String key =
        admin
            .issueApiKey(
                IssueApiKeyRequest.newBuilder()
                    .setPartnerId(partnerId)
                    .setFace(ApiFace.API_FACE_LENDING)
                    .setLabel("bench")
                    .build())
            .getKey();
    Loan template = templateLoan(channel, key);
    UUID hot = UUID.fromString(template.getId());
    List<UUID> spread = copy(jdbcUrl, hot, copies);
    return new RepaymentFixture(key, partnerId, hot, spread);
  }

  private static Loan templateLoan(Channel channel, String key) {
    var products = attach(ProductServiceGrpc.newBlockingStub(channel), Caller.API_KEY, key);
    var endUsers = attach(EndUserServiceGrpc.newBlockingStub(channel), Caller.API_KEY, key);
    var applications = attach(ApplicationServiceGrpc.newBlockingStub(channel), Caller.API_KEY, key);
    var loans = attach(LoanServiceGrpc.newBlockingStub(channel), Caller.API_KEY, key);
    var transactions = attach(TransactionServiceGrpc.newBlockingStub(channel), Caller.API_KEY, key);
    Product draft =
        products.createProduct(
            CreateProductRequest.newBuilder()
                .setProduct(
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
                        .setEarlyRepaymentRecalculation("reduced_instalments"))
                .build());
    Product product =
        products.publishProduct(PublishProductRequest.newBuilder().setId(draft.getId()).build());
    String endUser =
        endUsers
            .createEndUser(
                CreateEndUserRequest.newBuilder()
                    .setEndUser(
                        EndUserInput.newBuilder()
                            .setFirstName("Amina")
                            .setLastName("Okafor")
                            .setBirthDate("1985-04-12")
                            .setAddressLine1("12 Farm Road")
                            .setAddressLine2("Kaduna South")
                            .setCity("Kaduna")
                            .setPostalCode("800001")
                            .setBankAccountNumber("0123456789")
                            .setSortCode("058")
                            .setEmail("amina@example.ng"))
                    .build())
            .getId();
    String application =
        applications
            .createApplication(
                CreateApplicationRequest.newBuilder()
                    .setApplication(
                        ApplicationInput.newBuilder()
                            .setProduct(product.getId())
                            .setEndUser(endUser)
                            .setAmount(PRINCIPAL.toPlainString()))
                    .build())
            .getId();
    String status =
        applications
            .completeApplication(CompleteApplicationRequest.newBuilder().setId(application).build())
            .getStatus();
    if (!status.equals("accepted")) {
      throw new IllegalStateException("template application " + status + ", expected accepted");
    }
    Loan loan =
        loans.createLoan(
            CreateLoanRequest.newBuilder()
                .setLoan(LoanInput.newBuilder().setApplication(application))
                .build());
    transactions.createTransaction(
        CreateTransactionRequest.newBuilder()
            .setTransaction(
                TransactionInput.newBuilder()
                    .setLoan(loan.getId())
                    .setType("disbursement")
                    .setAmount(PRINCIPAL.toPlainString())
                    .setIdempotencyKey("bench-disbursement"))
            .build());
    return loan;
  }

  /**
   * Copies the template loan {@code copies} times in one database transaction: application, loan,
   * disbursement, journal entry and lines, then the loan's pointer to its disbursement.
   */
  private static List<UUID> copy(String jdbcUrl, UUID template, int copies) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      c.setAutoCommit(false);
      try (PreparedStatement clone =
          c.prepareStatement(
              "CREATE TEMP TABLE clone ON COMMIT DROP AS SELECT i, gen_random_uuid() AS app,"
                  + " gen_random_uuid() AS loan, gen_random_uuid() AS tx,"
                  + " gen_random_uuid() AS entry FROM generate_series(1, ?) i")) {
        clone.setInt(1, copies);
        clone.execute();
      }
      String[] steps = {
        "INSERT INTO application (id, partner_id, product_id, end_user_id, status, amount,"
            + " installments, rate, reason, processing_finished_at, custom_field, created_at,"
            + " updated_at, loan_id)"
            + " SELECT c.app, a.partner_id, a.product_id, a.end_user_id, a.status, a.amount,"
            + " a.installments, a.rate, a.reason, a.processing_finished_at, a.custom_field,"
            + " a.created_at, a.updated_at, c.loan"
            + " FROM clone c, application a JOIN loan l ON l.application_id = a.id"
            + " WHERE l.id = :template",
        "INSERT INTO loan (id, partner_id, application_id, end_user_id, product_id, amount,"
            + " interest_rate, installments, grace_instalments, principal_repayment_grace,"
            + " arrears_tolerance, currency, status, principal, interest, fee,"
            + " pending_principal, pending_interest, pending_fee, last_transaction_id,"
            + " close_reason, close_substatus, closed_at, written_off_amount,"
            + " interest_calculation_enabled, business_days_in_period, custom_field, created_at,"
            + " updated_at, accrues_from)"
            + " SELECT c.loan, l.partner_id, c.app, l.end_user_id, l.product_id, l.amount,"
            + " l.interest_rate, l.installments, l.grace_instalments, l.principal_repayment_grace,"
            + " l.arrears_tolerance, l.currency, l.status, l.principal, l.interest, l.fee,"
            + " l.pending_principal, l.pending_interest, l.pending_fee, NULL,"
            + " l.close_reason, l.close_substatus, l.closed_at, l.written_off_amount,"
            + " l.interest_calculation_enabled, l.business_days_in_period, l.custom_field,"
            + " l.created_at, l.updated_at, l.accrues_from"
            + " FROM clone c, loan l WHERE l.id = :template ORDER BY c.i",
        "INSERT INTO loan_transaction (id, partner_id, loan_id, type, status, amount, fee_name,"
            + " fee_type, custom_fee_amount, idempotency_key, request_fingerprint, custom_field,"
            + " previous_transaction_id, related_transaction_id, completed_at, reverted_at,"
            + " status_before, result_loan_status, result_outstanding_balance,"
            + " affected_loan_principal, affected_loan_interest, affected_loan_fee,"
            + " affected_pending_principal, affected_pending_interest, affected_pending_fee,"
            + " statement_id, created_at, updated_at)"
            + " SELECT c.tx, t.partner_id, c.loan, t.type, t.status, t.amount, t.fee_name,"
            + " t.fee_type, t.custom_fee_amount, NULL, NULL, t.custom_field, NULL, NULL,"
            + " t.completed_at, t.reverted_at, t.status_before, t.result_loan_status,"
            + " t.result_outstanding_balance, t.affected_loan_principal,"
            + " t.affected_loan_interest, t.affected_loan_fee, t.affected_pending_principal,"
            + " t.affected_pending_interest, t.affected_pending_fee, t.statement_id,"
            + " t.created_at, t.updated_at"
            + " FROM clone c, loan_transaction t WHERE t.loan_id = :template ORDER BY c.i",
        "INSERT INTO journal_entry (id, partner_id, loan_id, transaction_id, currency, posted_at)"
            + " SELECT c.entry, e.partner_id, c.loan, c.tx, e.currency, e.posted_at"
            + " FROM clone c, journal_entry e WHERE e.loan_id = :template",
        "INSERT INTO journal_line (entry_id, position, account, debit, credit)"
            + " SELECT c.entry, jl.position, jl.account, jl.debit, jl.credit"
            + " FROM clone c, journal_line jl JOIN journal_entry e ON e.id = jl.entry_id"
            + " WHERE e.loan_id = :template",
        "UPDATE loan l SET last_transaction_id = c.tx FROM clone c WHERE l.id = c.loan",
        // The schedule the disbursement wrote, as the core writes it for each loan.
        "INSERT INTO loan_instalment (loan_id, number, due_date, principal, interest, fee,"
            + " paid_principal, paid_interest, paid_fee, status, updated_at)"
            + " SELECT c.loan, i.number, i.due_date, i.principal, i.interest, i.fee,"
            + " i.paid_principal, i.paid_interest, i.paid_fee, i.status, i.updated_at"
            + " FROM clone c, loan_instalment i WHERE i.loan_id = :template",
      };
      try (Statement s = c.createStatement()) {
        for (String step : steps) {
          s.execute(step.replace(":template", "'" + template + "'"));
        }
      }
      List<UUID> loans = new ArrayList<>(copies);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT loan FROM clone ORDER BY i")) {
        while (rs.next()) {
          loans.add(rs.getObject(1, UUID.class));
        }
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE");
      }
      return loans;
    }
  }

  private static <S extends AbstractStub<S>> S attach(
      S stub, Metadata.Key<String> key, String value) {
    Metadata metadata = new Metadata();
    metadata.put(key, value);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }
}
