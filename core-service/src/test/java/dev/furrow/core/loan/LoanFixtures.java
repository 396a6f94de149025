package dev.furrow.core.loan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc.ApplicationServiceBlockingStub;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc.EndUserServiceBlockingStub;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.LoanServiceGrpc.LoanServiceBlockingStub;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.ProductServiceGrpc.ProductServiceBlockingStub;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.WithdrawApplicationRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One partner of a test core, with what a loan account needs before it can be opened: published
 * products, end users and accepted applications, all made through the partner's own gRPC calls.
 */
final class LoanFixtures {
  final CoreHarness core;
  final long partnerId;
  final String key;
  final ProductServiceBlockingStub products;
  final EndUserServiceBlockingStub endUsers;
  final ApplicationServiceBlockingStub applications;
  final LoanServiceBlockingStub loans;

  private LoanFixtures(CoreHarness core, CoreHarness.PartnerKey partner) {
    this.core = core;
    this.partnerId = partner.partnerId();
    this.key = partner.key();
    this.products = core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), key);
    this.endUsers = core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), key);
    this.applications =
        core.withApiKey(ApplicationServiceGrpc.newBlockingStub(core.channel()), key);
    this.loans = core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), key);
  }

  static LoanFixtures newPartner(CoreHarness core, String prefix) {
    return new LoanFixtures(core, core.newPartner(prefix, ApiFace.API_FACE_LENDING));
  }

  /**
   * A published NGN term loan: up to 1500000.00 (default 1200000.00), up to 24% (default 5.5%), 24
   * instalments with 2 grace instalments and 3 of principal grace, arrears after 7 days.
   */
  Product termLoan() {
    return publish(
        ProductInput.newBuilder()
            .setType("term_loan")
            .setName("Tractor term loan")
            .setCurrency("NGN")
            .setMaxLoanAmount("1500000")
            .setDefaultLoanAmount("1200000")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("5.5")
            .setInstallments(24)
            .setDefaultGraceInstalments(2)
            .setPrincipalRepaymentGrace(3)
            .setArrearsTolerance(7)
            .setInterestCalculation("equal_principal")
            .setEarlyRepaymentRecalculation("reduced_instalments")
            .build());
  }

  /** A published KES pay-as-you-go product, 2500.00 a hectare, arrears after 14 days. */
  Product payAsYouGo() {
    return publish(
        ProductInput.newBuilder()
            .setType("pay_as_you_go")
            .setName("Hectare plan")
            .setCurrency("KES")
            .setDefaultLoanAmount("800000")
            .setDefaultInterestRate("12")
            .setRepaymentPerHectare("2500")
            .setBillingDueDays(7)
            .setArrearsTolerance(14)
            .build());
  }

  private Product publish(ProductInput input) {
    Product draft =
        products.createProduct(CreateProductRequest.newBuilder().setProduct(input).build());
    return products.publishProduct(PublishProductRequest.newBuilder().setId(draft.getId()).build());
  }

  /** An adult end user with every detail underwriting needs. */
  EndUser endUser(String firstName, String lastName) {
    return endUsers.createEndUser(
        CreateEndUserRequest.newBuilder()
            .setEndUser(borrower(firstName, lastName).setEmail(firstName + "@example.ng"))
            .build());
  }

  /** An end user with neither email nor mobile number, whom underwriting declines. */
  EndUser unreachableEndUser(String firstName, String lastName) {
    return endUsers.createEndUser(
        CreateEndUserRequest.newBuilder().setEndUser(borrower(firstName, lastName)).build());
  }

  private static EndUserInput.Builder borrower(String firstName, String lastName) {
    return EndUserInput.newBuilder()
        .setFirstName(firstName)
        .setLastName(lastName)
        .setBirthDate("1985-04-12")
        .setAddressLine1("12 Farm Road")
        .setAddressLine2("Kaduna South")
        .setCity("Kaduna")
        .setPostalCode("800001")
        .setBankAccountNumber("0123456789")
        .setSortCode("058");
  }

  /** An incomplete application; amount, instalments and rate default to the product's. */
  Application application(Product product, EndUser endUser, ApplicationInput.Builder terms) {
    return applications.createApplication(
        CreateApplicationRequest.newBuilder()
            .setApplication(terms.setProduct(product.getId()).setEndUser(endUser.getId()))
            .build());
  }

  /** An application completed by underwriting, which must have accepted it. */
  Application accepted(Product product, EndUser endUser, ApplicationInput.Builder terms) {
    Application decided = complete(application(product, endUser, terms));
    assertThat(decided.getStatus()).isEqualTo("accepted");
    return decided;
  }

  Application accepted(Product product, EndUser endUser) {
    return accepted(product, endUser, ApplicationInput.newBuilder());
  }

  Application complete(Application application) {
    return applications.completeApplication(
        CompleteApplicationRequest.newBuilder().setId(application.getId()).build());
  }

  Application withdraw(Application application) {
    return applications.withdrawApplication(
        WithdrawApplicationRequest.newBuilder().setId(application.getId()).build());
  }

  Loan open(String applicationId) {
    return loans.createLoan(
        CreateLoanRequest.newBuilder()
            .setLoan(LoanInput.newBuilder().setApplication(applicationId))
            .build());
  }

  /** A loan opened for a fresh accepted application of a new borrower of a term loan product. */
  Loan openLoan(String firstName, String lastName) {
    return open(accepted(termLoan(), endUser(firstName, lastName)).getId());
  }

  /**
   * Puts money on the loan and makes it active, as a disbursement and the postings after it will
   * once transactions exist; until then only SQL can.
   */
  void disburse(Loan loan, String principal, String interest, String fee) {
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE loan SET status = 'active', principal = :principal,"
                            + " interest = :interest, fee = :fee WHERE id = :id")
                    .bind("principal", new BigDecimal(principal))
                    .bind("interest", new BigDecimal(interest))
                    .bind("fee", new BigDecimal(fee))
                    .bind("id", UUID.fromString(loan.getId()))
                    .execute());
  }

  /** Backdates the loan's creation (and last update) to 09:30 UTC on the day given. */
  void backdate(Loan loan, String day) {
    OffsetDateTime at = OffsetDateTime.parse(day + "T09:30:00Z");
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE loan SET created_at = :at, updated_at = :at WHERE id = :id")
                    .bind("at", at)
                    .bind("id", UUID.fromString(loan.getId()))
                    .execute());
  }
}
