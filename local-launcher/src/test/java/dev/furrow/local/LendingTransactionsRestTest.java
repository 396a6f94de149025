package dev.furrow.local;

import static dev.furrow.local.LendingApiRestTest.END_USER;
import static dev.furrow.local.LendingApiRestTest.END_USERS;
import static dev.furrow.local.LendingApiRestTest.PRODUCT;
import static dev.furrow.local.LendingApiRestTest.PRODUCTS;
import static dev.furrow.local.LendingApiRestTest.ids;
import static dev.furrow.local.LendingProductsRestTest.without;
import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transactions over REST, from a published product to a disbursed, repaid and reverted loan: exact
 * balances, idempotency, revert cascades, list filters and partner isolation.
 */
class LendingTransactionsRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  static final String APPLICATIONS = "/api/v1/applications/application/";
  static final String LOANS = "/api/v1/loans/loan/";
  static final String TRANSACTIONS = "/api/v1/transactions/transaction/";

  private static final JsonNode NOT_FOUND = json("{\"detail\": \"Not found.\"}");

  /** A partner with an approved loan of 100000.00 to its end user. */
  private record Setup(Partner partner, String endUser, String loan) {
    String loanPath() {
      return LOANS + loan + "/";
    }

    String body(String type, String amount, String key) {
      return """
          {"loan": "%s", "type": "%s", "amount": "%s", "idempotency_key": "%s"}
          """
          .formatted(loan, type, amount, key);
    }

    ObjectNode post(String type, String amount, String key) {
      return partner.create(TRANSACTIONS, body(type, amount, key));
    }

    JsonNode loanNow() {
      return partner.get(loanPath()).json();
    }
  }

  private static Setup setup(String firstName) {
    final Partner partner = system.newPartner();
    final String product = partner.create(PRODUCTS, PRODUCT).get("id").asText();
    assertThat(partner.post(PRODUCTS + product + "/publish/", null).status()).isEqualTo(201);
    final String endUser =
        partner
            .create(END_USERS, END_USER.replace("\"Amina\"", "\"" + firstName + "\""))
            .get("id")
            .asText();
    return new Setup(partner, endUser, openLoan(partner, product, endUser, "100000"));
  }

  private static String openLoan(Partner partner, String product, String endUser, String amount) {
    final ObjectNode application =
        partner.create(
            APPLICATIONS,
            """
            {"product": "%s", "end_user": "%s", "amount": "%s", "rate": "12"}
            """
                .formatted(product, endUser, amount));
    final Reply completed =
        partner.post(APPLICATIONS + application.get("id").asText() + "/complete/", null);
    assertThat(completed.json().get("status").asText()).isEqualTo("accepted");
    return partner
        .create(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()))
        .get("id")
        .asText();
  }

  private static String id(JsonNode transaction) {
    return transaction.get("id").asText();
  }

  private static JsonNode balances(JsonNode loan) {
    final ObjectNode balances = LendingSystem.JSON.createObjectNode();
    for (String field :
        List.of(
            "status",
            "principal",
            "interest",
            "fee",
            "pending_principal",
            "pending_interest",
            "pending_fee",
            "last_transaction")) {
      balances.set(field, loan.get(field));
    }
    return balances;
  }

  @Test
  void disbursementChargesTheProductFeeAndRepaymentsAllocateToTheCent() {
    final Setup s = setup("Amina");

    final Reply disbursed =
        s.partner()
            .post(
                TRANSACTIONS,
                """
                {"loan": "%s", "type": "disbursement", "amount": 60000, "idempotency_key": "d-1",
                 "custom_field": {"channel": "bank"}, "status": "reverted",
                 "result_outstanding_balance": "1.00"}
                """
                    .formatted(s.loan()));
    final JsonNode disbursement = disbursed.json();
    final List<String> afterDisbursement = ids(s.partner().get(TRANSACTIONS + "?loan=" + s.loan()));

    assertThat(disbursed.status()).as(disbursed.body()).isEqualTo(201);
    assertThat(without(disbursement, "id", "created", "updated", "completed_at"))
        .isEqualTo(
            json(
                """
                {"loan": "%s", "type": "disbursement", "amount": "60000.00", "fee_name": null,
                 "fee_type": null, "custom_fee_amount": null, "idempotency_key": "d-1",
                 "custom_field": {"channel": "bank"}, "status": "applied",
                 "previous_transaction": null, "related_transaction": null, "reverted_at": null,
                 "result_outstanding_balance": "60000.00", "affected_loan_principal": "60000.00",
                 "affected_loan_interest": "0.00", "affected_loan_fee": "0.00",
                 "result_loan_status": "active", "statement": null}
                """
                    .formatted(s.loan())));
    assertThat(disbursement.get("completed_at").isNull()).isFalse();
    assertThat(afterDisbursement).hasSize(2).contains(id(disbursement));
    final String feeId =
        afterDisbursement.stream().filter(t -> !t.equals(id(disbursement))).findFirst().get();
    final JsonNode fee = s.partner().get(TRANSACTIONS + feeId + "/").json();
    assertThat(without(fee, "id", "created", "updated", "completed_at"))
        .isEqualTo(
            json(
                """
                {"loan": "%s", "type": "fee", "amount": "2500.00", "fee_name": "Disbursement Fee",
                 "fee_type": "flat", "custom_fee_amount": null, "idempotency_key": null,
                 "custom_field": null, "status": "applied", "previous_transaction": "%s",
                 "related_transaction": null, "reverted_at": null,
                 "result_outstanding_balance": "62500.00", "affected_loan_principal": "0.00",
                 "affected_loan_interest": "0.00", "affected_loan_fee": "2500.00",
                 "result_loan_status": "active", "statement": null}
                """
                    .formatted(s.loan(), id(disbursement))));
    assertThat(balances(s.loanNow()))
        .isEqualTo(
            json(
                """
                {"status": "active", "principal": "60000.00", "interest": "0.00", "fee": "2500.00",
                 "pending_principal": "0.00", "pending_interest": "0.00", "pending_fee": "2500.00",
                 "last_transaction": "%s"}
                """
                    .formatted(feeId)));

    final ObjectNode repayment = s.post("repayment", "3000", "r-1");
    assertThat(without(repayment, "id", "created", "updated", "completed_at"))
        .isEqualTo(
            json(
                """
                {"loan": "%s", "type": "repayment", "amount": "3000.00", "fee_name": null,
                 "fee_type": null, "custom_fee_amount": null, "idempotency_key": "r-1",
                 "custom_field": null, "status": "applied", "previous_transaction": "%s",
                 "related_transaction": null, "reverted_at": null,
                 "result_outstanding_balance": "59500.00", "affected_loan_principal": "-500.00",
                 "affected_loan_interest": "0.00", "affected_loan_fee": "-2500.00",
                 "result_loan_status": "active", "statement": null}
                """
                    .formatted(s.loan(), feeId)));
    final ObjectNode second = s.post("repayment", "1234.56", "r-2");
    assertThat(second.get("affected_loan_principal").asText()).isEqualTo("-1234.56");
    assertThat(second.get("affected_loan_fee").asText()).isEqualTo("0.00");
    assertThat(second.get("result_outstanding_balance").asText()).isEqualTo("58265.44");
    assertThat(second.get("previous_transaction").asText()).isEqualTo(id(repayment));
    assertThat(balances(s.loanNow()))
        .isEqualTo(
            json(
                """
                {"status": "active", "principal": "58265.44", "interest": "0.00", "fee": "0.00",
                 "pending_principal": "0.00", "pending_interest": "0.00", "pending_fee": "0.00",
                 "last_transaction": "%s"}
                """
                    .formatted(id(second))));
    assertThat(s.partner().get(TRANSACTIONS + id(second) + "/").json()).isEqualTo(second);

    final Reply ledger = s.partner().get(s.loanPath() + "ledger/");
    assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
    assertThat(ledger.json().get("consistent").booleanValue()).isTrue();
    assertThat(ledger.json().get("entries").asLong()).isEqualTo(4);
    assertThat(ledger.json().get("stored"))
        .isEqualTo(
            json(
                """
                {"principal": "58265.44", "interest": "0.00", "fee": "0.00",
                 "outstanding": "58265.44"}
                """));
    assertThat(ledger.json().get("journal")).isEqualTo(ledger.json().get("stored"));
  }

  @Test
  void anIdempotencyKeyAnswersItsFirstTransactionAndRefusesAnotherRequest() {
    final Setup s = setup("Amina");
    s.post("disbursement", "50000", "d-1");
    final ObjectNode repayment = s.post("repayment", "1000.00", "same-key");
    final JsonNode loanAfterFirst = s.loanNow();

    final Reply replay = s.partner().post(TRANSACTIONS, s.body("repayment", "1000", "same-key"));
    final Reply different =
        s.partner().post(TRANSACTIONS, s.body("repayment", "1000.01", "same-key"));
    final Reply otherType =
        s.partner().post(TRANSACTIONS, s.body("disbursement", "1000", "same-key"));

    assertThat(replay.status()).as(replay.body()).isEqualTo(201);
    assertThat(replay.json()).isEqualTo(repayment);
    final JsonNode conflict =
        json("{\"detail\": \"Idempotency key already used for a different request.\"}");
    assertThat(different.status()).isEqualTo(409);
    assertThat(different.json()).isEqualTo(conflict);
    assertThat(otherType.status()).isEqualTo(409);
    assertThat(otherType.json()).isEqualTo(conflict);
    assertThat(s.loanNow()).isEqualTo(loanAfterFirst);
    assertThat(ids(s.partner().get(TRANSACTIONS + "?idempotency_key=same-key")))
        .containsExactly(id(repayment));
  }

  @Test
  void revertUndoesTheTransactionAndEveryLaterOne() {
    final Setup s = setup("Amina");
    s.post("disbursement", "60000", "d-1");
    final ObjectNode first = s.post("repayment", "3000", "r-1");
    final JsonNode before = balances(s.partner().get(s.loanPath()).json());
    final ObjectNode second = s.post("repayment", "500", "r-2");
    final ObjectNode third = s.post("repayment", "700.25", "r-3");
    assertThat(third.get("result_outstanding_balance").asText()).isEqualTo("58299.75");

    final Reply reverted = s.partner().post(TRANSACTIONS + id(second) + "/revert/", "{\"x\": 1}");
    final JsonNode laterOne = s.partner().get(TRANSACTIONS + id(third) + "/").json();
    final Reply again = s.partner().post(TRANSACTIONS + id(third) + "/revert/", null);
    final Reply replayed = s.partner().post(TRANSACTIONS, s.body("repayment", "500", "r-2"));

    assertThat(reverted.status()).as(reverted.body()).isEqualTo(201);
    assertThat(reverted.json().get("id").asText()).isEqualTo(id(second));
    assertThat(reverted.json().get("status").asText()).isEqualTo("reverted");
    assertThat(reverted.json().get("reverted_at").isNull()).isFalse();
    assertThat(reverted.json().get("related_transaction").isNull()).isFalse();
    assertThat(laterOne.get("status").asText()).isEqualTo("reverted");
    assertThat(laterOne.get("reverted_at").isNull()).isFalse();
    assertThat(balances(s.loanNow())).isEqualTo(before);
    assertThat(s.loanNow().get("last_transaction").asText()).isEqualTo(id(first));
    assertThat(s.partner().get(TRANSACTIONS + id(first) + "/").json()).isEqualTo(first);
    final JsonNode reversal =
        s.partner()
            .get(TRANSACTIONS + reverted.json().get("related_transaction").asText() + "/")
            .json();
    assertThat(without(reversal, "id", "created", "updated", "completed_at"))
        .isEqualTo(
            json(
                """
                {"loan": "%s", "type": "repayment", "amount": "500.00", "fee_name": null,
                 "fee_type": null, "custom_fee_amount": null, "idempotency_key": null,
                 "custom_field": null, "status": "reversal", "previous_transaction": null,
                 "related_transaction": "%s", "reverted_at": null,
                 "result_outstanding_balance": "59500.00", "affected_loan_principal": "500.00",
                 "affected_loan_interest": "0.00", "affected_loan_fee": "0.00",
                 "result_loan_status": "active", "statement": null}
                """
                    .formatted(s.loan(), id(second))));
    assertThat(ids(s.partner().get(TRANSACTIONS + "?status=reversal"))).hasSize(2);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Transaction is reverted; only an applied transaction can be"
                    + " reverted.\"}"));
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.json()).isEqualTo(reverted.json());
    assertThat(balances(s.loanNow())).isEqualTo(before);
    final JsonNode ledger = s.partner().get(s.loanPath() + "ledger/").json();
    assertThat(ledger.get("consistent").booleanValue()).isTrue();
    assertThat(ledger.get("stored").get("outstanding").asText()).isEqualTo("59500.00");
  }

  @Test
  void anOverpaymentIsRefusedNamingWhatIsOwed() {
    final Setup s = setup("Amina");
    s.post("disbursement", "60000", "d-1");

    final Reply over = s.partner().post(TRANSACTIONS, s.body("repayment", "62500.01", "r-1"));
    final Reply tooMuch = s.partner().post(TRANSACTIONS, s.body("disbursement", "40000.01", "d-2"));
    final Reply payoff = s.partner().post(TRANSACTIONS, s.body("repayment", "62500.00", "r-1"));

    assertThat(over.status()).isEqualTo(409);
    assertThat(over.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Amount exceeds what the loan owes; at most 62500.00 can be"
                    + " repaid.\"}"));
    assertThat(tooMuch.status()).isEqualTo(409);
    assertThat(tooMuch.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Amount exceeds what is left to disburse; at most 40000.00 can"
                    + " still be disbursed.\"}"));
    assertThat(payoff.status()).as(payoff.body()).isEqualTo(201);
    assertThat(payoff.json().get("result_loan_status").asText()).isEqualTo("paid_off");
    assertThat(payoff.json().get("result_outstanding_balance").asText()).isEqualTo("0.00");
    assertThat(s.loanNow().get("status").asText()).isEqualTo("paid_off");
  }

  @Test
  void feesAreChargedByProductNameOrAsCustomFeesAndTheLedgerMatches() {
    final Setup s = setup("Amina");
    s.post("disbursement", "60000", "d-1");
    final String fee =
        """
        {"loan": "%s", "type": "fee", "fee_name": "%s", "idempotency_key": "%s"%s}
        """;

    final Reply percent =
        s.partner()
            .post(
                TRANSACTIONS,
                fee.formatted(
                    s.loan(), "Late", "f-1", ", \"fee_type\": \"percent\", \"amount\": 1.50"));
    final Reply flat =
        s.partner()
            .post(
                TRANSACTIONS,
                fee.formatted(
                    s.loan(), "Courier", "f-2", ", \"fee_type\": \"flat\", \"amount\": \"250\""));
    final Reply product =
        s.partner().post(TRANSACTIONS, fee.formatted(s.loan(), "disbursement FEE", "f-3", ""));
    final Reply incomplete =
        s.partner().post(TRANSACTIONS, fee.formatted(s.loan(), "Other", "f-4", ""));
    final Reply ledger = s.partner().get(s.loanPath() + "ledger/");

    assertThat(percent.status()).as(percent.body()).isEqualTo(201);
    assertThat(percent.json().get("amount").asText()).isEqualTo("937.50");
    assertThat(percent.json().get("custom_fee_amount").asText()).isEqualTo("1.5");
    assertThat(percent.json().get("fee_type").asText()).isEqualTo("percent");
    assertThat(percent.json().get("result_outstanding_balance").asText()).isEqualTo("63437.50");
    assertThat(flat.status()).as(flat.body()).isEqualTo(201);
    assertThat(flat.json().get("amount").asText()).isEqualTo("250.00");
    assertThat(flat.json().get("custom_fee_amount").asText()).isEqualTo("250.00");
    assertThat(product.status()).as(product.body()).isEqualTo(201);
    assertThat(product.json().get("fee_name").asText()).isEqualTo("Disbursement Fee");
    assertThat(product.json().get("amount").asText()).isEqualTo("2500.00");
    assertThat(product.json().get("custom_fee_amount").isNull()).isTrue();
    assertThat(product.json().get("affected_loan_fee").asText()).isEqualTo("2500.00");
    assertThat(product.json().get("result_outstanding_balance").asText()).isEqualTo("66187.50");
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.json())
        .isEqualTo(
            json(
                "{\"amount\": [\"This field is required.\"],"
                    + " \"fee_type\": [\"This field is required.\"]}"));
    assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
    assertThat(ledger.json())
        .isEqualTo(
            json(
                """
                {"loan": "%s", "currency": "NGN",
                 "stored": {"principal": "60000.00", "interest": "0.00", "fee": "6187.50",
                            "outstanding": "66187.50"},
                 "journal": {"principal": "60000.00", "interest": "0.00", "fee": "6187.50",
                             "outstanding": "66187.50"},
                 "balances_match": true, "total_debits": "66187.50", "total_credits": "66187.50",
                 "balanced": true, "unbalanced_entries": 0, "entries": 5,
                 "accounts": [
                   {"account": "loan_principal_receivable", "debits": "60000.00",
                    "credits": "0.00", "balance": "60000.00"},
                   {"account": "interest_receivable", "debits": "0.00", "credits": "0.00",
                    "balance": "0.00"},
                   {"account": "fee_receivable", "debits": "6187.50", "credits": "0.00",
                    "balance": "6187.50"},
                   {"account": "cash_settlement", "debits": "0.00", "credits": "60000.00",
                    "balance": "-60000.00"},
                   {"account": "fee_income", "debits": "0.00", "credits": "6187.50",
                    "balance": "6187.50"},
                   {"account": "interest_income", "debits": "0.00", "credits": "0.00",
                    "balance": "0.00"},
                   {"account": "loss", "debits": "0.00", "credits": "0.00", "balance": "0.00"}],
                 "consistent": true,
                 "written_off": {"principal": "0.00", "interest": "0.00", "fee": "0.00",
                                 "outstanding": "0.00"}}
                """
                    .formatted(s.loan())));
  }

  @Test
  void bodiesAreCheckedFieldByField() {
    final Setup s = setup("Amina");

    final Reply empty = s.partner().post(TRANSACTIONS, "{}");
    final Reply wrong =
        s.partner()
            .post(
                TRANSACTIONS,
                """
                {"loan": "%s", "type": "gift", "amount": "lots", "idempotency_key": "k",
                 "colour": "red", "affected_loan_fee": "9"}
                """
                    .formatted(s.loan()));

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json())
        .isEqualTo(
            json(
                """
                {"loan": ["This field is required."], "type": ["This field is required."],
                 "idempotency_key": ["This field is required."]}
                """));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json())
        .isEqualTo(
            json(
                "{\"amount\": [\"A valid number is required.\"],"
                    + " \"colour\": [\"This field is not allowed.\"]}"));
  }

  @Test
  void listsFilterByTypeBorrowerAmountAndYear() {
    final Setup s = setup("Amina");
    final ObjectNode disbursement = s.post("disbursement", "60000", "d-1");
    final ObjectNode small = s.post("repayment", "100", "r-1");
    final ObjectNode large = s.post("repayment", "5000", "r-2");
    final Setup musa = setup("Musa");
    final ObjectNode musaDisbursement = musa.post("disbursement", "20000", "d-1");
    final int year = Year.now(ZoneOffset.UTC).getValue();

    assertThat(ids(s.partner().get(TRANSACTIONS + "?type=repayment")))
        .containsExactly(id(large), id(small));
    assertThat(ids(s.partner().get(TRANSACTIONS + "?type=repayment&sort=amount")))
        .containsExactly(id(small), id(large));
    assertThat(ids(s.partner().get(TRANSACTIONS + "?amount__gte=5000")))
        .containsExactly(id(large), id(disbursement));
    assertThat(ids(s.partner().get(TRANSACTIONS + "?loan__end_user__first_name__icontains=MIN")))
        .hasSize(4);
    assertThat(ids(s.partner().get(TRANSACTIONS + "?loan__end_user__first_name__icontains=mus")))
        .isEmpty();
    assertThat(ids(musa.partner().get(TRANSACTIONS + "?loan__end_user__first_name__icontains=mus")))
        .hasSize(2)
        .contains(id(musaDisbursement));
    assertThat(ids(s.partner().get(TRANSACTIONS + "?created__year=" + year))).hasSize(4);
    assertThat(ids(s.partner().get(TRANSACTIONS + "?created__year__lt=" + year))).isEmpty();
    final Reply paged = s.partner().get(TRANSACTIONS + "?limit=1&type=repayment");
    assertThat(paged.json().get("count").asLong()).isEqualTo(2);
    assertThat(paged.json().get("next").asText())
        .isEqualTo(system.baseUrl() + TRANSACTIONS + "?limit=1&offset=1&type=repayment");
    final Reply bad = s.partner().get(TRANSACTIONS + "?amount__gte=lots&colour=red");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("amount__gte")).isEqualTo(json("[\"Enter a number.\"]"));
    assertThat(bad.json().get("colour").get(0).asText()).startsWith("Unknown filter parameter.");
  }

  @Test
  void anotherPartnersTransactionsAreNotFound() {
    final Setup s = setup("Amina");
    final Setup other = setup("Musa");
    final ObjectNode disbursement = s.post("disbursement", "60000", "d-1");
    other.post("disbursement", "20000", "d-1");
    final String path = TRANSACTIONS + id(disbursement) + "/";

    final Partner intruder = other.partner();
    final Reply get = intruder.get(path);
    final Reply revert = intruder.post(path + "revert/", null);
    final Reply ledger = intruder.get(s.loanPath() + "ledger/");
    final Reply onForeignLoan =
        intruder.post(TRANSACTIONS, s.body("repayment", "10", "intruder-key"));

    for (Reply reply : List.of(get, revert, ledger)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.json()).isEqualTo(NOT_FOUND);
    }
    assertThat(onForeignLoan.status()).isEqualTo(400);
    assertThat(onForeignLoan.json())
        .isEqualTo(
            json("{\"loan\": [\"Invalid pk \\\"" + s.loan() + "\\\" - object does not exist.\"]}"));
    assertThat(ids(intruder.get(TRANSACTIONS))).hasSize(2).doesNotContain(id(disbursement));
    assertThat(s.partner().get(path).json()).isEqualTo(disbursement);
    assertThat(s.partner().get(TRANSACTIONS + "not-a-uuid/").json()).isEqualTo(NOT_FOUND);
  }

  @Test
  void transactionsCannotBeChangedOrDeleted() {
    final Setup s = setup("Amina");
    final String path = TRANSACTIONS + id(s.post("disbursement", "1000", "d-1")) + "/";

    final Reply put = s.partner().put(path, "{}");
    final Reply patch = s.partner().patch(path, "{}");
    final Reply delete = s.partner().delete(path);

    assertThat(put.status()).isEqualTo(405);
    assertThat(put.json()).isEqualTo(json("{\"detail\": \"Method \\\"PUT\\\" not allowed.\"}"));
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.json()).isEqualTo(json("{\"detail\": \"Method \\\"PATCH\\\" not allowed.\"}"));
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.json())
        .isEqualTo(json("{\"detail\": \"Method \\\"DELETE\\\" not allowed.\"}"));
  }
}
