package dev.furrow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;

/**
 * Opens loans through the partner API, the reference's steps in order: a published product, a
 * borrower, an application completed (and accepted), the loan account. The fixtures of the money
 * engine's tests share it, each with its own products and borrowers.
 */
public final class LoanOpening {
  private LoanOpening() {}

  /** Creates the product as the partner with {@code key} and publishes it. */
  public static Product publish(CoreHarness core, String key, ProductInput.Builder input) {
    var products = core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), key);
    Product draft =
        products.createProduct(CreateProductRequest.newBuilder().setProduct(input).build());
    return products.publishProduct(PublishProductRequest.newBuilder().setId(draft.getId()).build());
  }

  /** A product's default fee. */
  public static DefaultFee fee(String name, String type, String amount, String event) {
    return DefaultFee.newBuilder()
        .setName(name)
        .setType(type)
        .setAmount(amount)
        .setEvent(event)
        .build();
  }

  /** An adult borrower in Kaduna with every field a loan needs; no country unless set. */
  public static EndUserInput.Builder amina() {
    return EndUserInput.newBuilder()
        .setFirstName("Amina")
        .setLastName("Okafor")
        .setBirthDate("1985-04-12")
        .setAddressLine1("12 Farm Road")
        .setAddressLine2("Kaduna South")
        .setCity("Kaduna")
        .setPostalCode("800001")
        .setBankAccountNumber("0123456789")
        .setSortCode("058")
        .setEmail("amina@example.ng");
  }

  /** The borrower's approved loan of {@code amount} under the product, nothing disbursed. */
  public static Loan open(
      CoreHarness core, String key, Product product, String amount, EndUserInput.Builder borrower) {
    String endUser =
        core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), key)
            .createEndUser(CreateEndUserRequest.newBuilder().setEndUser(borrower).build())
            .getId();
    var applications = core.withApiKey(ApplicationServiceGrpc.newBlockingStub(core.channel()), key);
    String application =
        applications
            .createApplication(
                CreateApplicationRequest.newBuilder()
                    .setApplication(
                        ApplicationInput.newBuilder()
                            .setProduct(product.getId())
                            .setEndUser(endUser)
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
}
