package dev.furrow.core.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc.ApplicationServiceBlockingStub;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc.EndUserServiceBlockingStub;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.ProductServiceGrpc.ProductServiceBlockingStub;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.UpdateEndUserRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;

/**
 * One partner of the lending API in a test, with stubs for its products, end users and applications
 * and the fixtures the application tests build on.
 */
final class LendingPartner {
  final long partnerId;
  final ProductServiceBlockingStub products;
  final EndUserServiceBlockingStub endUsers;
  final ApplicationServiceBlockingStub applications;

  private LendingPartner(CoreHarness core, CoreHarness.PartnerKey partner) {
    this.partnerId = partner.partnerId();
    this.products =
        core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), partner.key());
    this.endUsers =
        core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), partner.key());
    this.applications =
        core.withApiKey(ApplicationServiceGrpc.newBlockingStub(core.channel()), partner.key());
  }

  static LendingPartner create(CoreHarness core, String prefix) {
    return new LendingPartner(core, core.newPartner(prefix, ApiFace.API_FACE_LENDING));
  }

  /**
   * A term loan up to 1,500,000.00 (default 1,200,000.00) at up to 24% (default 5.5%) over 24
   * instalments.
   */
  static ProductInput.Builder termLoan() {
    return ProductInput.newBuilder()
        .setType("term_loan")
        .setName("Tractor term loan")
        .setMaxLoanAmount("1500000")
        .setDefaultLoanAmount("1200000")
        .setMaxInterestRate("24")
        .setDefaultInterestRate("5.5")
        .setInstallments(24)
        .setInterestCalculation("equal_principal")
        .setEarlyRepaymentRecalculation("reduced_instalments");
  }

  /** A revolving credit line with no limits or defaults of amount and rate. */
  static ProductInput.Builder revolvingWithoutDefaults() {
    return ProductInput.newBuilder()
        .setType("revolving_credit")
        .setName("Input credit line")
        .setStatementDay(25)
        .setRepaymentDueDay(10)
        .setMinimumPaymentPercent("5");
  }

  Product draft(ProductInput.Builder input) {
    return products.createProduct(CreateProductRequest.newBuilder().setProduct(input).build());
  }

  Product published(ProductInput.Builder input) {
    return products.publishProduct(
        PublishProductRequest.newBuilder().setId(draft(input).getId()).build());
  }

  Product publishedTermLoan() {
    return published(termLoan());
  }

  /** An adult borrower with every detail underwriting looks at, an email among them. */
  static EndUserInput.Builder borrower(String firstName) {
    return EndUserInput.newBuilder()
        .setFirstName(firstName)
        .setLastName("Okafor")
        .setBirthDate("1988-07-21")
        .setAddressLine1("12 Farm Road")
        .setAddressLine2("Kaduna South")
        .setCity("Kaduna")
        .setPostalCode("800001")
        .setBankAccountNumber("0123456789")
        .setSortCode("058")
        .setEmail(firstName.toLowerCase() + "@example.ng");
  }

  EndUser endUser(EndUserInput.Builder input) {
    return endUsers.createEndUser(CreateEndUserRequest.newBuilder().setEndUser(input).build());
  }

  EndUser endUser() {
    return endUser(borrower("Amina"));
  }

  /** Changes some of the end user's details (PATCH). */
  EndUser patchEndUser(EndUser endUser, EndUserInput.Builder values, String... fields) {
    return endUsers.updateEndUser(
        UpdateEndUserRequest.newBuilder()
            .setId(endUser.getId())
            .setPartial(true)
            .setEndUser(values)
            .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(fields)))
            .build());
  }

  /** A birth date that makes the borrower 17 today (UTC). */
  static String seventeenYearsAgo() {
    return LocalDate.now(ZoneOffset.UTC).minusYears(17).toString();
  }

  static ApplicationInput.Builder applicationFor(Product product, EndUser endUser) {
    return ApplicationInput.newBuilder().setProduct(product.getId()).setEndUser(endUser.getId());
  }

  Application apply(ApplicationInput.Builder input) {
    return applications.createApplication(
        CreateApplicationRequest.newBuilder().setApplication(input).build());
  }

  Application apply(Product product, EndUser endUser) {
    return apply(applicationFor(product, endUser));
  }

  Application apply(
      Product product, EndUser endUser, UnaryOperator<ApplicationInput.Builder> change) {
    return apply(change.apply(applicationFor(product, endUser)));
  }

  static void assertFieldViolations(ThrowingCallable call, Tuple... expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(badRequest(e).getFieldViolationsList())
                  .extracting(v -> v.getField(), v -> v.getDescription())
                  .containsExactly(expected);
            });
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }
}
