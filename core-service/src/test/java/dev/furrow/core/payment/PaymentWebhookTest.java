package dev.furrow.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.payment.PaygWorld.Bank;
import dev.furrow.core.payment.PaygWorld.Contract;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.ConfirmPaymentResponse;
import dev.furrow.proto.payg.v1.IssueWebhookSecretRequest;
import dev.furrow.proto.payg.v1.ListWebhookSecretsRequest;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc;
import dev.furrow.proto.payg.v1.RevokeWebhookSecretRequest;
import dev.furrow.proto.payg.v1.WebhookSecret;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook's guard (key, signature, timestamp, rotation), its validation and idempotency. */
class PaymentWebhookTest {
  @RegisterExtension static final CoreHarness CORE = new CoreHarness();

  private static PaygWorld world;
  private static Bank bank;
  private static Contract contract;

  @BeforeAll
  static void setUp() {
    world = new PaygWorld(CORE);
    bank = world.bank("boa");
    contract = world.contract("boa", "Musa Bello", "8000.00", "10000.00");
  }

  private static StatusRuntimeException refused(Runnable call) {
    return catchThrowableOfType(call::run, StatusRuntimeException.class);
  }

  private static Map<String, String> byLoan(String amount, String code) {
    Map<String, String> fields = PaygWorld.report("Musa Bello", amount, code);
    fields.put("loan_id", contract.loanId());
    return fields;
  }

  @Test
  void aSignedReportIsRecordedAndApplied() {
    ConfirmPaymentResponse response = world.pay(bank, byLoan("100.00", PaygWorld.code()));
    assertThat(response.getReplayed()).isFalse();
    assertThat(response.getPayment().getStatus()).isEqualTo("applied");
    assertThat(response.getPayment().getCurrency()).isEqualTo("NGN");
    assertThat(response.getPayment().getInitiatedAt().getSeconds())
        .isEqualTo(Instant.parse("2026-03-02T08:15:00Z").getEpochSecond());
  }

  @Test
  void aWrongKeyIsUnauthenticatedBeforeAnythingElse() {
    var stranger =
        CORE.withApiKey(PaymentServiceGrpc.newBlockingStub(CORE.channel()), "furrow_nope");
    StatusRuntimeException e =
        refused(() -> stranger.confirmPayment(PaygWorld.signed(byLoan("1", "x"), bank.secret())));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  @Test
  void forgedStaleMissingAndMalformedSignaturesAreRefusedWithTheirReasonAndNothingIsRecorded() {
    String code = PaygWorld.code();
    Map<String, String> fields = byLoan("100.00", code);
    long now = Instant.now().getEpochSecond();
    byte[] body = PaygWorld.json(fields).getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(now);
    Map<ConfirmPaymentRequest, String> cases =
        Map.of(
            PaygWorld.signed(fields, "f".repeat(64)),
            "Signature does not match any active webhook secret.",
            PaygWorld.signedAt(fields, bank.secret(), now - 301),
            "X-Furrow-Timestamp is more than 300 seconds away from the current time.",
            PaygWorld.signedAt(fields, bank.secret(), now + 400),
            "X-Furrow-Timestamp is more than 300 seconds away from the current time.",
            PaygWorld.request(fields, body, ts, ""),
            "Missing X-Furrow-Signature header.",
            PaygWorld.request(fields, body, ts, "deadbeef"),
            "Malformed X-Furrow-Signature header; expected sha256=<64 hex digits>.",
            PaygWorld.request(fields, body, "", WebhookSignature.sign(bank.secret(), ts, body)),
            "Missing X-Furrow-Timestamp header.",
            // a signature taken from one delivery replayed with a new timestamp
            PaygWorld.request(
                fields,
                body,
                Long.toString(now + 1),
                WebhookSignature.sign(bank.secret(), ts, body)),
            "Signature does not match any active webhook secret.");
    cases.forEach(
        (request, message) -> {
          StatusRuntimeException e = refused(() -> bank.payments().confirmPayment(request));
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
          assertThat(e.getStatus().getDescription()).isEqualTo(message);
        });
    // a body altered after signing
    ConfirmPaymentRequest signed = PaygWorld.signed(fields, bank.secret());
    Map<String, String> altered = byLoan("9100.00", code);
    ConfirmPaymentRequest tampered =
        PaygWorld.request(
            altered,
            PaygWorld.json(altered).getBytes(StandardCharsets.UTF_8),
            signed.getTimestamp(),
            signed.getSignature());
    assertThat(refused(() -> bank.payments().confirmPayment(tampered)).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(world.payments(bank.id(), code)).isZero();
  }

  @Test
  void rotationAcceptsOldAndNewSecretsUntilTheOldIsRevoked() {
    Bank rotating = world.bank("boa");
    long oldId =
        world
            .admin
            .listWebhookSecrets(
                ListWebhookSecretsRequest.newBuilder().setPartnerId(rotating.id()).build())
            .getSecrets(0)
            .getId();
    WebhookSecret fresh =
        world.admin.issueWebhookSecret(
            IssueWebhookSecretRequest.newBuilder().setPartnerId(rotating.id()).build());
    assertThat(fresh.getSecret()).matches("[0-9a-f]{64}");
    assertThat(
            rotating
                .payments()
                .confirmPayment(
                    PaygWorld.signed(byLoan("1.00", PaygWorld.code()), rotating.secret()))
                .getPayment()
                .getStatus())
        .isEqualTo("applied");
    assertThat(
            rotating
                .payments()
                .confirmPayment(
                    PaygWorld.signed(byLoan("1.00", PaygWorld.code()), fresh.getSecret()))
                .getReplayed())
        .isFalse();

    WebhookSecret revoked =
        world.admin.revokeWebhookSecret(
            RevokeWebhookSecretRequest.newBuilder().setSecretId(oldId).build());
    assertThat(revoked.hasRevokedAt()).isTrue();
    assertThat(revoked.getSecret()).isEmpty();
    StatusRuntimeException e =
        refused(
            () ->
                rotating
                    .payments()
                    .confirmPayment(
                        PaygWorld.signed(byLoan("1.00", PaygWorld.code()), rotating.secret())));
    assertThat(e.getStatus().getDescription())
        .isEqualTo("Signature does not match any active webhook secret.");
    assertThat(
            rotating
                .payments()
                .confirmPayment(
                    PaygWorld.signed(byLoan("1.00", PaygWorld.code()), fresh.getSecret()))
                .getPayment()
                .getStatus())
        .isEqualTo("applied");
    List<WebhookSecret> listed =
        world
            .admin
            .listWebhookSecrets(
                ListWebhookSecretsRequest.newBuilder().setPartnerId(rotating.id()).build())
            .getSecretsList();
    assertThat(listed).extracting(WebhookSecret::getId).containsExactly(fresh.getId(), oldId);
    assertThat(listed).extracting(WebhookSecret::getSecret).containsOnly("");
  }

  @Test
  void aPartnerWithoutSecretsIsToldSo() {
    Bank unsigned = world.bank("boa");
    long id =
        world
            .admin
            .listWebhookSecrets(
                ListWebhookSecretsRequest.newBuilder().setPartnerId(unsigned.id()).build())
            .getSecrets(0)
            .getId();
    world.admin.revokeWebhookSecret(
        RevokeWebhookSecretRequest.newBuilder().setSecretId(id).build());
    StatusRuntimeException e = refused(() -> world.pay(unsigned, byLoan("1.00", PaygWorld.code())));
    assertThat(e.getStatus().getDescription())
        .isEqualTo("No webhook secret is active for this partner.");
  }

  @Test
  void invalidFieldsAreReportedPerFieldAfterTheSignatureAndNothingIsStored() {
    Map<String, String> fields = PaygWorld.report(" ", "12.345", null);
    fields.put("completed_at", "2026-03-02");
    StatusRuntimeException e = refused(() -> world.pay(bank, fields));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(violations(e))
        .containsExactly(
            "customer_name: This field may not be blank.",
            "amount_paid: Ensure that there are no more than 2 decimal places.",
            "transaction_code: This field is required.",
            "completed_at: " + PaymentPolicy.DATETIME_FORMAT);

    ConfirmPaymentRequest notAnObject =
        PaygWorld.signed(byLoan("1", "ignored"), bank.secret()).toBuilder()
            .setBodyError("Invalid data. Expected a dictionary, but got list.")
            .build();
    StatusRuntimeException body = refused(() -> bank.payments().confirmPayment(notAnObject));
    assertThat(violations(body))
        .containsExactly("non_field_errors: Invalid data. Expected a dictionary, but got list.");
  }

  @Test
  void aRedeliveryReturnsTheOriginalAndAppliesNothingTwice() {
    Contract own = world.contract("boa", "Halima Sani", "4000.00", "5000.00");
    String code = PaygWorld.code();
    Map<String, String> fields = PaygWorld.report("Halima Sani", "750.00", code);
    fields.put("loan_id", own.loanId());
    ConfirmPaymentResponse first = world.pay(bank, fields);
    // the same report again, later, with the amount written differently
    fields.put("amount_paid", "750");
    ConfirmPaymentResponse again = world.pay(bank, fields);

    assertThat(first.getReplayed()).isFalse();
    assertThat(again.getReplayed()).isTrue();
    assertThat(again.getPayment()).isEqualTo(first.getPayment());
    assertThat(world.repayments(own.loanAccount())).isEqualTo(1);
    assertThat(world.contractField(own.id(), "remaining_contract_value")).isEqualTo("4250.00");
    // the loan's allocation: fees (the finance charge) first
    assertThat(world.loan(own.loanAccount()).getFee()).isEqualTo("250.00");
    assertThat(world.loan(own.loanAccount()).getPrincipal()).isEqualTo("4000.00");
  }

  @Test
  void aReusedCodeWithDifferentFieldsIsAlreadyExists() {
    String code = PaygWorld.code();
    world.pay(bank, byLoan("10.00", code));
    StatusRuntimeException e = refused(() -> world.pay(bank, byLoan("10.01", code)));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(e.getStatus().getDescription())
        .isEqualTo("transaction_code '" + code + "' was already used for a different payment.");
    assertThat(world.payments(bank.id(), code)).isEqualTo(1);
  }

  @Test
  void theSameCodeFromAnotherPartnerIsAnotherPayment() {
    Bank other = world.bank("boa");
    String code = PaygWorld.code();
    long first = world.pay(bank, byLoan("5.00", code)).getPayment().getId();
    ConfirmPaymentResponse second = world.pay(other, byLoan("5.00", code));
    assertThat(second.getReplayed()).isFalse();
    assertThat(second.getPayment().getId()).isNotEqualTo(first);
  }

  @Test
  void racingRedeliveriesMakeOnePaymentAndOneRepayment() throws Exception {
    Contract own = world.contract("boa", "Ibrahim Musa", "4000.00", "5000.00");
    String code = PaygWorld.code();
    Map<String, String> fields = PaygWorld.report("Ibrahim Musa", "321.09", code);
    fields.put("loan_id", own.loanId());
    int senders = 8;
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ConfirmPaymentResponse>> futures = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        ConfirmPaymentRequest request = PaygWorld.signed(fields, bank.secret());
        Callable<ConfirmPaymentResponse> call =
            () -> {
              start.await();
              return bank.payments().confirmPayment(request);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<ConfirmPaymentResponse> responses = new ArrayList<>();
      for (Future<ConfirmPaymentResponse> f : futures) {
        responses.add(f.get());
      }
      assertThat(responses.stream().map(r -> r.getPayment().getId()).distinct()).hasSize(1);
      assertThat(responses.stream().filter(r -> !r.getReplayed())).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(world.payments(bank.id(), code)).isEqualTo(1);
    assertThat(world.repayments(own.loanAccount())).isEqualTo(1);
    assertThat(world.contractField(own.id(), "remaining_contract_value")).isEqualTo("4678.91");
    assertThat(world.ledger(own.loanAccount()).getConsistent()).isTrue();
  }

  private static List<String> violations(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetailsList().stream()
          .filter(d -> d.is(BadRequest.class))
          .flatMap(
              d -> {
                try {
                  return d.unpack(BadRequest.class).getFieldViolationsList().stream();
                } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                  throw new IllegalStateException(x);
                }
              })
          .map(v -> v.getField() + ": " + v.getDescription())
          .collect(Collectors.toList());
    } catch (IllegalStateException x) {
      throw x;
    }
  }
}
