package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Reply;
import dev.furrow.local.PaygSystem.Partner;
import dev.furrow.proto.payg.v1.Contract;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one PAYG key sees: the contracts of the funding sources its partner is entitled to, and
 * their billing periods, invoices and payments; another partner's are 404 and never listed.
 */
class PaygIsolationRestTest {

  @RegisterExtension static final PaygSystem system = new PaygSystem();

  private static final JsonNode NOT_FOUND = json("{\"detail\": \"Not found.\"}");

  private static Partner alice;
  private static Partner bob;
  private static Partner carol;
  private static Contract aliceContract;
  private static Contract bobContract;
  private static long bobPeriod;
  private static long bobInvoice;

  @BeforeAll
  static void twoPartnersWithAWeekBilledAndPaid() {
    alice = system.newPartner("fs-alice");
    bob = system.newPartner("fs-bob");
    // Carol funds through Bob's program: she sees its contracts too.
    carol = system.newPartner("fs-bob");
    aliceContract = system.newContract(alice, "fs-alice");
    bobContract = system.newContract(bob, "fs-bob");
    for (Contract c : List.of(aliceContract, bobContract)) {
      system.recordUsage(
          c.getTractorId(),
          "iso-1",
          PaygSystem.weekStart(-1).atTime(9, 0).toInstant(ZoneOffset.UTC),
          "1");
    }
    system.runBillingCycle(PaygSystem.weekStart(0));
    JsonNode period = bob.getOk("/payg/lms/billing-periods").get("results").get(0);
    bobPeriod = period.get("id").asLong();
    bobInvoice = period.get("invoice").asLong();
    Reply paid =
        bob.report(
            """
            {"customer_name": "x", "amount_paid": "45000.00", "transaction_code": "B-1",
             "initiated_at": "2026-11-02T08:00:00Z", "completed_at": "2026-11-02T08:01:00Z",
             "loan_id": "%s"}
            """
                .formatted(bobContract.getLoanId()));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.get("results").forEach(r -> ids.add(r.get("id").asLong()));
    return ids;
  }

  @Test
  void anotherPartnersResourcesAreNotFound() {
    for (String path :
        List.of(
            "/payg/lms/contracts/" + bobContract.getId(),
            "/payg/lms/contracts/" + bobContract.getId() + "/",
            "/payg/lms/billing-periods/" + bobPeriod,
            "/payg/lms/invoices/" + bobInvoice,
            "/payg/lms/contracts/999999",
            "/payg/lms/contracts/abc",
            "/payg/lms/invoices/-1")) {
      Reply reply = alice.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.json()).as(path).isEqualTo(NOT_FOUND);
    }
  }

  @Test
  void listsShowOnlyTheEntitledFundingSources() {
    assertThat(ids(alice.getOk("/payg/lms/contracts"))).containsExactly(aliceContract.getId());
    assertThat(ids(bob.getOk("/payg/lms/contracts"))).containsExactly(bobContract.getId());
    assertThat(ids(carol.getOk("/payg/lms/contracts"))).containsExactly(bobContract.getId());
    assertThat(alice.getOk("/payg/lms/contracts?funding_source=fs-bob").get("count").asInt())
        .isZero();
    assertThat(
            alice.getOk("/payg/lms/billing-periods").get("results").get(0).get("contract").asLong())
        .isEqualTo(aliceContract.getId());
    assertThat(alice.getOk("/payg/lms/billing-periods").get("count").asInt()).isEqualTo(1);
    assertThat(
            alice
                .getOk("/payg/lms/billing-periods?contract=" + bobContract.getId())
                .get("count")
                .asInt())
        .isZero();
    assertThat(alice.getOk("/payg/lms/invoices").get("count").asInt()).isEqualTo(1);
    assertThat(ids(alice.getOk("/payg/lms/invoices"))).doesNotContain(bobInvoice);
    assertThat(alice.getOk("/payg/lms/payments?status=applied").get("count").asInt()).isZero();
    assertThat(bob.getOk("/payg/lms/payments").get("count").asInt()).isEqualTo(1);
    assertThat(carol.getOk("/payg/lms/invoices/" + bobInvoice).get("status").asText())
        .isEqualTo("payment_complete");
  }

  @Test
  void aPaymentNamingAnotherPartnersLoanIsNotMatchedToIt() {
    Reply reply =
        alice.report(
            """
            {"customer_name": "%s", "amount_paid": "10.00", "transaction_code": "A-X",
             "initiated_at": "2026-11-02T08:00:00Z", "completed_at": "2026-11-02T08:01:00Z",
             "loan_id": "%s"}
            """
                .formatted(bobContract.getLoaner(), bobContract.getLoanId()));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("status").asText()).isEqualTo("unmatched");
    assertThat(bob.getOk("/payg/lms/payments").get("count").asInt()).isEqualTo(1);
    assertThat(
            bob.getOk("/payg/lms/contracts/" + bobContract.getId())
                .get("remaining_contract_value")
                .asText())
        .isEqualTo("1455000.00");
    // Bob's secret does not sign for Alice's key.
    String body = "{}";
    String ts = Long.toString(java.time.Instant.now().getEpochSecond());
    Reply crossSigned =
        alice.deliver(
            body,
            ts,
            PaygSystem.signature(
                bob.secret, ts, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(crossSigned.status()).isEqualTo(401);
  }

  @Test
  void everyEndpointNeedsAPaygKey() {
    String lendingKey = system.lendingKey(alice);
    for (String path :
        List.of(
            "/payg/lms/contracts",
            "/payg/lms/contracts/" + aliceContract.getId(),
            "/payg/lms/billing-periods",
            "/payg/lms/billing-periods/" + bobPeriod,
            "/payg/lms/invoices",
            "/payg/lms/invoices/" + bobInvoice,
            "/payg/lms/payments")) {
      Reply none = system.call("GET", path, null, null);
      Reply lending = system.call("GET", path, lendingKey, null);
      assertThat(none.status()).as(path).isEqualTo(401);
      assertThat(none.json())
          .isEqualTo(json("{\"detail\": \"Authentication credentials were not provided.\"}"));
      assertThat(lending.status()).as(path).isEqualTo(401);
      assertThat(lending.json()).isEqualTo(json("{\"detail\": \"Invalid API key.\"}"));
    }
    assertThat(
            system
                .call("POST", "/payg/lms/webhooks/payment-confirmation", null, "{}".getBytes())
                .status())
        .isEqualTo(401);
  }
}
