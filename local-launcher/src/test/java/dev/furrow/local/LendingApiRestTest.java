package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import dev.furrow.proto.partner.v1.ApiFace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lending face as a partner meets it: the reference's loan creation flow up to the end user,
 * keys, and one partner never seeing another's resources on any endpoint.
 */
class LendingApiRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  static final String PRODUCTS = "/api/v1/products/product/";
  static final String END_USERS = "/api/v1/endusers/enduser/";

  static final String PRODUCT =
      """
      {"type": "revolving_credit", "name": "Farm input credit", "max_loan_amount": "1500000",
       "default_loan_amount": "1000000", "max_interest_rate": "30", "default_interest_rate": "24",
       "default_fees": [{"name": "Disbursement Fee", "type": "flat", "amount": "2500",
                         "event": "disbursement"}],
       "arrears_tolerance": 10, "statement_day": 1, "repayment_due_day": 21,
       "minimum_payment_percent": "10"}
      """;

  static final String END_USER =
      """
      {"first_name": "Amina", "last_name": "Bello", "birth_date": "1990-06-15",
       "address_line_1": "3 Kofar Mata", "address_line_2": "Dala", "city": "Kano",
       "postal_code": "700211", "country": "NG", "bank_account_number": "0011223344",
       "sort_code": "033", "mobile_number": "+2348031234567", "email": "amina@example.ng"}
      """;

  private static final JsonNode NOT_FOUND = json("{\"detail\": \"Not found.\"}");

  @Test
  void loanCreationFlowStepsOneToThree() {
    final Partner partner = system.newPartner();

    final Reply created = partner.post(PRODUCTS, PRODUCT);
    final String product = PRODUCTS + created.json().get("id").asText() + "/";
    final Reply published = partner.post(product + "publish/", null);
    final Reply endUser = partner.post(END_USERS, END_USER);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("max_loan_amount").asText()).isEqualTo("1500000.00");
    assertThat(created.json().get("default_loan_amount").asText()).isEqualTo("1000000.00");
    assertThat(created.json().get("default_fees"))
        .isEqualTo(
            json(
                "[{\"name\": \"Disbursement Fee\", \"type\": \"flat\", \"amount\": \"2500.00\","
                    + " \"event\": \"disbursement\"}]"));
    assertThat(published.status()).isEqualTo(201);
    assertThat(published.json().get("published").booleanValue()).isTrue();
    assertThat(endUser.status()).isEqualTo(201);
    assertThat(endUser.json().get("first_name").asText()).isEqualTo("Amina");
    final Reply products = partner.get(PRODUCTS);
    assertThat(products.json().get("count").asLong()).isEqualTo(1);
    assertThat(products.json().get("results").get(0)).isEqualTo(published.json());
    assertThat(partner.get(END_USERS).json().get("results").get(0)).isEqualTo(endUser.json());
  }

  @Test
  void aPathWithoutItsTrailingSlashIsRedirectedToIt() {
    final Partner partner = system.newPartner();

    final Reply list = partner.get("/api/v1/products/product");
    final Reply create = partner.post("/api/v1/endusers/enduser", END_USER);
    final Reply atRisk = partner.get("/api/v1/portfolio/at-risk?currency=NGN");

    // 307 keeps the method and the body: a client that follows it sends the same request again.
    assertThat(list.status()).isEqualTo(307);
    assertThat(list.headers().firstValue("location")).hasValue("product/");
    assertThat(create.status()).isEqualTo(307);
    assertThat(create.headers().firstValue("location")).hasValue("enduser/");
    assertThat(atRisk.status()).isEqualTo(307);
    assertThat(atRisk.headers().firstValue("location")).hasValue("at-risk/?currency=NGN");
    assertThat(partner.get(END_USERS).json().get("count").asLong()).isZero();
  }

  @Test
  void aKeyOfTheOtherFaceIsRefused() {
    final Partner partner = system.newPartner();
    final String paygKey = system.issue(partner.id, ApiFace.API_FACE_PAYG);

    final Reply products = system.call("GET", PRODUCTS, paygKey, null);
    final Reply create = system.call("POST", END_USERS, paygKey, END_USER);

    assertThat(products.status()).isEqualTo(401);
    assertThat(products.json()).isEqualTo(json("{\"detail\": \"Invalid API key.\"}"));
    assertThat(products.headers().firstValue("www-authenticate")).hasValue("Api-Key");
    assertThat(create.status()).isEqualTo(401);
    assertThat(create.json()).isEqualTo(json("{\"detail\": \"Invalid API key.\"}"));
    assertThat(partner.get(END_USERS).json().get("count").asLong()).isZero();
  }

  @Test
  void noKeyOrAnUnknownKeyIsRefused() {
    final Reply none = system.call("GET", END_USERS, null, null);
    final Reply unknown = system.call("GET", END_USERS, "fw_lend_not_a_real_key_00000000000", null);

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json())
        .isEqualTo(json("{\"detail\": \"Authentication credentials were not provided.\"}"));
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json()).isEqualTo(json("{\"detail\": \"Invalid API key.\"}"));
  }

  @Test
  void anotherPartnersProductIsNotFoundOnEveryEndpoint() {
    final Partner owner = system.newPartner();
    final Partner other = system.newPartner();
    final ObjectNode product = owner.create(PRODUCTS, PRODUCT);
    final String path = PRODUCTS + product.get("id").asText() + "/";
    other.create(PRODUCTS, PRODUCT);

    final List<Reply> replies = new ArrayList<>();
    replies.add(other.get(path));
    replies.add(other.put(path, PRODUCT));
    replies.add(other.patch(path, "{\"name\": \"Taken over\"}"));
    replies.add(other.delete(path));
    replies.add(other.post(path + "publish/", null));

    for (Reply reply : replies) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.json()).isEqualTo(NOT_FOUND);
    }
    assertThat(ids(other.get(PRODUCTS))).hasSize(1).doesNotContain(product.get("id").asText());
    assertThat(owner.get(path).json()).isEqualTo(product);
  }

  @Test
  void anotherPartnersEndUserIsNotFoundOnEveryEndpoint() {
    final Partner owner = system.newPartner();
    final Partner other = system.newPartner();
    final ObjectNode endUser = owner.create(END_USERS, END_USER);
    final String id = endUser.get("id").asText();
    final String path = END_USERS + id + "/";
    other.create(END_USERS, END_USER);

    final List<Reply> replies = new ArrayList<>();
    replies.add(other.get(path));
    replies.add(other.put(path, END_USER));
    replies.add(other.patch(path, "{\"first_name\": \"Taken over\"}"));

    for (Reply reply : replies) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.json()).isEqualTo(NOT_FOUND);
    }
    assertThat(ids(other.get(END_USERS))).hasSize(1).doesNotContain(id);
    assertThat(ids(other.get(END_USERS + "?id=" + id))).isEmpty();
    assertThat(owner.get(path).json()).isEqualTo(endUser);
  }

  @Test
  void unknownPathsAnswerInTheErrorShape() {
    final Partner partner = system.newPartner();

    final Reply reply = partner.get("/api/v1/products/nothing/");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(NOT_FOUND);
  }

  @Test
  void theKeyIsCheckedBeforeTheRoute() {
    final Reply unknownPath = system.call("GET", "/api/v1/products/nothing/", null, null);
    final Reply wrongMethod =
        system.call("DELETE", END_USERS + "00000000-0000-0000-0000-000000000000/", null, null);

    assertThat(unknownPath.status()).isEqualTo(401);
    assertThat(wrongMethod.status()).isEqualTo(401);
    assertThat(wrongMethod.json())
        .isEqualTo(json("{\"detail\": \"Authentication credentials were not provided.\"}"));
  }

  @Test
  void aBodyTheGatewayRefusesIsA400EvenForAnotherPartnersId() {
    final Partner owner = system.newPartner();
    final Partner other = system.newPartner();
    final String path = PRODUCTS + owner.create(PRODUCTS, PRODUCT).get("id").asText() + "/";
    final String missing = PRODUCTS + "00000000-0000-0000-0000-000000000000/";

    final Reply foreign = other.patch(path, "{\"max_loan_amount\": \"abc\"}");
    final Reply absent = other.patch(missing, "{\"max_loan_amount\": \"abc\"}");

    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).isEqualTo(absent.body());
  }

  static List<String> ids(Reply list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    final List<String> ids = new ArrayList<>();
    list.json().get("results").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
