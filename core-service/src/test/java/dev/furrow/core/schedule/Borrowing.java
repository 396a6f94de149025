package dev.furrow.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.GetLoanScheduleRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanSchedule;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.RevertTransactionRequest;
import dev.furrow.proto.lending.v1.ScheduleServiceGrpc;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.partner.v1.ApiFace;
import java.util.UUID;

/** One lending partner of a test core: term loan products, borrowers, loans and their money. */
final class Borrowing {
  private final CoreHarness core;
  private final String key;

  private Borrowing(CoreHarness core, String key) {
    this.core = core;
    this.key = key;
  }

  static Borrowing newPartner(CoreHarness core, String prefix) {
    return new Borrowing(core, core.newPartner(prefix, ApiFace.API_FACE_LENDING).key());
  }

  /** A published NGN term loan at 12% over 12, equal principal, with these fees. */
  Product product(String recalculation, DefaultFee... fees) {
    ProductInput.Builder input =
        ProductInput.newBuilder()
            .setType("term_loan")
            .setName("Tractor term loan")
            .setCurrency("NGN")
            .setMaxLoanAmount("2000000")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("12")
            .setInstallments(12)
            .setInterestCalculation("equal_principal")
            .setEarlyRepaymentRecalculation(recalculation)
            .setCalculateInterestOnHolidays(true);
    for (DefaultFee fee : fees) {
      input.addDefaultFees(fee);
    }
    var products = core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), key);
    Product draft =
        products.createProduct(CreateProductRequest.newBuilder().setProduct(input).build());
    return products.publishProduct(PublishProductRequest.newBuilder().setId(draft.getId()).build());
  }

  /** A new borrower's approved loan of {@code amount} under {@code product}. */
  Loan openLoan(Product product, String amount) {
    String borrower =
        core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), key)
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
    var applications = core.withApiKey(ApplicationServiceGrpc.newBlockingStub(core.channel()), key);
    String application =
        applications
            .createApplication(
                CreateApplicationRequest.newBuilder()
                    .setApplication(
                        ApplicationInput.newBuilder()
                            .setProduct(product.getId())
                            .setEndUser(borrower)
                            .setAmount(amount))
                    .build())
            .getId();
    assertThat(
            applications
                .completeApplication(
                    CompleteApplicationRequest.newBuilder().setId(application).build())
                .getStatus())
        .isEqualTo("accepted");
    return core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), key)
        .createLoan(
            CreateLoanRequest.newBuilder()
                .setLoan(LoanInput.newBuilder().setApplication(application))
                .build());
  }

  Transaction post(Loan loan, String type, String amount) {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key)
        .createTransaction(
            CreateTransactionRequest.newBuilder()
                .setTransaction(
                    TransactionInput.newBuilder()
                        .setLoan(loan.getId())
                        .setType(type)
                        .setAmount(amount)
                        .setIdempotencyKey(UUID.randomUUID().toString()))
                .build());
  }

  /** A custom flat fee of {@code amount} charged to the loan. */
  Transaction flatFee(Loan loan, String amount) {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key)
        .createTransaction(
            CreateTransactionRequest.newBuilder()
                .setTransaction(
                    TransactionInput.newBuilder()
                        .setLoan(loan.getId())
                        .setType("fee")
                        .setFeeName("Flat")
                        .setFeeType("flat")
                        .setAmount(amount)
                        .setIdempotencyKey(UUID.randomUUID().toString()))
                .build());
  }

  Transaction revert(Transaction t) {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key)
        .revertTransaction(RevertTransactionRequest.newBuilder().setId(t.getId()).build());
  }

  LoanSchedule schedule(String loanId) {
    return core.withApiKey(ScheduleServiceGrpc.newBlockingStub(core.channel()), key)
        .getLoanSchedule(GetLoanScheduleRequest.newBuilder().setId(loanId).build());
  }

  static DefaultFee fee(String name, String type, String amount, String event) {
    return DefaultFee.newBuilder()
        .setName(name)
        .setType(type)
        .setAmount(amount)
        .setEvent(event)
        .build();
  }
}
