package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Reply;
import dev.furrow.local.PaygSystem.Partner;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.RunBillingCycleResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A week of a contract over REST, from the first hectares in a draft to the invoice paid in full,
 * with exact amounts; and late usage of an issued week becoming an adjustment of the next one.
 */
class PaygBillingFlowRestTest {

  @RegisterExtension static final PaygSystem system = new PaygSystem();

  private static Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }

  private static String isoWeek(LocalDate monday) {
    return "%d-W%02d"
        .formatted(
            monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String report(String code, String amount, Contract contract, String match) {
    return """
        {"customer_name": "%s", "amount_paid": %s, "transaction_code": "%s",
         "initiated_at": "2026-11-01T08:00:00Z", "completed_at": "2026-11-01T09:05:00+01:00"%s}
        """
        .formatted(contract.getLoaner(), amount, code, match);
  }

  @Test
  void weekFromDraftToPaymentComplete() {
    String source = "fs-w" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    Contract contract = system.newContract(partner, source);
    LocalDate monday = PaygSystem.weekStart(-1);
    String periods = "/payg/lms/billing-periods?contract=" + contract.getId();

    // Usage over two days of last week lands in its draft.
    system.recordUsage(contract.getTractorId(), "w-1", at(monday, 7), "2.5");
    system.recordUsage(contract.getTractorId(), "w-2", at(monday.plusDays(1), 7), "3.25");
    JsonNode draft = partner.getOk(periods).get("results").get(0);
    assertThat(partner.getOk(periods).get("count").asInt()).isEqualTo(1);
    assertThat(draft)
        .isEqualTo(
            json(
                """
                {"id": %d, "contract": %d, "loan_id": "%s", "funding_source": "%s",
                 "tractor_id": "%s", "iso_week": "%s", "period_start": "%s", "period_end": "%s",
                 "status": "draft", "hectares": "5.7500", "adjustment_hectares": "0.0000",
                 "rate_per_hectare": "45000.00", "currency": "NGN", "amount_due": "258750.00",
                 "amount_paid": "0.00", "amount_outstanding": "258750.00", "invoice": null,
                 "invoice_number": null, "due_date": null, "issued_at": null,
                 "lines": [{"kind": "usage", "source_week_start": "%s", "hectares": "5.7500",
                            "amount": "258750.00", "description": "Usage in %s"}],
                 "created_at": "%s", "updated_at": "%s"}
                """
                    .formatted(
                        draft.get("id").asLong(),
                        contract.getId(),
                        contract.getLoanId(),
                        source,
                        contract.getTractorId(),
                        isoWeek(monday),
                        monday,
                        monday.plusDays(6),
                        monday,
                        isoWeek(monday),
                        draft.get("created_at").asText(),
                        draft.get("updated_at").asText())));
    assertThat(
            partner.getOk("/payg/lms/invoices?contract=" + contract.getId()).get("count").asInt())
        .isZero();

    // The week closes: issued with its invoice.
    RunBillingCycleResponse cycle = system.runBillingCycle(monday.plusDays(7));
    assertThat(cycle.getPeriodsIssued()).isGreaterThanOrEqualTo(1);
    String period = "/payg/lms/billing-periods/" + draft.get("id").asLong();
    JsonNode issued = partner.getOk(period);
    assertThat(issued.get("status").asText()).isEqualTo("issued");
    assertThat(issued.get("amount_due").asText()).isEqualTo("258750.00");
    assertThat(issued.get("due_date").asText()).isEqualTo(monday.plusDays(14).toString());
    String number = issued.get("invoice_number").asText();
    assertThat(number).matches("INV-" + monday.plusDays(7).getYear() + "-\\d{6}");
    JsonNode invoice = partner.getOk("/payg/lms/invoices/" + issued.get("invoice").asLong());
    assertThat(invoice.get("number").asText()).isEqualTo(number);
    assertThat(invoice.get("billing_period").asLong()).isEqualTo(draft.get("id").asLong());
    assertThat(invoice.get("status").asText()).isEqualTo("issued");
    assertThat(invoice.get("issue_date").asText()).isEqualTo(monday.plusDays(7).toString());
    assertThat(invoice.get("amount_outstanding").asText()).isEqualTo("258750.00");
    assertThat(partner.getOk("/payg/lms/invoices?number=" + number).get("count").asInt())
        .isEqualTo(1);

    // A partial payment (a JSON number) by invoice number, then the rest by loan_id.
    Reply first =
        partner.report(
            report(
                "WK-" + contract.getId() + "-1",
                "100000.00",
                contract,
                ", \"invoice_number\": \"" + number + "\""));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("match_method").asText()).isEqualTo("invoice_number");
    assertThat(first.json().get("amount_paid").asText()).isEqualTo("100000.00");
    assertThat(first.json().get("allocations"))
        .isEqualTo(
            json(
                """
                [{"invoice": %d, "invoice_number": "%s", "billing_period": %d,
                  "amount": "100000.00", "invoice_outstanding_after": "158750.00"}]
                """
                    .formatted(issued.get("invoice").asLong(), number, draft.get("id").asLong())));
    assertThat(first.json().get("remaining_contract_value_after").asText()).isEqualTo("1400000.00");
    assertThat(partner.getOk(period).get("status").asText()).isEqualTo("partially_paid");
    assertThat(partner.getOk(period).get("amount_outstanding").asText()).isEqualTo("158750.00");

    Reply second =
        partner.report(
            report(
                "WK-" + contract.getId() + "-2",
                "\"158750.00\"",
                contract,
                ", \"loan_id\": \"" + contract.getLoanId() + "\""));
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("match_method").asText()).isEqualTo("loan_id");
    assertThat(second.json().get("completed_at").asText()).isEqualTo("2026-11-01T08:05:00Z");

    JsonNode paid = partner.getOk(period);
    assertThat(paid.get("status").asText()).isEqualTo("payment_complete");
    assertThat(paid.get("amount_paid").asText()).isEqualTo("258750.00");
    assertThat(paid.get("amount_outstanding").asText()).isEqualTo("0.00");
    assertThat(
            partner
                .getOk("/payg/lms/invoices/" + issued.get("invoice").asLong())
                .get("status")
                .asText())
        .isEqualTo("payment_complete");
    JsonNode after = partner.getOk("/payg/lms/contracts/" + contract.getId());
    assertThat(after.get("remaining_contract_value").asText()).isEqualTo("1241250.00");
    assertThat(after.get("status").asText()).isEqualTo("CURRENT");
    JsonNode payments = partner.getOk("/payg/lms/payments?contract=" + contract.getId());
    assertThat(payments.get("count").asInt()).isEqualTo(2);
    assertThat(payments.at("/results/0/transaction_code").asText())
        .isEqualTo("WK-" + contract.getId() + "-2");
    assertThat(
            partner
                .getOk(
                    "/payg/lms/billing-periods?contract="
                        + contract.getId()
                        + "&status=payment_complete")
                .get("count")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void lateUsageOfAnIssuedWeekBecomesAnAdjustmentOfTheNextDraft() {
    String source = "fs-l" + PaygSystem.unique();
    Partner partner = system.newPartner(source);
    Contract contract = system.newContract(partner, source);
    LocalDate week1 = PaygSystem.weekStart(-2);
    LocalDate week2 = PaygSystem.weekStart(-1);
    system.recordUsage(contract.getTractorId(), "l-1", at(week1, 8), "4");
    system.runBillingCycle(week2);

    // Late usage of week 1 arrives with week 2's first usage.
    system.recordUsageBatch(
        contract.getTractorId(), "l-2", at(week1.plusDays(3), 8), "1.5", "l-3", at(week2, 8), "2");

    JsonNode list =
        partner.getOk(
            "/payg/lms/billing-periods?contract=" + contract.getId() + "&ordering=week_start");
    JsonNode first = list.get("results").get(0);
    JsonNode second = list.get("results").get(1);
    assertThat(list.get("count").asInt()).isEqualTo(2);
    assertThat(first.get("status").asText()).isEqualTo("issued");
    assertThat(first.get("hectares").asText()).isEqualTo("4.0000");
    assertThat(first.get("amount_due").asText()).isEqualTo("180000.00");
    assertThat(second.get("status").asText()).isEqualTo("draft");
    assertThat(second.get("hectares").asText()).isEqualTo("2.0000");
    assertThat(second.get("adjustment_hectares").asText()).isEqualTo("1.5000");
    assertThat(second.get("amount_due").asText()).isEqualTo("157500.00");
    assertThat(second.get("lines"))
        .containsExactlyInAnyOrder(
            json(
                """
                {"kind": "usage", "source_week_start": "%s", "hectares": "2.0000",
                 "amount": "90000.00", "description": "Usage in %s"}
                """
                    .formatted(week2, isoWeek(week2))),
            json(
                """
                {"kind": "adjustment", "source_week_start": "%s", "hectares": "1.5000",
                 "amount": "67500.00", "description": "Late usage of %s (already invoiced)"}
                """
                    .formatted(week1, isoWeek(week1))));

    system.runBillingCycle(PaygSystem.weekStart(0));
    JsonNode invoices =
        partner.getOk("/payg/lms/invoices?contract=" + contract.getId() + "&ordering=issue_date");
    assertThat(invoices.get("count").asInt()).isEqualTo(2);
    assertThat(invoices.at("/results/1/amount_due").asText()).isEqualTo("157500.00");
    assertThat(invoices.at("/results/1/lines").size()).isEqualTo(2);
    // date_from / date_to on the issue date.
    assertThat(
            partner
                .getOk(
                    "/payg/lms/invoices?contract="
                        + contract.getId()
                        + "&date_from="
                        + PaygSystem.weekStart(0)
                        + "&date_to="
                        + PaygSystem.weekStart(0))
                .get("count")
                .asInt())
        .isEqualTo(1);
  }
}
