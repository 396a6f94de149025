package dev.furrow.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc.EndUserServiceBlockingStub;
import dev.furrow.proto.lending.v1.GetEndUserRequest;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.ListEndUsersRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Idempotency-Key (metadata {@code x-furrow-idempotency-key}) on partner lending calls. */
class IdempotencyKeyTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static final String KEY_REUSED = "Idempotency key already used for a different request.";

  private CoreHarness.PartnerKey partner;

  @BeforeEach
  void newPartner() {
    partner = core.newPartner("idempotency", ApiFace.API_FACE_LENDING);
  }

  @Test
  void sameKeyAndSameRequestReturnsTheOriginalReplyWithoutASecondEffect() {
    String key = newKey();
    EndUser first = endUsers(partner, key).createEndUser(create("Amina"));
    EndUser second = endUsers(partner, key).createEndUser(create("Amina"));

    assertThat(second).isEqualTo(first);
    assertThat(endUserCount(partner)).isEqualTo(1);
    assertThat(storedKeys(partner)).isEqualTo(1);
  }

  @Test
  void replayIsTheReplyAsGivenNotTheResourceAsItIsNow() {
    String key = newKey();
    EndUser created = endUsers(partner, key).createEndUser(create("Amina"));
    EndUser renamed =
        endUsers(partner, null)
            .updateEndUser(
                dev.furrow.proto.lending.v1.UpdateEndUserRequest.newBuilder()
                    .setId(created.getId())
                    .setPartial(true)
                    .setEndUser(EndUserInput.newBuilder().setFirstName("Zainab"))
                    .setUpdateMask(
                        com.google.protobuf.FieldMask.newBuilder().addPaths("first_name"))
                    .build());
    assertThat(renamed.getFirstName()).isEqualTo("Zainab");

    assertThat(endUsers(partner, key).createEndUser(create("Amina"))).isEqualTo(created);
  }

  @Test
  void sameKeyWithADifferentRequestIsAConflict() {
    String key = newKey();
    endUsers(partner, key).createEndUser(create("Amina"));

    assertConflict(() -> endUsers(partner, key).createEndUser(create("Bola")));
    assertThat(endUserCount(partner)).isEqualTo(1);
  }

  @Test
  void sameKeyOnAnotherMethodIsAConflict() {
    String key = newKey();
    EndUser created = endUsers(partner, key).createEndUser(create("Amina"));

    assertConflict(
        () ->
            endUsers(partner, key)
                .updateEndUser(
                    dev.furrow.proto.lending.v1.UpdateEndUserRequest.newBuilder()
                        .setId(created.getId())
                        .setEndUser(borrower("Amina"))
                        .build()));
  }

  @Test
  void aRefusedCallDoesNotUseUpItsKey() {
    String key = newKey();
    EndUserInput.Builder withoutName = borrower("Amina").clearFirstName();
    assertThatThrownBy(
            () ->
                endUsers(partner, key)
                    .createEndUser(
                        CreateEndUserRequest.newBuilder().setEndUser(withoutName).build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    assertThat(storedKeys(partner)).isZero();

    EndUser corrected = endUsers(partner, key).createEndUser(create("Amina"));

    assertThat(corrected.getFirstName()).isEqualTo("Amina");
    assertThat(endUsers(partner, key).createEndUser(create("Amina"))).isEqualTo(corrected);
    assertThat(endUserCount(partner)).isEqualTo(1);
  }

  @Test
  void keysBelongToTheirPartner() {
    CoreHarness.PartnerKey other = core.newPartner("idempotency-other", ApiFace.API_FACE_LENDING);
    String key = newKey();

    EndUser mine = endUsers(partner, key).createEndUser(create("Amina"));
    EndUser theirs = endUsers(other, key).createEndUser(create("Bola"));

    assertThat(theirs.getId()).isNotEqualTo(mine.getId());
    assertThat(endUserCount(partner)).isEqualTo(1);
    assertThat(endUserCount(other)).isEqualTo(1);
  }

  @Test
  void racingIdenticalCallsHaveExactlyOneEffect() throws Exception {
    String key = newKey();
    int threads = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<EndUser>> calls = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<EndUser> call =
            () -> {
              start.await();
              return endUsers(partner, key).createEndUser(create("Amina"));
            };
        calls.add(pool.submit(call));
      }
      start.countDown();
      List<EndUser> replies = new ArrayList<>();
      for (Future<EndUser> call : calls) {
        replies.add(call.get());
      }
      assertThat(replies).hasSize(threads).containsOnly(replies.get(0));
      assertThat(endUserCount(partner)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void readsIgnoreTheKey() {
    String key = newKey();
    EndUser created = endUsers(partner, null).createEndUser(create("Amina"));

    assertThat(
            endUsers(partner, key)
                .getEndUser(GetEndUserRequest.newBuilder().setId(created.getId()).build()))
        .isEqualTo(created);
    assertThat(
            endUsers(partner, key)
                .listEndUsers(
                    ListEndUsersRequest.newBuilder()
                        .setQuery(ListQuery.newBuilder().setLimit("10"))
                        .build())
                .getResultsList())
        .containsExactly(created);
    assertThat(storedKeys(partner)).isZero();
    // The key is still free for a call with an effect.
    assertThat(endUsers(partner, key).createEndUser(create("Bola")).getFirstName())
        .isEqualTo("Bola");
  }

  @Test
  void blankOrOverlongKeysAreFieldErrors() {
    assertKeyViolation(" ", "This field may not be blank.");
    assertKeyViolation("k".repeat(256), "Ensure this field has no more than 255 characters.");
    assertThat(endUsers(partner, "k".repeat(255)).createEndUser(create("Amina")).getFirstName())
        .isEqualTo("Amina");
  }

  @Test
  void repeatedWriteOffWithTheKeyReplaysTheClosingAndPostsOnce() {
    Loan loan = disbursedLoan("30000");
    var loans = stub(LoanServiceGrpc.newBlockingStub(core.channel()), partner, null);
    String key = newKey();
    CloseLoanRequest close =
        CloseLoanRequest.newBuilder()
            .setId(loan.getId())
            .setCloseReason("Borrower unreachable")
            .setCloseSubstatus("written_off")
            .build();

    Loan closed =
        stub(LoanServiceGrpc.newBlockingStub(core.channel()), partner, key).closeLoan(close);
    Loan again =
        stub(LoanServiceGrpc.newBlockingStub(core.channel()), partner, key).closeLoan(close);

    assertThat(again).isEqualTo(closed);
    assertThat(closed.getWrittenOffAmount()).isEqualTo("30000.00");
    assertThatThrownBy(() -> loans.closeLoan(close))
        .hasMessageContaining("Loan is already closed.");
    LedgerCheck check =
        stub(TransactionServiceGrpc.newBlockingStub(core.channel()), partner, null)
            .checkLedger(CheckLedgerRequest.newBuilder().setLoan(loan.getId()).build());
    assertThat(check.getConsistent()).isTrue();
    assertThat(check.getEntries()).isEqualTo(2);
  }

  @Test
  void aTransactionCreatedWithBothKeysIsAppliedOnce() {
    Loan loan = disbursedLoan("30000");
    String key = newKey();
    CreateTransactionRequest repay =
        CreateTransactionRequest.newBuilder()
            .setTransaction(
                TransactionInput.newBuilder()
                    .setLoan(loan.getId())
                    .setType("repayment")
                    .setAmount("1000")
                    .setIdempotencyKey("body-" + key))
            .build();

    Transaction first =
        stub(TransactionServiceGrpc.newBlockingStub(core.channel()), partner, key)
            .createTransaction(repay);
    Transaction second =
        stub(TransactionServiceGrpc.newBlockingStub(core.channel()), partner, key)
            .createTransaction(repay);

    assertThat(second).isEqualTo(first);
    Loan after =
        stub(LoanServiceGrpc.newBlockingStub(core.channel()), partner, null)
            .getLoan(
                dev.furrow.proto.lending.v1.GetLoanRequest.newBuilder()
                    .setId(loan.getId())
                    .build());
    assertThat(after.getPrincipal()).isEqualTo("29000.00");
  }

  private Loan disbursedLoan(String amount) {
    var products = stub(ProductServiceGrpc.newBlockingStub(core.channel()), partner, null);
    String product =
        products
            .createProduct(
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
                    .build())
            .getId();
    products.publishProduct(PublishProductRequest.newBuilder().setId(product).build());
    EndUser borrower = endUsers(partner, null).createEndUser(create("Amina"));
    var applications = stub(ApplicationServiceGrpc.newBlockingStub(core.channel()), partner, null);
    String application =
        applications
            .createApplication(
                CreateApplicationRequest.newBuilder()
                    .setApplication(
                        ApplicationInput.newBuilder()
                            .setProduct(product)
                            .setEndUser(borrower.getId())
                            .setAmount(amount))
                    .build())
            .getId();
    applications.completeApplication(
        CompleteApplicationRequest.newBuilder().setId(application).build());
    Loan loan =
        stub(LoanServiceGrpc.newBlockingStub(core.channel()), partner, null)
            .createLoan(
                CreateLoanRequest.newBuilder()
                    .setLoan(LoanInput.newBuilder().setApplication(application))
                    .build());
    stub(TransactionServiceGrpc.newBlockingStub(core.channel()), partner, null)
        .createTransaction(
            CreateTransactionRequest.newBuilder()
                .setTransaction(
                    TransactionInput.newBuilder()
                        .setLoan(loan.getId())
                        .setType("disbursement")
                        .setAmount(amount)
                        .setIdempotencyKey(newKey()))
                .build());
    return loan;
  }

  private void assertKeyViolation(String key, String message) {
    assertThatThrownBy(() -> endUsers(partner, key).createEndUser(create("Amina")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              BadRequest details = badRequest(e);
              assertThat(details.getFieldViolationsList())
                  .extracting(
                      BadRequest.FieldViolation::getField,
                      BadRequest.FieldViolation::getDescription)
                  .containsExactly(org.assertj.core.groups.Tuple.tuple("Idempotency-Key", message));
            });
    assertThat(endUserCount(partner)).isZero();
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription()).isEqualTo(KEY_REUSED);
            });
  }

  private static EndUserServiceBlockingStub endUsers(CoreHarness.PartnerKey partner, String key) {
    return stub(EndUserServiceGrpc.newBlockingStub(core.channel()), partner, key);
  }

  /** The stub with the partner's API key and, unless null, the idempotency key. */
  private static <S extends AbstractStub<S>> S stub(
      S stub, CoreHarness.PartnerKey partner, String idempotencyKey) {
    S keyed = core.withApiKey(stub, partner.key());
    if (idempotencyKey == null) {
      return keyed;
    }
    Metadata metadata = new Metadata();
    metadata.put(Caller.IDEMPOTENCY_KEY, idempotencyKey);
    return keyed.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }

  private static CreateEndUserRequest create(String firstName) {
    return CreateEndUserRequest.newBuilder().setEndUser(borrower(firstName)).build();
  }

  private static EndUserInput.Builder borrower(String firstName) {
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

  private static String newKey() {
    return "key-" + UUID.randomUUID();
  }

  private long endUserCount(CoreHarness.PartnerKey owner) {
    return count("SELECT count(*) FROM end_user WHERE partner_id = :partner", owner);
  }

  private long storedKeys(CoreHarness.PartnerKey owner) {
    return count("SELECT count(*) FROM idempotent_request WHERE partner_id = :partner", owner);
  }

  private static long count(String sql, CoreHarness.PartnerKey owner) {
    return core.server()
        .jdbi()
        .withHandle(
            h -> h.createQuery(sql).bind("partner", owner.partnerId()).mapTo(Long.class).one());
  }
}
