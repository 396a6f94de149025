package dev.furrow.local;

import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/products/product/} over the real gateway and core. */
class LendingProductsRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  private static final String PRODUCTS = "/api/v1/products/product/";

  /** A revolving credit draft with every revolving credit field set. */
  private static final String REVOLVING =
      """
      {"type": "revolving_credit", "name": "Everyday credit line", "max_loan_amount": 1500000,
       "default_loan_amount": "500000.5", "max_interest_rate": 30, "default_interest_rate": "24.50",
       "default_fees": [
         {"name": "Disbursement Fee", "type": "flat", "amount": 1500, "event": "disbursement"},
         {"name": "Arrears fee", "type": "percent", "amount": "2.50", "event": "arrears"}],
       "arrears_tolerance": 5, "repayment_holiday_scheduling": "on_day",
       "calculate_interest_on_holidays": true, "repayment_date_type": "day_of_month",
       "repayment_date_period": 25, "custom_field": {"channel": "mobile", "tier": 2, "rate": 1.50},
       "statement_day": 1, "repayment_due_day": 21, "minimum_payment_percent": "5",
       "minimum_payment_amount": "1000"}
      """;

  /** {@link #REVOLVING} as the API shows it, without id and timestamps. */
  private static final String REVOLVING_STORED =
      """
      {"type": "revolving_credit", "name": "Everyday credit line", "currency": "NGN",
       "max_loan_amount": "1500000.00", "default_loan_amount": "500000.50",
       "max_interest_rate": "30", "default_interest_rate": "24.5", "installments": null,
       "default_grace_instalments": null, "principal_repayment_grace": null,
       "default_fees": [
         {"name": "Disbursement Fee", "type": "flat", "amount": "1500.00", "event": "disbursement"},
         {"name": "Arrears fee", "type": "percent", "amount": "2.5", "event": "arrears"}],
       "arrears_tolerance": 5, "interest_calculation": null, "early_repayment_recalculation": null,
       "repayment_holiday_scheduling": "on_day", "calculate_interest_on_holidays": true,
       "repayment_date_type": "day_of_month", "repayment_date_period": 25,
       "custom_field": {"channel": "mobile", "tier": 2, "rate": 1.50},
       "statement_day": 1, "repayment_due_day": 21, "minimum_payment_percent": "5",
       "minimum_payment_amount": "1000.00", "repayment_per_hectare": null,
       "billing_due_days": null, "published": false, "published_at": null}
      """;

  private static final String MINIMAL =
      """
      {"type": "revolving_credit", "name": "%s", "statement_day": 1, "repayment_due_day": 21,
       "minimum_payment_percent": "5"}
      """;

  private static String minimal(String name) {
    return MINIMAL.formatted(name);
  }

  private static String path(JsonNode product) {
    return PRODUCTS + product.get("id").asText() + "/";
  }

  /** The object without the fields that differ on every run. */
  static ObjectNode without(JsonNode node, String... fields) {
    final ObjectNode copy = ((ObjectNode) node).deepCopy();
    copy.remove(List.of(fields));
    return copy;
  }

  @Test
  void createAnswers201WithTheProductAsStored() {
    final Partner partner = system.newPartner();

    final Reply reply = partner.post(PRODUCTS, REVOLVING);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    final JsonNode product = reply.json();
    assertThat(product.get("id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(product.get("created").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z");
    assertThat(product.get("updated")).isEqualTo(product.get("created"));
    assertThat(without(product, "id", "created", "updated")).isEqualTo(json(REVOLVING_STORED));
    assertThat(partner.get(path(product)).json()).isEqualTo(product);
  }

  @Test
  void publishAnswers201WithThePublishedProduct() {
    final Partner partner = system.newPartner();
    final ObjectNode draft = partner.create(PRODUCTS, REVOLVING);

    final Reply reply = partner.post(path(draft) + "publish/", null);

    assertThat(reply.status()).isEqualTo(201);
    final JsonNode published = reply.json();
    assertThat(published.get("published").booleanValue()).isTrue();
    assertThat(published.get("published_at").asText()).isEqualTo(published.get("updated").asText());
    assertThat(without(published, "published", "published_at", "updated"))
        .isEqualTo(without(draft, "published", "published_at", "updated"));
    assertThat(partner.get(path(draft)).json()).isEqualTo(published);
  }

  @Test
  void publishIgnoresTheBodyTheReferenceShows() {
    final Partner partner = system.newPartner();
    final ObjectNode draft = partner.create(PRODUCTS, minimal("Body on publish"));

    final Reply reply = partner.post(path(draft) + "publish/", "{\"name\": \"Other\", \"foo\": 1");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.json().get("name").asText()).isEqualTo("Body on publish");
  }

  @Test
  void aPublishedProductRefusesEveryChangeWith409() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, minimal("Frozen"));
    assertThat(partner.post(path(product) + "publish/", null).status()).isEqualTo(201);
    final JsonNode published = partner.get(path(product)).json();

    final Reply put = partner.put(path(product), minimal("Changed"));
    final Reply invalidPut = partner.put(path(product), "{\"max_loan_amount\": \"-1\"}");
    final Reply patch = partner.patch(path(product), "{\"name\": \"Changed\"}");
    final Reply delete = partner.delete(path(product));
    final Reply republish = partner.post(path(product) + "publish/", null);

    final JsonNode changed =
        json("{\"detail\": \"Product is published and can no longer be changed.\"}");
    assertThat(put.status()).isEqualTo(409);
    assertThat(put.json()).isEqualTo(changed);
    assertThat(invalidPut.status()).isEqualTo(409);
    assertThat(invalidPut.json()).isEqualTo(changed);
    assertThat(patch.status()).isEqualTo(409);
    assertThat(patch.json()).isEqualTo(changed);
    assertThat(delete.status()).isEqualTo(409);
    assertThat(delete.json())
        .isEqualTo(json("{\"detail\": \"Product is published and can no longer be deleted.\"}"));
    assertThat(republish.status()).isEqualTo(409);
    assertThat(republish.json()).isEqualTo(json("{\"detail\": \"Product is already published.\"}"));
    assertThat(partner.get(path(product)).json()).isEqualTo(published);
  }

  @Test
  void deletingADraftAnswers204ThenTheProductIsGone() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, minimal("Short-lived"));

    final Reply delete = partner.delete(path(product));

    assertThat(delete.status()).isEqualTo(204);
    assertThat(delete.body()).isEmpty();
    final Reply get = partner.get(path(product));
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.json()).isEqualTo(json("{\"detail\": \"Not found.\"}"));
    assertThat(partner.delete(path(product)).status()).isEqualTo(404);
    assertThat(partner.get(PRODUCTS).json().get("count").asLong()).isZero();
  }

  @Test
  void anIdThatIsNoUuidIsNotFound() {
    final Partner partner = system.newPartner();

    final Reply reply = partner.get(PRODUCTS + "not-a-uuid/");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(json("{\"detail\": \"Not found.\"}"));
  }

  @Test
  void patchChangesOnlyTheFieldsSent() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, REVOLVING);

    final Reply reply =
        partner.patch(path(product), "{\"name\": \"Renamed\", \"default_loan_amount\": null}");

    assertThat(reply.status()).isEqualTo(200);
    final ObjectNode expected = (ObjectNode) json(REVOLVING_STORED);
    expected.put("name", "Renamed");
    expected.putNull("default_loan_amount");
    assertThat(without(reply.json(), "id", "created", "updated")).isEqualTo(expected);
    assertThat(reply.json().get("created")).isEqualTo(product.get("created"));
    assertThat(Instant.parse(reply.json().get("updated").asText()))
        .isAfter(Instant.parse(product.get("updated").asText()));
  }

  @Test
  void putReplacesEveryFieldAndLeavesOutTheRest() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, REVOLVING);

    final Reply reply = partner.put(path(product), minimal("Replaced"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(without(reply.json(), "id", "created", "updated"))
        .isEqualTo(
            json(
                """
                {"type": "revolving_credit", "name": "Replaced", "currency": "NGN",
                 "max_loan_amount": null, "default_loan_amount": null, "max_interest_rate": null,
                 "default_interest_rate": null, "installments": null,
                 "default_grace_instalments": null, "principal_repayment_grace": null,
                 "default_fees": [], "arrears_tolerance": null, "interest_calculation": null,
                 "early_repayment_recalculation": null, "repayment_holiday_scheduling": null,
                 "calculate_interest_on_holidays": false, "repayment_date_type": null,
                 "repayment_date_period": null, "custom_field": null, "statement_day": 1,
                 "repayment_due_day": 21, "minimum_payment_percent": "5",
                 "minimum_payment_amount": null, "repayment_per_hectare": null,
                 "billing_due_days": null, "published": false, "published_at": null}
                """));
  }

  @Test
  void putNeedsTheRequiredFieldsPatchDoesNot() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, minimal("Needs a name"));

    final Reply put = partner.put(path(product), "{\"max_loan_amount\": \"1000\"}");
    final Reply patch = partner.patch(path(product), "{\"max_loan_amount\": \"1000\"}");

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.json())
        .isEqualTo(
            json(
                "{\"type\": [\"This field is required.\"], \"name\": [\"This field is required.\"]}"));
    assertThat(patch.status()).isEqualTo(200);
    assertThat(patch.json().get("max_loan_amount").asText()).isEqualTo("1000.00");
    assertThat(patch.json().get("name").asText()).isEqualTo("Needs a name");
  }

  @Test
  void whatGetReturnsCanBePutBack() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, REVOLVING);
    final JsonNode fetched = partner.get(path(product)).json();

    final Reply reply = partner.put(path(product), fetched.toString());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(without(reply.json(), "updated")).isEqualTo(without(fetched, "updated"));
  }

  @Test
  void customFieldComesBackExactlyAsSent() {
    final Partner partner = system.newPartner();
    final List<String> values =
        List.of(
            "\"  padded text  \"",
            "\"\"",
            "\"{\\\"as\\\": \\\"a string\\\"}\"",
            "{\"nested\": {\"list\": [1, 2.50, \"x\", null, true]}}",
            "[]",
            "12.50",
            "false");
    for (String value : values) {
      final String body =
          "{\"type\": \"revolving_credit\", \"name\": \"Custom\", \"statement_day\": 1,"
              + " \"repayment_due_day\": 21, \"minimum_payment_percent\": \"5\","
              + " \"custom_field\": "
              + value
              + "}";

      final ObjectNode product = partner.create(PRODUCTS, body);

      assertThat(product.get("custom_field")).as(value).isEqualTo(json(value));
      assertThat(partner.get(path(product)).json().get("custom_field"))
          .as(value)
          .isEqualTo(json(value));
    }
  }

  @Test
  void listIsPagedWithDrfLinks() {
    final Partner partner = system.newPartner();
    final List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      ids.add(partner.create(PRODUCTS, minimal(String.format("P%02d", i))).get("id").asText());
    }

    final Reply middle = partner.get(PRODUCTS + "?limit=10&offset=10");
    final Reply last = partner.get(PRODUCTS + "?offset=20&limit=10");
    final Reply first = partner.get(PRODUCTS);

    final String base = system.baseUrl() + PRODUCTS;
    assertThat(middle.status()).isEqualTo(200);
    assertThat(middle.json().get("count").asLong()).isEqualTo(25);
    assertThat(middle.json().get("next").asText()).isEqualTo(base + "?limit=10&offset=20");
    assertThat(middle.json().get("previous").asText()).isEqualTo(base + "?limit=10");
    assertThat(names(middle.json()))
        .containsExactly("P15", "P14", "P13", "P12", "P11", "P10", "P09", "P08", "P07", "P06");
    assertThat(last.json().get("next").isNull()).isTrue();
    assertThat(last.json().get("previous").asText()).isEqualTo(base + "?limit=10&offset=10");
    assertThat(names(last.json())).containsExactly("P05", "P04", "P03", "P02", "P01");
    assertThat(first.json().get("count").asLong()).isEqualTo(25);
    assertThat(first.json().get("next").asText()).isEqualTo(base + "?limit=20&offset=20");
    assertThat(first.json().get("previous").isNull()).isTrue();
    assertThat(first.json().get("results")).hasSize(20);
    assertThat(first.json().get("results").get(0).get("id").asText()).isEqualTo(ids.get(24));
  }

  @Test
  void listTakesOnlyLimitAndOffset() {
    final Partner partner = system.newPartner();

    final Reply filtered = partner.get(PRODUCTS + "?type=revolving_credit");
    final Reply badLimit = partner.get(PRODUCTS + "?limit=ten&offset=-1");

    assertThat(filtered.status()).isEqualTo(400);
    assertThat(filtered.json())
        .isEqualTo(
            json(
                "{\"type\": [\"Unknown filter parameter. Products take only limit and offset.\"]}"));
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json())
        .isEqualTo(
            json(
                "{\"limit\": [\"A valid integer is required.\"],"
                    + " \"offset\": [\"Ensure this value is greater than or equal to 0.\"]}"));
  }

  @Test
  void aValueThatIsNoNumberIsRefusedByName() {
    final Partner partner = system.newPartner();

    final Reply reply =
        partner.post(
            PRODUCTS,
            "{\"type\": \"revolving_credit\", \"name\": \"X\", \"max_loan_amount\": \"abc\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json())
        .isEqualTo(json("{\"max_loan_amount\": [\"A valid number is required.\"]}"));
  }

  @Test
  void missingRequiredFieldsAreEachNamed() {
    final Partner partner = system.newPartner();

    final Reply reply = partner.post(PRODUCTS, "{}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json())
        .isEqualTo(
            json(
                "{\"type\": [\"This field is required.\"], \"name\": [\"This field is required.\"]}"));
  }

  @Test
  void nullForARequiredFieldIsRefused() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, minimal("Not null"));

    final Reply reply = partner.patch(path(product), "{\"name\": null}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(json("{\"name\": [\"This field may not be null.\"]}"));
  }

  @Test
  void anUnknownFieldIsRefused() {
    final Partner partner = system.newPartner();
    final ObjectNode product = partner.create(PRODUCTS, minimal("Strict"));

    final Reply create =
        partner.post(PRODUCTS, "{\"type\": \"revolving_credit\", \"name\": \"X\", \"foo\": 1}");
    final Reply patch = partner.patch(path(product), "{\"foo\": \"bar\", \"id\": \"ignored\"}");

    assertThat(create.status()).isEqualTo(400);
    assertThat(create.json()).isEqualTo(json("{\"foo\": [\"This field is not allowed.\"]}"));
    assertThat(patch.status()).isEqualTo(400);
    assertThat(patch.json()).isEqualTo(json("{\"foo\": [\"This field is not allowed.\"]}"));
  }

  @Test
  void feeErrorsAreNestedPerFeeAsDrfNestsThem() {
    final Partner partner = system.newPartner();

    final Reply fromCore =
        partner.post(
            PRODUCTS,
            """
            {"type": "revolving_credit", "name": "Fees", "statement_day": 1,
             "repayment_due_day": 21, "minimum_payment_percent": "5", "default_fees": [
               {"name": "A", "type": "flat", "amount": "10", "event": "manual"},
               {"name": "B", "type": "flat", "amount": "1.234", "event": "later"},
               {"name": "C", "type": "percent", "amount": "5", "event": "arrears"}]}
            """);
    final Reply fromGateway =
        partner.post(
            PRODUCTS,
            """
            {"type": "revolving_credit", "name": "Fees", "default_fees": [
               {"name": "A", "type": "flat", "amount": "ten", "event": "manual"}, {}]}
            """);

    assertThat(fromCore.status()).isEqualTo(400);
    assertThat(fromCore.json())
        .isEqualTo(
            json(
                """
                {"default_fees": [{}, {"event": ["\\"later\\" is not a valid choice."],
                  "amount": ["Ensure that there are no more than 2 decimal places."]}, {}]}
                """));
    // DRF lists a fee's errors in the fee's field order.
    assertThat(fromCore.body())
        .isEqualTo(
            "{\"default_fees\":[{},{\"amount\":[\"Ensure that there are no more than 2 decimal"
                + " places.\"],\"event\":[\"\\\"later\\\" is not a valid choice.\"]},{}]}");
    assertThat(fromGateway.status()).isEqualTo(400);
    assertThat(fromGateway.json())
        .isEqualTo(
            json("{\"default_fees\": [{\"amount\": [\"A valid number is required.\"]}, {}]}"));
  }

  @Test
  void malformedJsonIsAParseError() {
    final Partner partner = system.newPartner();

    final Reply truncated = partner.post(PRODUCTS, "{\"name\": ");
    final Reply notAnObject = partner.post(PRODUCTS, "[1, 2]");

    assertThat(truncated.status()).isEqualTo(400);
    assertThat(truncated.json())
        .isEqualTo(
            json(
                "{\"detail\": \"JSON parse error - Unexpected end-of-input within/between Object"
                    + " entries\"}"));
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json())
        .isEqualTo(
            json(
                "{\"non_field_errors\": [\"Invalid data. Expected a dictionary, but got list.\"]}"));
  }

  private static List<String> names(JsonNode page) {
    final List<String> names = new ArrayList<>();
    page.get("results").forEach(product -> names.add(product.get("name").asText()));
    return names;
  }
}
