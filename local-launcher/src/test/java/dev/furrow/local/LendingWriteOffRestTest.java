package dev.furrow.local;

import static dev.furrow.local.LendingIdempotencyRestTest.LOANS;
import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A loan closed as written off, over REST: its ledger moves what it owed to the loss account. */
class LendingWriteOffRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  private static final String TRANSACTIONS = "/api/v1/transactions/transaction/";

  @Test
  void aWriteOffMovesPrincipalAndFeesToLossAndTheLedgerStaysConsistent() {
    final Partner partner = system.newPartner();
    final String loan = LendingIdempotencyRestTest.disbursedLoan(partner, "80000");
    post(partner, loan, "fee", "350.25", "\"fee_name\": \"visit\", \"fee_type\": \"flat\", ");
    post(partner, loan, "repayment", "5000.40", "");

    final Reply closed =
        partner.post(
            LOANS + loan + "/close/",
            "{\"close_reason\": \"Tractor stolen\", \"close_substatus\": \"written_off\"}");

    // The product charges 2500.00 on disbursement; 5000.40 repaid: the fees 2850.25 first, then
    // 2150.15 of principal.
    assertThat(closed.status()).as(closed.body()).isEqualTo(201);
    assertThat(closed.json().get("status").asText()).isEqualTo("closed");
    assertThat(closed.json().get("principal").asText()).isEqualTo("77849.85");
    assertThat(closed.json().get("fee").asText()).isEqualTo("0.00");
    assertThat(closed.json().get("written_off_amount").asText()).isEqualTo("77849.85");

    final Reply ledger = partner.get(LOANS + loan + "/ledger/");
    assertThat(ledger.status()).isEqualTo(200);
    final JsonNode check = ledger.json();
    assertThat(check.get("consistent").booleanValue()).isTrue();
    assertThat(check.get("balances_match").booleanValue()).isTrue();
    assertThat(check.get("balanced").booleanValue()).isTrue();
    assertThat(check.get("entries").asLong()).isEqualTo(5);
    assertThat(check.get("stored"))
        .isEqualTo(
            json(
                """
                {"principal": "77849.85", "interest": "0.00", "fee": "0.00",
                 "outstanding": "77849.85"}
                """));
    assertThat(check.get("written_off")).isEqualTo(check.get("stored"));
    assertThat(check.get("journal"))
        .isEqualTo(
            json(
                """
                {"principal": "0.00", "interest": "0.00", "fee": "0.00", "outstanding": "0.00"}
                """));
    assertThat(balances(check))
        .containsExactly(
            Map.entry("loan_principal_receivable", "0.00"),
            Map.entry("interest_receivable", "0.00"),
            Map.entry("fee_receivable", "0.00"),
            Map.entry("cash_settlement", "-74999.60"),
            Map.entry("fee_income", "2850.25"),
            Map.entry("interest_income", "0.00"),
            Map.entry("loss", "77849.85"));
    assertThat(check.get("total_debits").asText()).isEqualTo(check.get("total_credits").asText());
  }

  @Test
  void aWrittenOffLoanRefusesTransactionsWithTheReason() {
    final Partner partner = system.newPartner();
    final String loan = LendingIdempotencyRestTest.disbursedLoan(partner, "10000");
    final String disbursement =
        partner.get(TRANSACTIONS + "?loan=" + loan).json().get("results").get(0).get("id").asText();
    partner.post(
        LOANS + loan + "/close/",
        "{\"close_reason\": \"Tractor stolen\", \"close_substatus\": \"written_off\"}");

    final Reply repayment = post(partner, loan, "repayment", "100", "");
    final Reply revert = partner.post(TRANSACTIONS + disbursement + "/revert/", null);

    assertThat(repayment.status()).isEqualTo(409);
    assertThat(repayment.json())
        .isEqualTo(json("{\"detail\": \"Loan is closed; a closed loan takes no transactions.\"}"));
    assertThat(revert.status()).isEqualTo(409);
    assertThat(revert.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Loan is closed; transactions of a closed loan cannot be"
                    + " reverted.\"}"));
    assertThat(partner.get(LOANS + loan + "/ledger/").json().get("consistent").booleanValue())
        .isTrue();
  }

  private static Reply post(
      Partner partner, String loan, String type, String amount, String feeFields) {
    return partner.post(
        TRANSACTIONS,
        """
        {"loan": "%s", "type": "%s", "amount": "%s", %s"idempotency_key": "%s"}
        """
            .formatted(loan, type, amount, feeFields, java.util.UUID.randomUUID()));
  }

  private static Map<String, String> balances(JsonNode check) {
    final Map<String, String> balances = new LinkedHashMap<>();
    check
        .get("accounts")
        .forEach(a -> balances.put(a.get("account").asText(), a.get("balance").asText()));
    return balances;
  }
}
