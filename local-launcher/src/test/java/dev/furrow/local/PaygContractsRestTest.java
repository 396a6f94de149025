package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Reply;
import dev.furrow.local.PaygSystem.Partner;
import dev.furrow.proto.payg.v1.Contract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contracts over REST against the real core: the reference's example request, every query
 * parameter, the status rule and the USD snapshot as a partner sees them.
 */
class PaygContractsRestTest {

  @RegisterExtension static final PaygSystem system = new PaygSystem();

  private static List<String> loanIds(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("results").forEach(c -> ids.add(c.get("loan_id").asText()));
    return ids;
  }

  @Test
  void documentedCurlExampleAnswersTheContractModel() {
    system.fxRate("NGN", "1500.00");
    Partner partner = system.newPartner("boa");
    Contract contract =
        system.newContract(
            partner,
            "boa",
            r ->
                r.setLoanId("LOAN-DOC-1")
                    .setName("Musa Ibrahim")
                    .setLoaner("Kano Agro Services")
                    .setLoanStartDate("2025-01-15")
                    .setLoanEndDate("2027-01-15"));

    Reply reply =
        partner.get("/payg/lms/contracts?page=1&limit=25&funding_source=boa&status=CURRENT");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    JsonNode list = reply.json();
    JsonNode first = list.get("results").get(0);
    assertThat(list.get("count").asLong()).isEqualTo(1);
    assertThat(list.get("next").isNull()).isTrue();
    assertThat(list.get("previous").isNull()).isTrue();
    assertThat(first)
        .isEqualTo(
            json(
                """
                {"id": %d, "loan_id": "LOAN-DOC-1", "name": "Musa Ibrahim",
                 "loaner": "Kano Agro Services", "funding_source": "boa",
                 "tractor_id": "%s", "status": "CURRENT", "equipment_cost": "1500000.00",
                 "principal_amount": "300000.00", "remaining_contract_value": "1500000.00",
                 "total_repayment_amount": "1500000.00", "currency": "NGN",
                 "loan_start_date": "2025-01-15", "loan_end_date": "2027-01-15",
                 "usd_snapshot": "1000.00", "repayment_per_hectare": "45000.00",
                 "created_at": "%s"}
                """
                    .formatted(
                        contract.getId(),
                        contract.getTractorId(),
                        first.get("created_at").asText())));
    // The documented order, then the addition.
    List<String> names = new ArrayList<>();
    first.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "id",
            "loan_id",
            "name",
            "loaner",
            "funding_source",
            "tractor_id",
            "status",
            "equipment_cost",
            "principal_amount",
            "remaining_contract_value",
            "total_repayment_amount",
            "currency",
            "loan_start_date",
            "loan_end_date",
            "usd_snapshot",
            "repayment_per_hectare",
            "created_at");
    assertThat(first.get("id").isIntegralNumber()).isTrue();
    assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");

    Reply detail = partner.get("/payg/lms/contracts/" + contract.getId());
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.json()).isEqualTo(first);
    assertThat(partner.get("/payg/lms/contracts/" + contract.getId() + "/").json())
        .isEqualTo(first);
  }

  @Test
  void everyQueryParameterOfTheContractList() {
    String source = "fs-q" + PaygSystem.unique();
    String other = "fs-r" + PaygSystem.unique();
    Partner partner = system.newPartner(source, other);
    Contract a =
        system.newContract(partner, source, r -> r.setName("Alpha Farms").setLoaner("Ade Okafor"));
    Contract b =
        system.newContract(
            partner,
            source,
            r ->
                r.setName("Beta Works")
                    .setLoaner("Bola Ade")
                    .setCurrency("KES")
                    .setEquipmentCost("900000.00")
                    .setTotalRepaymentAmount("900000.00"));
    Contract c = system.newContract(partner, other, r -> r.setName("Gamma Agro"));

    // Default ordering: newest first.
    assertThat(loanIds(partner.getOk("/payg/lms/contracts")))
        .containsExactly(c.getLoanId(), b.getLoanId(), a.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?ordering=created_at")))
        .containsExactly(a.getLoanId(), b.getLoanId(), c.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?ordering=-equipment_cost,loan_id")))
        .containsExactly(a.getLoanId(), c.getLoanId(), b.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?currency=KES")))
        .containsExactly(b.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?funding_source=" + other)))
        .containsExactly(c.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?status=CURRENT"))).hasSize(3);
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?status=CLOSED"))).isEmpty();
    // Search: every searchable field, or the one searchby names.
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?search=ade&ordering=name")))
        .containsExactly(a.getLoanId(), b.getLoanId());
    assertThat(
            loanIds(partner.getOk("/payg/lms/contracts?search=ADE&searchby=loaner&ordering=name")))
        .containsExactly(a.getLoanId(), b.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?search=beta&searchby=name")))
        .containsExactly(b.getLoanId());
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?search=beta&searchby=loaner"))).isEmpty();
    assertThat(
            loanIds(
                partner.getOk(
                    "/payg/lms/contracts?search=" + c.getTractorId() + "&searchby=tractor_id")))
        .containsExactly(c.getLoanId());
    assertThat(
            loanIds(
                partner.getOk("/payg/lms/contracts?search=" + a.getLoanId() + "&searchby=loan_id")))
        .containsExactly(a.getLoanId());
    // Unknown parameters are ignored.
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?colour=red&utm_source=x"))).hasSize(3);

    // Pages, with links keeping the other parameters.
    JsonNode page1 = partner.getOk("/payg/lms/contracts?limit=2&ordering=created_at&colour=red");
    String base = system.baseUrl() + "/payg/lms/contracts";
    assertThat(page1.get("count").asInt()).isEqualTo(3);
    assertThat(loanIds(page1)).containsExactly(a.getLoanId(), b.getLoanId());
    assertThat(page1.get("next").asText())
        .isEqualTo(base + "?colour=red&limit=2&ordering=created_at&page=2");
    assertThat(page1.get("previous").isNull()).isTrue();
    JsonNode page2 = partner.getOk(page1.get("next").asText().substring(system.baseUrl().length()));
    assertThat(loanIds(page2)).containsExactly(c.getLoanId());
    assertThat(page2.get("next").isNull()).isTrue();
    assertThat(page2.get("previous").asText())
        .isEqualTo(base + "?colour=red&limit=2&ordering=created_at");
  }

  @Test
  void badQueryValuesAre400NamingTheParameter() {
    Partner partner = system.newPartner("fs-b" + PaygSystem.unique());

    assertThat(partner.get("/payg/lms/contracts?limit=101").json())
        .isEqualTo(json("{\"limit\": [\"Ensure this value is less than or equal to 100.\"]}"));
    assertThat(partner.get("/payg/lms/contracts?page=0").json())
        .isEqualTo(json("{\"page\": [\"Ensure this value is greater than or equal to 1.\"]}"));
    Reply status = partner.get("/payg/lms/contracts?status=LATE");
    assertThat(status.status()).isEqualTo(400);
    assertThat(status.json())
        .isEqualTo(
            json(
                "{\"status\": [\"Select a valid choice. LATE is not one of the available"
                    + " choices.\"]}"));
    assertThat(partner.get("/payg/lms/contracts?ordering=colour").json().has("ordering")).isTrue();
    assertThat(partner.get("/payg/lms/contracts?searchby=colour").json().has("searchby")).isTrue();
  }

  @Test
  void usdSnapshotUsesTheRateInForceOrSaysWhyNot() {
    String source = "fs-fx" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    system.fxRate("KES", "129.35");
    Contract kes = system.newContract(partner, source, r -> r.setCurrency("KES"));
    Contract zar = system.newContract(partner, source, r -> r.setCurrency("ZAR"));

    JsonNode withRate = partner.getOk("/payg/lms/contracts/" + kes.getId());
    JsonNode withoutRate = partner.getOk("/payg/lms/contracts/" + zar.getId());

    // 1500000.00 / 129.35 = 11596.4437..., rounded half-even to cents.
    assertThat(withRate.get("usd_snapshot").asText()).isEqualTo("11596.44");
    assertThat(withRate.has("usd_snapshot_unavailable")).isFalse();
    assertThat(withoutRate.get("usd_snapshot").isNull()).isTrue();
    assertThat(withoutRate.get("usd_snapshot_unavailable").asText())
        .startsWith("No USD rate for ZAR in force at ");
  }

  @Test
  void statusIsDerivedFromOverdueInvoicesAndVisibleOverRest() {
    String source = "fs-s" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    Contract contract = system.newContract(partner, source);
    system.recordUsage(
        contract.getTractorId(),
        "st-1",
        PaygSystem.weekStart(-1).atTime(8, 0).toInstant(java.time.ZoneOffset.UTC),
        "2");
    system.runBillingCycle(PaygSystem.weekStart(0));
    String path = "/payg/lms/contracts/" + contract.getId();
    assertThat(partner.getOk(path).get("status").asText()).isEqualTo("CURRENT");

    // Due 7 days after issue, DELINQUENT once more than 7 more days have passed.
    system.runBillingCycle(PaygSystem.weekStart(0).plusDays(14));
    assertThat(partner.getOk(path).get("status").asText()).isEqualTo("CURRENT");
    system.runBillingCycle(PaygSystem.weekStart(0).plusDays(15));
    assertThat(partner.getOk(path).get("status").asText()).isEqualTo("DELINQUENT");
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?status=DELINQUENT")))
        .containsExactly(contract.getLoanId());
    assertThat(
            partner
                .getOk("/payg/lms/invoices?contract=" + contract.getId())
                .at("/results/0/status")
                .asText())
        .isEqualTo("overdue");

    // Paying the invoice (90000.00) brings the contract back to CURRENT.
    Reply paid =
        partner.report(
            """
            {"customer_name": "x", "amount_paid": "90000.00", "transaction_code": "ST-%d",
             "initiated_at": "2026-01-01T10:00:00Z", "completed_at": "2026-01-01T10:01:00Z",
             "loan_id": "%s"}
            """
                .formatted(contract.getId(), contract.getLoanId()));
    assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    assertThat(partner.getOk(path).get("status").asText()).isEqualTo("CURRENT");
    assertThat(partner.getOk(path).get("remaining_contract_value").asText())
        .isEqualTo("1410000.00");

    // Paying off the whole contract closes it; anything beyond is kept unapplied.
    Reply payoff =
        partner.report(
            """
            {"customer_name": "x", "amount_paid": "1410000.50", "transaction_code": "ST-%d-2",
             "initiated_at": "2026-01-02T10:00:00Z", "completed_at": "2026-01-02T10:01:00Z",
             "loan_id": "%s"}
            """
                .formatted(contract.getId(), contract.getLoanId()));
    assertThat(payoff.status()).as(payoff.body()).isEqualTo(201);
    assertThat(payoff.json().get("unapplied_amount").asText()).isEqualTo("0.50");
    assertThat(payoff.json().get("remaining_contract_value_after").asText()).isEqualTo("0.00");
    JsonNode closed = partner.getOk(path);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("remaining_contract_value").asText()).isEqualTo("0.00");
    assertThat(loanIds(partner.getOk("/payg/lms/contracts?status=CLOSED")))
        .containsExactly(contract.getLoanId());
  }

  @Test
  void docsPageIsPublicAndRicherWithAKey() {
    String source = "fs-d" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    Contract contract = system.newContract(partner, source);

    Reply anonymous = system.call("GET", "/payg/lms/docs", null, null);
    Reply signedIn = partner.get("/payg/lms/docs/");
    Reply invalid = system.call("GET", "/payg/lms/docs", "not-a-key-000000000000000000", null);

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().get("access").asText()).isEqualTo("public");
    assertThat(anonymous.json().at("/examples/list_contracts_response/results/0/loan_id").asText())
        .isEqualTo("LOAN-***");
    assertThat(signedIn.status()).isEqualTo(200);
    assertThat(signedIn.json().get("access").asText()).isEqualTo("signed_in");
    assertThat(signedIn.json().at("/examples/list_contracts_response/results/0/loan_id").asText())
        .isEqualTo(contract.getLoanId());
    assertThat(invalid.status()).isEqualTo(401);
    assertThat(invalid.json()).isEqualTo(json("{\"detail\": \"Invalid API key.\"}"));
  }
}
