package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Reply;
import dev.furrow.local.PaygSystem.Partner;
import dev.furrow.proto.payg.v1.AssignPaymentRequest;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.IssueWebhookSecretRequest;
import dev.furrow.proto.payg.v1.ListUnmatchedPaymentsRequest;
import dev.furrow.proto.payg.v1.Payment;
import dev.furrow.proto.payg.v1.RevokeWebhookSecretRequest;
import dev.furrow.proto.payg.v1.WebhookSecret;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The payment-confirmation webhook against the real core: signatures (valid, forged, stale,
 * replayed, rotated), redelivery and reuse of a transaction code, and every way a payment is
 * matched, including the unmatched queue and the operator's assignment.
 */
class PaygWebhookRestTest {

  @RegisterExtension static final PaygSystem system = new PaygSystem();

  private static String body(String code, String amount, String customer, String match) {
    return """
        {"customer_name": "%s", "amount_paid": %s, "transaction_code": "%s",
         "initiated_at": "2026-11-02T08:00:00Z", "completed_at": "2026-11-02T08:01:30Z"%s}
        """
        .formatted(customer, amount, code, match);
  }

  private static String byLoan(Contract contract) {
    return ", \"loan_id\": \"" + contract.getLoanId() + "\"";
  }

  private record Setup(Partner partner, Contract contract) {}

  private static Setup setup() {
    String source = "fs-p" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    return new Setup(partner, system.newContract(partner, source));
  }

  private static String now() {
    return Long.toString(Instant.now().getEpochSecond());
  }

  private static String sign(Partner partner, String ts, String body) {
    return PaygSystem.signature(partner.secret, ts, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void validDeliveryIsAppliedAndAnsweredWithThePayment() {
    Setup s = setup();
    String body = body("V-1", "12500.50", s.contract().getLoaner(), byLoan(s.contract()));

    Reply reply = s.partner().report(body);

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    JsonNode payment = reply.json();
    assertThat(payment.get("status").asText()).isEqualTo("applied");
    assertThat(payment.get("amount_paid").asText()).isEqualTo("12500.50");
    assertThat(payment.get("currency").asText()).isEqualTo("NGN");
    assertThat(payment.get("contract").asLong()).isEqualTo(s.contract().getId());
    assertThat(payment.get("initiated_at").asText()).isEqualTo("2026-11-02T08:00:00Z");
    assertThat(payment.get("completed_at").asText()).isEqualTo("2026-11-02T08:01:30Z");
    assertThat(payment.get("remaining_contract_value_after").asText()).isEqualTo("1487499.50");
    assertThat(payment.get("unapplied_amount").asText()).isEqualTo("0.00");
    // No invoice yet: it all goes to the contract's credit.
    assertThat(payment.get("allocations"))
        .isEqualTo(
            json(
                """
                [{"invoice": null, "invoice_number": null, "billing_period": null,
                  "amount": "12500.50", "invoice_outstanding_after": null}]
                """));
    assertThat(payment.get("loan_transaction").asText()).hasSize(36);
    assertThat(s.partner().getOk("/payg/lms/payments").get("results").get(0)).isEqualTo(payment);
  }

  @Test
  void forgedStaleAndMalformedDeliveriesAre401WithTheReason() {
    Setup s = setup();
    String body = body("F-1", "\"100.00\"", "x", byLoan(s.contract()));
    String ts = now();
    String stale = Long.toString(Instant.now().getEpochSecond() - 301);

    Reply forged =
        s.partner()
            .deliver(
                body,
                ts,
                PaygSystem.signature(
                    "another-secret-of-32-characters-or-more",
                    ts,
                    body.getBytes(StandardCharsets.UTF_8)));
    Reply tampered =
        s.partner().deliver(body.replace("100.00", "900.00"), ts, sign(s.partner(), ts, body));
    Reply old = s.partner().deliver(body, stale, sign(s.partner(), stale, body));
    Reply unsigned = s.partner().deliver(body, ts, "");
    Reply malformed = s.partner().deliver(body, ts, "sha256=xyz");
    Reply noTime = s.partner().deliver(body, "", sign(s.partner(), ts, body));
    Reply notJsonForged = s.partner().deliver("[not json", ts, "sha256=" + "0".repeat(64));

    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.json())
        .isEqualTo(json("{\"detail\": \"Signature does not match any active webhook secret.\"}"));
    assertThat(tampered.json()).isEqualTo(forged.json());
    assertThat(old.status()).isEqualTo(401);
    assertThat(old.json())
        .isEqualTo(
            json(
                "{\"detail\": \"X-Furrow-Timestamp is more than 300 seconds away from the"
                    + " current time.\"}"));
    assertThat(unsigned.json())
        .isEqualTo(json("{\"detail\": \"Missing X-Furrow-Signature header.\"}"));
    assertThat(malformed.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Malformed X-Furrow-Signature header; expected sha256=<64 hex"
                    + " digits>.\"}"));
    assertThat(noTime.json())
        .isEqualTo(json("{\"detail\": \"Missing X-Furrow-Timestamp header.\"}"));
    assertThat(notJsonForged.status()).isEqualTo(401);
    assertThat(forged.headers().firstValue("www-authenticate")).hasValue("Bearer");
    assertThat(s.partner().getOk("/payg/lms/payments").get("count").asInt()).isZero();
    assertThat(
            system
                .call(
                    "POST",
                    "/payg/lms/webhooks/payment-confirmation",
                    null,
                    body.getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(401);
  }

  @Test
  void replayedAndRedeliveredReportsApplyOnce() {
    Setup s = setup();
    String body = body("R-1", "1000.00", "x", byLoan(s.contract()));
    String ts = now();
    String signature = sign(s.partner(), ts, body);

    Reply first = s.partner().deliver(body, ts, signature);
    Reply replayed = s.partner().deliver(body, ts, signature);
    // The partner's retry: the same report, signed again later.
    Reply redelivered = s.partner().report(body);
    // The same fields in another JSON layout are the same payment.
    Reply reformatted =
        s.partner()
            .report(
                "{\"transaction_code\":\"R-1\",\"amount_paid\":1000,\"customer_name\":\"x\","
                    + "\"initiated_at\":\"2026-11-02T08:00:00Z\","
                    + "\"completed_at\":\"2026-11-02T08:01:30Z\",\"loan_id\":\""
                    + s.contract().getLoanId()
                    + "\"}");
    Reply reused = s.partner().report(body.replace("1000.00", "2000.00"));

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.json()).isEqualTo(first.json());
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(redelivered.json()).isEqualTo(first.json());
    assertThat(reformatted.status()).as(reformatted.body()).isEqualTo(200);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.json())
        .isEqualTo(
            json(
                "{\"detail\": \"transaction_code 'R-1' was already used for a different"
                    + " payment.\"}"));
    assertThat(s.partner().getOk("/payg/lms/payments").get("count").asInt()).isEqualTo(1);
    assertThat(
            s.partner()
                .getOk("/payg/lms/contracts/" + s.contract().getId())
                .get("remaining_contract_value")
                .asText())
        .isEqualTo("1499000.00");
  }

  @Test
  void badBodiesAre400OnceTheSignatureHolds() {
    Setup s = setup();

    Reply notAnObject = s.partner().report("[1, 2]");
    Reply notJson = s.partner().report("{\"amount_paid\": ");
    Reply wrongType = s.partner().report("{\"customer_name\": true}");
    Reply missing = s.partner().report("{\"customer_name\": \"x\"}");

    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json())
        .isEqualTo(
            json(
                "{\"non_field_errors\": [\"Invalid data. Expected a dictionary, but got"
                    + " list.\"]}"));
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("detail").asText()).startsWith("JSON parse error - ");
    assertThat(wrongType.json()).isEqualTo(json("{\"customer_name\": [\"Not a valid string.\"]}"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("amount_paid")).isEqualTo(json("[\"This field is required.\"]"));
    assertThat(missing.json().get("transaction_code"))
        .isEqualTo(json("[\"This field is required.\"]"));
  }

  @Test
  void rotatedSecretsBothVerifyUntilTheOldOneIsRevoked() {
    Setup s = setup();
    WebhookSecret second =
        system
            .payments()
            .issueWebhookSecret(
                IssueWebhookSecretRequest.newBuilder().setPartnerId(s.partner().id).build());
    String body = body("ROT-1", "10.00", "x", byLoan(s.contract()));
    String ts = now();

    Reply withNew =
        s.partner()
            .deliver(
                body,
                ts,
                PaygSystem.signature(
                    second.getSecret(), ts, body.getBytes(StandardCharsets.UTF_8)));
    long oldId =
        system
            .payments()
            .listWebhookSecrets(
                dev.furrow.proto.payg.v1.ListWebhookSecretsRequest.newBuilder()
                    .setPartnerId(s.partner().id)
                    .build())
            .getSecretsList()
            .stream()
            .filter(secret -> secret.getId() != second.getId())
            .findFirst()
            .orElseThrow()
            .getId();
    Reply withOld = s.partner().report(body("ROT-2", "10.00", "x", byLoan(s.contract())));
    system
        .payments()
        .revokeWebhookSecret(RevokeWebhookSecretRequest.newBuilder().setSecretId(oldId).build());
    Reply afterRevoke = s.partner().report(body("ROT-3", "10.00", "x", byLoan(s.contract())));

    assertThat(withNew.status()).as(withNew.body()).isEqualTo(201);
    assertThat(withOld.status()).as(withOld.body()).isEqualTo(201);
    assertThat(afterRevoke.status()).isEqualTo(401);
  }

  @Test
  void everyMatchingPathIncludingTheUnmatchedQueueAndTheOperator() {
    String source = "fs-m" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    Contract unique = system.newContract(partner, source, r -> r.setLoaner("Zainab Musa"));
    Contract twinA = system.newContract(partner, source, r -> r.setLoaner("Ibrahim Sani"));
    system.newContract(partner, source, r -> r.setLoaner("ibrahim sani "));

    Reply byName = partner.report(body("M-1", "\"50.00\"", "  ZAINAB MUSA", ""));
    Reply ambiguous = partner.report(body("M-2", "\"60.00\"", "Ibrahim Sani", ""));
    Reply unknownName = partner.report(body("M-3", "\"70.00\"", "Nobody", ""));
    Reply unknownLoan =
        partner.report(body("M-4", "\"80.00\"", "Zainab Musa", ", \"loan_id\": \"LOAN-NONE\""));
    Reply unknownInvoice =
        partner.report(
            body("M-5", "\"90.00\"", "Zainab Musa", ", \"invoice_number\": \"INV-0000-000000\""));

    assertThat(byName.status()).as(byName.body()).isEqualTo(201);
    assertThat(byName.json().get("match_method").asText()).isEqualTo("customer_name");
    assertThat(byName.json().get("contract").asLong()).isEqualTo(unique.getId());
    assertThat(ambiguous.status()).isEqualTo(201);
    assertThat(ambiguous.json().get("status").asText()).isEqualTo("unmatched");
    assertThat(ambiguous.json().get("unmatched_reason").asText())
        .isEqualTo("2 open contracts match customer 'Ibrahim Sani'");
    assertThat(ambiguous.json().get("contract").isNull()).isTrue();
    assertThat(ambiguous.json().get("applied_at").isNull()).isTrue();
    assertThat(ambiguous.json().get("match_method").isNull()).isTrue();
    assertThat(unknownName.json().get("unmatched_reason").asText())
        .isEqualTo("no open contract for customer 'Nobody'");
    assertThat(unknownLoan.json().get("unmatched_reason").asText())
        .isEqualTo("no contract with loan_id 'LOAN-NONE'");
    assertThat(unknownLoan.json().get("requested_loan_id").asText()).isEqualTo("LOAN-NONE");
    assertThat(unknownInvoice.json().get("unmatched_reason").asText())
        .isEqualTo("no invoice 'INV-0000-000000'");

    // The partner sees its own unmatched reports; the operator sees the queue.
    assertThat(partner.getOk("/payg/lms/payments?status=unmatched").get("count").asInt())
        .isEqualTo(4);
    assertThat(partner.getOk("/payg/lms/payments?status=applied").get("count").asInt())
        .isEqualTo(1);
    assertThat(
            system
                .payments()
                .listUnmatchedPayments(
                    ListUnmatchedPaymentsRequest.newBuilder().setPartnerId(partner.id).build())
                .getPaymentsList())
        .extracting(Payment::getTransactionCode)
        .containsExactly("M-2", "M-3", "M-4", "M-5");

    Payment assigned =
        system
            .payments()
            .assignPayment(
                AssignPaymentRequest.newBuilder()
                    .setPaymentId(ambiguous.json().get("id").asLong())
                    .setContractId(twinA.getId())
                    .build());
    assertThat(assigned.getMatchMethod()).isEqualTo("operator");
    JsonNode listed =
        partner.getOk("/payg/lms/payments?contract=" + twinA.getId()).get("results").get(0);
    assertThat(listed.get("transaction_code").asText()).isEqualTo("M-2");
    assertThat(listed.get("status").asText()).isEqualTo("applied");
    assertThat(listed.get("match_method").asText()).isEqualTo("operator");
    assertThat(listed.get("remaining_contract_value_after").asText()).isEqualTo("1499940.00");
    assertThat(partner.getOk("/payg/lms/payments?status=unmatched").get("count").asInt())
        .isEqualTo(3);
    // Assigning twice is refused.
    try {
      system
          .payments()
          .assignPayment(
              AssignPaymentRequest.newBuilder()
                  .setPaymentId(ambiguous.json().get("id").asLong())
                  .setContractId(twinA.getId())
                  .build());
      throw new AssertionError("assigned twice");
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    }
    // The redelivery of an unmatched report that was assigned since answers as it is now.
    Reply redelivered = partner.report(body("M-2", "\"60.00\"", "Ibrahim Sani", ""));
    assertThat(redelivered.status()).isEqualTo(200);
    assertThat(redelivered.json().get("status").asText()).isEqualTo("applied");
    // Search and filters of the payment list.
    assertThat(
            partner
                .getOk("/payg/lms/payments?search=nobody&searchby=customer_name")
                .get("count")
                .asInt())
        .isEqualTo(1);
    assertThat(
            partner
                .getOk("/payg/lms/payments?date_from=2026-11-02&date_to=2026-11-02")
                .get("count")
                .asInt())
        .isEqualTo(5);
    assertThat(partner.getOk("/payg/lms/payments?date_from=2026-11-03").get("count").asInt())
        .isZero();
  }
}
