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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference's loan creation flow to the loan account (applications and loans), and every rule
 * of their life cycles that the REST face shows.
 */
class LendingFlowRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  static final String APPLICATIONS = "/api/v1/applications/application/";
  static final String LOANS = "/api/v1/loans/loan/";

  private static final JsonNode NOT_FOUND = json("{\"detail\": \"Not found.\"}");

  /** A partner with a published product and an end user, ready to apply. */
  private record Setup(Partner partner, String product, String endUser) {
    String application(String amount, String rate) {
      return """
          {"product": "%s", "end_user": "%s", "amount": "%s", "rate": "%s"}
          """
          .formatted(product, endUser, amount, rate);
    }
  }

  private static Setup setup() {
    final Partner partner = system.newPartner();
    final String product = partner.create(PRODUCTS, PRODUCT).get("id").asText();
    assertThat(partner.post(PRODUCTS + product + "/publish/", null).status()).isEqualTo(201);
    final String endUser = partner.create(END_USERS, END_USER).get("id").asText();
    return new Setup(partner, product, endUser);
  }

  private static String path(String collection, JsonNode resource) {
    return collection + resource.get("id").asText() + "/";
  }

  @Test
  void loanCreationFlowFromApplicationToLoanAccount() {
    final Setup s = setup();

    final Reply created =
        s.partner()
            .post(
                APPLICATIONS,
                """
                {"product": "%s", "end_user": "%s", "amount": 1200000, "rate": "22.50",
                 "custom_field": {"crop": "maize", "hectares": 12.5}}
                """
                    .formatted(s.product(), s.endUser()));
    final String application = path(APPLICATIONS, created.json());
    final Reply completed = s.partner().post(application + "complete/", null);
    final Reply loan =
        s.partner()
            .post(
                LOANS,
                "{\"application\": \"%s\", \"custom_field\": \"first season\"}"
                    .formatted(created.json().get("id").asText()));

    assertThat(created.status()).isEqualTo(201);
    assertThat(without(created.json(), "id", "created", "updated"))
        .isEqualTo(
            json(
                """
                {"product": "%s", "end_user": "%s", "amount": "1200000.00", "installments": null,
                 "rate": "22.5", "custom_field": {"crop": "maize", "hectares": 12.5},
                 "status": "incomplete", "reason": null, "processing_finished_at": null,
                 "loan": null}
                """
                    .formatted(s.product(), s.endUser())));
    assertThat(completed.status()).isEqualTo(201);
    assertThat(completed.json().get("status").asText()).isEqualTo("accepted");
    assertThat(completed.json().get("reason").asText()).isEqualTo("All underwriting rules passed.");
    assertThat(completed.json().get("processing_finished_at").asText())
        .isEqualTo(completed.json().get("updated").asText());
    assertThat(loan.status()).as(loan.body()).isEqualTo(201);
    assertThat(without(loan.json(), "id", "created", "updated"))
        .isEqualTo(
            json(
                """
                {"application": "%s", "end_user": "%s", "product": "%s", "amount": "1200000.00",
                 "interest_rate": "22.5", "installments": null, "grace_instalments": null,
                 "principal_repayment_grace": null, "arrears_tolerance": 10, "currency": "NGN",
                 "status": "approved", "principal": "0.00", "interest": "0.00", "fee": "0.00",
                 "pending_principal": "0.00", "pending_interest": "0.00", "pending_fee": "0.00",
                 "last_transaction": null, "close_reason": null, "close_substatus": null,
                 "closed_at": null, "written_off_amount": null,
                 "interest_calculation_enabled": true, "business_days_in_period": null,
                 "custom_field": "first season"}
                """
                    .formatted(created.json().get("id").asText(), s.endUser(), s.product())));
    final JsonNode fetched = s.partner().get(application).json();
    assertThat(fetched.get("loan")).isEqualTo(loan.json().get("id"));
    assertThat(s.partner().get(path(LOANS, loan.json())).json()).isEqualTo(loan.json());
    assertThat(ids(s.partner().get(LOANS))).containsExactly(loan.json().get("id").asText());
  }

  @Test
  void anApplicationWithALoanCanNoLongerChange() {
    final Setup s = setup();
    final ObjectNode application = s.partner().create(APPLICATIONS, s.application("1000", "20"));
    final String path = path(APPLICATIONS, application);
    s.partner().post(path + "complete/", null);
    s.partner()
        .create(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()));

    final JsonNode locked =
        json("{\"detail\": \"Application has a loan account and can no longer be changed.\"}");
    for (Reply reply :
        List.of(
            s.partner().patch(path, "{\"amount\": \"900\"}"),
            s.partner().put(path, s.application("900", "20")),
            s.partner().post(path + "reopen/", null),
            s.partner().post(path + "withdraw/", null),
            s.partner().post(path + "complete/", null))) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(409);
      assertThat(reply.json()).isEqualTo(locked);
    }
    final Reply second =
        s.partner()
            .post(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json())
        .isEqualTo(json("{\"detail\": \"Application already has a loan account.\"}"));
  }

  @Test
  void aDeclinedApplicationCanBeReopenedWithdrawnButNotLent() {
    final Setup s = setup();
    final String minor = LocalDate.now(ZoneOffset.UTC).minusYears(17).toString();
    final ObjectNode young = (ObjectNode) json(END_USER);
    young.put("birth_date", minor);
    final String endUser = s.partner().create(END_USERS, young.toString()).get("id").asText();
    final ObjectNode application =
        s.partner()
            .create(
                APPLICATIONS,
                "{\"product\": \"%s\", \"end_user\": \"%s\"}".formatted(s.product(), endUser));
    final String path = path(APPLICATIONS, application);

    final Reply declined = s.partner().post(path + "complete/", null);
    final Reply loan =
        s.partner()
            .post(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()));
    final Reply completeAgain = s.partner().post(path + "complete/", null);
    final Reply reopened = s.partner().post(path + "reopen/", null);
    final Reply withdrawn = s.partner().post(path + "withdraw/", null);
    final Reply completeWithdrawn = s.partner().post(path + "complete/", null);
    final Reply patchWithdrawn = s.partner().patch(path, "{\"rate\": \"10\"}");

    assertThat(application.get("amount").asText()).isEqualTo("1000000.00");
    assertThat(application.get("rate").asText()).isEqualTo("24");
    assertThat(declined.status()).isEqualTo(201);
    assertThat(declined.json().get("status").asText()).isEqualTo("declined");
    assertThat(declined.json().get("reason").asText()).isEqualTo("Borrower is under 18 years old.");
    assertThat(loan.status()).isEqualTo(400);
    assertThat(loan.json())
        .isEqualTo(
            json(
                "{\"application\": [\"Application is declined; a loan account can only be opened"
                    + " for an accepted application.\"]}"));
    assertThat(completeAgain.status()).isEqualTo(409);
    assertThat(completeAgain.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Application is declined; only incomplete applications can be"
                    + " completed.\"}"));
    assertThat(reopened.status()).isEqualTo(201);
    assertThat(reopened.json().get("status").asText()).isEqualTo("incomplete");
    assertThat(reopened.json().get("reason").isNull()).isTrue();
    assertThat(reopened.json().get("processing_finished_at").isNull()).isTrue();
    assertThat(withdrawn.status()).isEqualTo(201);
    assertThat(withdrawn.json().get("status").asText()).isEqualTo("withdrawn");
    assertThat(completeWithdrawn.status()).isEqualTo(409);
    assertThat(completeWithdrawn.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Application is withdrawn; only incomplete applications can be"
                    + " completed.\"}"));
    assertThat(patchWithdrawn.status()).isEqualTo(409);
    assertThat(patchWithdrawn.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Application is withdrawn; only incomplete applications can be"
                    + " changed.\"}"));
  }

  @Test
  void applicationPutReplacesAndPatchMerges() {
    final Setup s = setup();
    final ObjectNode application =
        s.partner()
            .create(
                APPLICATIONS,
                """
                {"product": "%s", "end_user": "%s", "amount": "5000", "rate": "12",
                 "custom_field": "  note  "}
                """
                    .formatted(s.product(), s.endUser()));
    final String path = path(APPLICATIONS, application);

    final Reply patched = s.partner().patch(path, "{\"amount\": \"7500.5\"}");
    final Reply replaced =
        s.partner()
            .put(
                path,
                "{\"product\": \"%s\", \"end_user\": \"%s\"}".formatted(s.product(), s.endUser()));
    final String otherEndUser = s.partner().create(END_USERS, END_USER).get("id").asText();
    final Reply moved = s.partner().patch(path, "{\"end_user\": \"%s\"}".formatted(otherEndUser));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("amount").asText()).isEqualTo("7500.50");
    assertThat(patched.json().get("rate").asText()).isEqualTo("12");
    assertThat(patched.json().get("custom_field").asText()).isEqualTo("  note  ");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("amount").asText()).isEqualTo("1000000.00");
    assertThat(replaced.json().get("rate").asText()).isEqualTo("24");
    assertThat(replaced.json().get("custom_field").isNull()).isTrue();
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.json())
        .isEqualTo(json("{\"end_user\": [\"The end user of an application cannot be changed.\"]}"));
  }

  @Test
  void applicationFieldErrorsAreNamed() {
    final Setup s = setup();
    final Partner other = system.newPartner();

    final Reply empty = s.partner().post(APPLICATIONS, "{}");
    final Reply wrong =
        s.partner()
            .post(
                APPLICATIONS,
                """
                {"product": "%s", "end_user": "%s", "amount": "abc", "installments": 3,
                 "status": "accepted", "colour": "red"}
                """
                    .formatted(s.product(), s.endUser()));
    final Reply tooMuch = s.partner().post(APPLICATIONS, s.application("1500000.01", "30.5"));
    final Reply foreign = other.post(APPLICATIONS, s.application("1000", "10"));

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json())
        .isEqualTo(
            json(
                "{\"product\": [\"This field is required.\"],"
                    + " \"end_user\": [\"This field is required.\"]}"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json())
        .isEqualTo(
            json(
                "{\"amount\": [\"A valid number is required.\"],"
                    + " \"colour\": [\"This field is not allowed.\"]}"));
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json())
        .isEqualTo(
            json(
                """
                {"amount": ["Ensure this value is less than or equal to the product's\
                 max_loan_amount (1500000.00)."],
                 "rate": ["Ensure this value is less than or equal to the product's\
                 max_interest_rate (30)."]}
                """));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json())
        .isEqualTo(
            json(
                """
                {"product": ["Invalid pk \\"%s\\" - object does not exist."],
                 "end_user": ["Invalid pk \\"%s\\" - object does not exist."]}
                """
                    .formatted(s.product(), s.endUser())));
  }

  @Test
  void applicationsListFiltersAndPages() {
    final Setup s = setup();
    final String small =
        s.partner().create(APPLICATIONS, s.application("1000", "10")).get("id").asText();
    final String large =
        s.partner().create(APPLICATIONS, s.application("900000", "20")).get("id").asText();
    s.partner().post(APPLICATIONS + large + "/complete/", null);

    assertThat(ids(s.partner().get(APPLICATIONS))).containsExactly(large, small);
    assertThat(ids(s.partner().get(APPLICATIONS + "?status=accepted"))).containsExactly(large);
    assertThat(ids(s.partner().get(APPLICATIONS + "?amount__lt=5000"))).containsExactly(small);
    assertThat(ids(s.partner().get(APPLICATIONS + "?sort=amount"))).containsExactly(small, large);
    final Reply paged = s.partner().get(APPLICATIONS + "?limit=1&status__in=incomplete,accepted");
    assertThat(paged.json().get("count").asLong()).isEqualTo(2);
    assertThat(paged.json().get("next").asText())
        .isEqualTo(
            system.baseUrl() + APPLICATIONS + "?limit=1&offset=1&status__in=incomplete%2Caccepted");
    final Reply bad = s.partner().get(APPLICATIONS + "?amount__gt=lots&colour=red");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("amount__gt")).isEqualTo(json("[\"Enter a number.\"]"));
    assertThat(bad.json().get("colour").get(0).asText()).startsWith("Unknown filter parameter.");
  }

  @Test
  void loansListFiltersThroughNestedEndUserAndApplicationFields() {
    final Setup s = setup();
    final String musa =
        s.partner().create(END_USERS, END_USER.replace("\"Amina\"", "\"Musa\"")).get("id").asText();
    final String aminaLoan = openLoan(s, s.endUser(), "1000.00");
    final String musaLoan = openLoan(s, musa, "250000.00");
    final int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

    assertThat(ids(s.partner().get(LOANS))).containsExactly(musaLoan, aminaLoan);
    assertThat(ids(s.partner().get(LOANS + "?end_user__first_name__icontains=MUS")))
        .containsExactly(musaLoan);
    assertThat(ids(s.partner().get(LOANS + "?end_user__first_name__iexact=amina")))
        .containsExactly(aminaLoan);
    assertThat(ids(s.partner().get(LOANS + "?application__status__in=accepted,declined")))
        .containsExactly(musaLoan, aminaLoan);
    assertThat(ids(s.partner().get(LOANS + "?application__status__in=declined"))).isEmpty();
    assertThat(ids(s.partner().get(LOANS + "?amount__gte=250000"))).containsExactly(musaLoan);
    assertThat(ids(s.partner().get(LOANS + "?status__in=approved&end_user=" + musa)))
        .containsExactly(musaLoan);
    assertThat(ids(s.partner().get(LOANS + "?created__year=" + year)))
        .containsExactly(musaLoan, aminaLoan);
    assertThat(ids(s.partner().get(LOANS + "?created__year__lt=" + year))).isEmpty();
    assertThat(ids(s.partner().get(LOANS + "?end_user__birth_date__year__gte=1990&sort=amount")))
        .containsExactly(aminaLoan, musaLoan);
    final Reply bad = s.partner().get(LOANS + "?application__created__month=13");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().has("application__created__month")).isTrue();
  }

  private static String openLoan(Setup s, String endUser, String amount) {
    final ObjectNode application =
        s.partner()
            .create(
                APPLICATIONS,
                """
                {"product": "%s", "end_user": "%s", "amount": "%s", "rate": "12"}
                """
                    .formatted(s.product(), endUser, amount));
    assertThat(s.partner().post(path(APPLICATIONS, application) + "complete/", null).status())
        .isEqualTo(201);
    return s.partner()
        .create(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()))
        .get("id")
        .asText();
  }

  @Test
  void loanActionsAnswer201AndFollowTheStateMachine() {
    final Setup s = setup();
    final ObjectNode application = s.partner().create(APPLICATIONS, s.application("2000", "15"));
    s.partner().post(path(APPLICATIONS, application) + "complete/", null);
    final ObjectNode loan =
        s.partner()
            .create(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()));
    final String path = path(LOANS, loan);

    final Reply arrears = s.partner().post(path + "make_arrears/", null);
    final Reply defaulted = s.partner().post(path + "make_default/", null);
    final Reply stopped = s.partner().post(path + "stop_interest_calculation/", null);
    final Reply stoppedAgain = s.partner().post(path + "stop_interest_calculation/", null);
    final Reply started = s.partner().post(path + "start_interest_calculation/", null);
    final Reply badClose =
        s.partner().post(path + "close/", "{\"close_substatus\": \"lost\", \"id\": \"x\"}");
    final Reply closed =
        s.partner()
            .post(
                path + "close/",
                "{\"close_reason\": \"Repaid early\", \"close_substatus\": \"paid_in_full\"}");
    final Reply closedAgain =
        s.partner()
            .post(
                path + "close/",
                "{\"close_reason\": \"Again\", \"close_substatus\": \"written_off\"}");
    final Reply startClosed = s.partner().post(path + "start_interest_calculation/", null);
    final Reply defaultClosed = s.partner().post(path + "make_default/", null);

    assertThat(arrears.status()).isEqualTo(409);
    assertThat(arrears.json())
        .isEqualTo(
            json(
                "{\"detail\": \"Loan is approved; only a loan that is active or late can be put in"
                    + " arrears.\"}"));
    assertThat(defaulted.status()).isEqualTo(409);
    assertThat(stopped.status()).isEqualTo(201);
    assertThat(stopped.json().get("interest_calculation_enabled").booleanValue()).isFalse();
    assertThat(stoppedAgain.status()).isEqualTo(409);
    assertThat(stoppedAgain.json())
        .isEqualTo(
            json("{\"detail\": \"Interest calculation is already stopped for this loan.\"}"));
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().get("interest_calculation_enabled").booleanValue()).isTrue();
    assertThat(badClose.status()).isEqualTo(400);
    assertThat(badClose.json()).isEqualTo(json("{\"id\": [\"This field is not allowed.\"]}"));
    assertThat(closed.status()).isEqualTo(201);
    assertThat(closed.json().get("status").asText()).isEqualTo("closed");
    assertThat(closed.json().get("close_reason").asText()).isEqualTo("Repaid early");
    assertThat(closed.json().get("close_substatus").asText()).isEqualTo("paid_in_full");
    assertThat(closed.json().get("closed_at").asText())
        .isEqualTo(closed.json().get("updated").asText());
    assertThat(closed.json().get("written_off_amount").isNull()).isTrue();
    assertThat(closed.json().get("interest_calculation_enabled").booleanValue()).isFalse();
    assertThat(closedAgain.status()).isEqualTo(409);
    assertThat(closedAgain.json()).isEqualTo(json("{\"detail\": \"Loan is already closed.\"}"));
    assertThat(startClosed.status()).isEqualTo(409);
    assertThat(defaultClosed.status()).isEqualTo(409);
    assertThat(defaultClosed.json())
        .isEqualTo(
            json("{\"detail\": \"Loan is closed; a closed loan cannot be put in default.\"}"));
    assertThat(s.partner().get(path).json()).isEqualTo(closed.json());
  }

  @Test
  void closeNamesEachProblemOfItsBody() {
    final Setup s = setup();
    final ObjectNode application = s.partner().create(APPLICATIONS, s.application("2000", "15"));
    s.partner().post(path(APPLICATIONS, application) + "complete/", null);
    final ObjectNode loan =
        s.partner()
            .create(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()));

    final Reply empty = s.partner().post(path(LOANS, loan) + "close/", null);
    final Reply wrong =
        s.partner()
            .post(
                path(LOANS, loan) + "close/",
                "{\"close_reason\": \" \", \"close_substatus\": \"lost\"}");

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json())
        .isEqualTo(
            json(
                "{\"close_reason\": [\"This field is required.\"],"
                    + " \"close_substatus\": [\"This field is required.\"]}"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json())
        .isEqualTo(
            json(
                "{\"close_reason\": [\"This field may not be blank.\"],"
                    + " \"close_substatus\": [\"\\\"lost\\\" is not a valid choice.\"]}"));
  }

  @Test
  void loanCreationNamesTheApplicationProblem() {
    final Setup s = setup();
    final Partner other = system.newPartner();
    final ObjectNode application = s.partner().create(APPLICATIONS, s.application("2000", "15"));
    final String id = application.get("id").asText();

    final Reply missing = s.partner().post(LOANS, "{\"custom_field\": 1}");
    final Reply incomplete = s.partner().post(LOANS, "{\"application\": \"%s\"}".formatted(id));
    final Reply foreign = other.post(LOANS, "{\"application\": \"%s\"}".formatted(id));
    final Reply readOnly =
        s.partner()
            .post(
                LOANS, "{\"application\": \"%s\", \"status\": \"active\", \"x\": 1}".formatted(id));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json()).isEqualTo(json("{\"application\": [\"This field is required.\"]}"));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.json())
        .isEqualTo(
            json(
                "{\"application\": [\"Application is incomplete; a loan account can only be"
                    + " opened for an accepted application.\"]}"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.json())
        .isEqualTo(
            json(
                "{\"application\": [\"Invalid pk \\\"" + id + "\\\" - object does not exist.\"]}"));
    assertThat(readOnly.status()).isEqualTo(400);
    assertThat(readOnly.json()).isEqualTo(json("{\"x\": [\"This field is not allowed.\"]}"));
  }

  @Test
  void anotherPartnersApplicationsAndLoansAreNotFoundOnEveryEndpoint() {
    final Setup s = setup();
    final Setup other = setup();
    final ObjectNode application = s.partner().create(APPLICATIONS, s.application("2000", "15"));
    final String app = path(APPLICATIONS, application);
    s.partner().post(app + "complete/", null);
    final ObjectNode loan =
        s.partner()
            .create(LOANS, "{\"application\": \"%s\"}".formatted(application.get("id").asText()));
    final String ln = path(LOANS, loan);
    final ObjectNode otherApplication =
        other.partner().create(APPLICATIONS, other.application("2000", "15"));
    other.partner().post(path(APPLICATIONS, otherApplication) + "complete/", null);
    other
        .partner()
        .create(LOANS, "{\"application\": \"%s\"}".formatted(otherApplication.get("id").asText()));
    final JsonNode applicationBefore = s.partner().get(app).json();

    final Partner intruder = other.partner();
    final List<Reply> replies = new ArrayList<>();
    replies.add(intruder.get(app));
    replies.add(intruder.put(app, other.application("1000", "10")));
    replies.add(intruder.patch(app, "{\"amount\": \"1000\"}"));
    replies.add(intruder.post(app + "complete/", null));
    replies.add(intruder.post(app + "reopen/", null));
    replies.add(intruder.post(app + "withdraw/", null));
    replies.add(intruder.get(ln));
    replies.add(
        intruder.post(
            ln + "close/", "{\"close_reason\": \"x\", \"close_substatus\": \"written_off\"}"));
    replies.add(intruder.post(ln + "make_arrears/", null));
    replies.add(intruder.post(ln + "make_default/", null));
    replies.add(intruder.post(ln + "stop_interest_calculation/", null));
    replies.add(intruder.post(ln + "start_interest_calculation/", null));

    for (Reply reply : replies) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.json()).isEqualTo(NOT_FOUND);
    }
    assertThat(ids(intruder.get(APPLICATIONS)))
        .hasSize(1)
        .doesNotContain(application.get("id").asText());
    assertThat(ids(intruder.get(LOANS))).hasSize(1).doesNotContain(loan.get("id").asText());
    assertThat(s.partner().get(app).json()).isEqualTo(applicationBefore);
    assertThat(s.partner().get(ln).json()).isEqualTo(loan);
  }

  @Test
  void loansCannotBeChangedOrDeletedDirectly() {
    final Setup s = setup();
    final ObjectNode application = s.partner().create(APPLICATIONS, s.application("2000", "15"));

    final Reply put = s.partner().put(LOANS + "00000000-0000-0000-0000-000000000000/", "{}");
    final Reply delete = s.partner().delete(path(APPLICATIONS, application));

    assertThat(put.status()).isEqualTo(405);
    assertThat(put.json()).isEqualTo(json("{\"detail\": \"Method \\\"PUT\\\" not allowed.\"}"));
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.json())
        .isEqualTo(json("{\"detail\": \"Method \\\"DELETE\\\" not allowed.\"}"));
  }
}
