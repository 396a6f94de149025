package dev.furrow.local;

import static dev.furrow.local.LendingProductsRestTest.without;
import static dev.furrow.local.LendingSystem.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.local.LendingSystem.Partner;
import dev.furrow.local.LendingSystem.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/endusers/enduser/} over the real gateway and core. */
class LendingEndUsersRestTest {

  @RegisterExtension static final LendingSystem system = new LendingSystem();

  private static final String END_USERS = "/api/v1/endusers/enduser/";

  private static final String ADA =
      """
      {"first_name": "Ada", "last_name": "Okafor", "birth_date": "1985-04-12",
       "address_line_1": "12 Marina Road", "address_line_2": "Lagos Island",
       "address_line_3": "Flat 3", "city": "Lagos", "postal_code": "101001", "country": "ng",
       "bank_account_number": "0123456789", "sort_code": "058", "mobile_number": "+2348012345678",
       "email": "ada@example.ng"}
      """;

  private static final String BOLA =
      """
      {"first_name": "Bola", "last_name": "Adeyemi", "birth_date": "1992-11-30",
       "address_line_1": "4 Zoo Road", "address_line_2": "Gyadi-Gyadi", "city": "Kano",
       "postal_code": "700001", "bank_account_number": "9876543210", "sort_code": "044",
       "email": "bola@mail.com"}
      """;

  private static final String CHIDI =
      """
      {"first_name": "Chidi", "last_name": "okafor", "birth_date": "1985-01-02",
       "address_line_1": "7 Aminu Kano Crescent", "address_line_2": "Wuse II", "city": "Abuja",
       "postal_code": "900288", "bank_account_number": "5555555555", "sort_code": "011",
       "email": "Chidi@EXAMPLE.ng"}
      """;

  /** The partner whose three end users the list tests filter. */
  private static Partner lister;

  private static final List<ObjectNode> listed = new ArrayList<>();

  @BeforeAll
  static void createThreeEndUsers() {
    lister = system.newPartner();
    for (String body : List.of(ADA, BOLA, CHIDI)) {
      listed.add(lister.create(END_USERS, body));
    }
  }

  private static String path(JsonNode endUser) {
    return END_USERS + endUser.get("id").asText() + "/";
  }

  @Test
  void createAnswers201WithTheEndUserAsStored() {
    final Partner partner = system.newPartner();

    final Reply reply = partner.post(END_USERS, ADA);

    assertThat(reply.status()).isEqualTo(201);
    final JsonNode endUser = reply.json();
    assertThat(endUser.get("id").asText()).hasSize(36);
    assertThat(endUser.get("updated")).isEqualTo(endUser.get("created"));
    assertThat(without(endUser, "id", "created", "updated"))
        .isEqualTo(
            json(
                """
                {"first_name": "Ada", "last_name": "Okafor", "birth_date": "1985-04-12",
                 "address_line_1": "12 Marina Road", "address_line_2": "Lagos Island",
                 "address_line_3": "Flat 3", "city": "Lagos", "postal_code": "101001",
                 "country": "NG", "bank_account_number": "0123456789", "sort_code": "058",
                 "mobile_number": "+2348012345678", "email": "ada@example.ng"}
                """));
    assertThat(partner.get(path(endUser)).json()).isEqualTo(endUser);
  }

  @Test
  void missingRequiredFieldsAreEachNamed() {
    final Partner partner = system.newPartner();

    final Reply reply = partner.post(END_USERS, "{\"email\": \"x@example.ng\"}");

    assertThat(reply.status()).isEqualTo(400);
    final String required = "[\"This field is required.\"]";
    assertThat(reply.json())
        .isEqualTo(
            json(
                ("{'first_name': R, 'last_name': R, 'birth_date': R, 'address_line_1': R,"
                        + " 'address_line_2': R, 'city': R, 'postal_code': R,"
                        + " 'bank_account_number': R, 'sort_code': R}")
                    .replace("'", "\"")
                    .replace("R", required)));
  }

  @Test
  void fieldRulesOfTheCoreAreReportedByName() {
    final Partner partner = system.newPartner();
    final ObjectNode bad = (ObjectNode) json(ADA);
    bad.put("birth_date", "1988-02-30");
    bad.put("email", "not-an-email");
    bad.put("first_name", "   ");

    final Reply reply = partner.post(END_USERS, bad.toString());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"first_name": ["This field may not be blank."],
                 "birth_date": ["Date has wrong format. Use one of these formats instead: YYYY-MM-DD."],
                 "email": ["Enter a valid email address."]}
                """));
  }

  @Test
  void anUnknownFieldIsRefusedAndReadOnlyOnesAreIgnored() {
    final Partner partner = system.newPartner();
    final ObjectNode body = (ObjectNode) json(BOLA);
    body.put("foo", "bar");

    final Reply unknown = partner.post(END_USERS, body.toString());
    body.remove("foo");
    body.put("id", "00000000-0000-0000-0000-000000000000");
    body.put("created", "2000-01-01T00:00:00Z");
    final Reply readOnly = partner.post(END_USERS, body.toString());

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json()).isEqualTo(json("{\"foo\": [\"This field is not allowed.\"]}"));
    assertThat(readOnly.status()).isEqualTo(201);
    assertThat(readOnly.json().get("id").asText())
        .isNotEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(readOnly.json().get("created").asText()).doesNotStartWith("2000");
  }

  @Test
  void patchChangesOnlyTheFieldsSent() {
    final Partner partner = system.newPartner();
    final ObjectNode endUser = partner.create(END_USERS, ADA);

    final Reply reply =
        partner.patch(path(endUser), "{\"email\": \"ada@new.ng\", \"mobile_number\": null}");

    assertThat(reply.status()).isEqualTo(200);
    final ObjectNode expected = without(endUser, "updated");
    expected.put("email", "ada@new.ng");
    expected.putNull("mobile_number");
    assertThat(without(reply.json(), "updated")).isEqualTo(expected);
  }

  @Test
  void patchRefusesNullForARequiredField() {
    final Partner partner = system.newPartner();
    final ObjectNode endUser = partner.create(END_USERS, ADA);

    final Reply reply = partner.patch(path(endUser), "{\"last_name\": null}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(json("{\"last_name\": [\"This field may not be null.\"]}"));
  }

  @Test
  void putReplacesEveryFieldAndClearsOptionalOnesLeftOut() {
    final Partner partner = system.newPartner();
    final ObjectNode endUser = partner.create(END_USERS, ADA);

    final Reply reply = partner.put(path(endUser), BOLA);
    final Reply incomplete = partner.put(path(endUser), "{\"first_name\": \"Only\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(without(reply.json(), "id", "created", "updated"))
        .isEqualTo(
            json(
                """
                {"first_name": "Bola", "last_name": "Adeyemi", "birth_date": "1992-11-30",
                 "address_line_1": "4 Zoo Road", "address_line_2": "Gyadi-Gyadi",
                 "address_line_3": null, "city": "Kano", "postal_code": "700001", "country": null,
                 "bank_account_number": "9876543210", "sort_code": "044", "mobile_number": null,
                 "email": "bola@mail.com"}
                """));
    assertThat(reply.json().get("id")).isEqualTo(endUser.get("id"));
    assertThat(incomplete.status()).isEqualTo(400);
    assertThat(incomplete.json().get("last_name")).isEqualTo(json("[\"This field is required.\"]"));
    assertThat(incomplete.json().has("first_name")).isFalse();
  }

  @Test
  void whatGetReturnsCanBePutBack() {
    final Partner partner = system.newPartner();
    final ObjectNode endUser = partner.create(END_USERS, ADA);

    final Reply reply = partner.put(path(endUser), partner.get(path(endUser)).body());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(without(reply.json(), "updated")).isEqualTo(without(endUser, "updated"));
  }

  @Test
  void deleteIsNotAllowed() {
    final Partner partner = system.newPartner();
    final ObjectNode endUser = partner.create(END_USERS, ADA);

    final Reply reply = partner.delete(path(endUser));

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.json())
        .isEqualTo(json("{\"detail\": \"Method \\\"DELETE\\\" not allowed.\"}"));
    assertThat(partner.get(path(endUser)).status()).isEqualTo(200);
  }

  @Test
  void exactFilterIsCaseSensitive() {
    assertThat(names("last_name=Okafor")).containsExactly("Ada");
  }

  @Test
  void iexactFilterIgnoresCase() {
    assertThat(names("last_name__iexact=OKAFOR")).containsExactly("Chidi", "Ada");
  }

  @Test
  void icontainsFilterFindsPartsIgnoringCase() {
    assertThat(names("email__icontains=example.NG")).containsExactly("Chidi", "Ada");
  }

  @Test
  void inFilterTakesCommaSeparatedValues() {
    assertThat(names("city__in=Kano,Abuja")).containsExactly("Chidi", "Bola");
  }

  @Test
  void dateFieldsFilterByYear() {
    assertThat(names("birth_date__year=1985")).containsExactly("Chidi", "Ada");
    assertThat(names("birth_date__year__gte=1990")).containsExactly("Bola");
  }

  @Test
  void createdFiltersByInstant() {
    final String bolaCreated = listed.get(1).get("created").asText();

    assertThat(names("created__gte=" + URLEncoder.encode(bolaCreated, StandardCharsets.UTF_8)))
        .containsExactly("Chidi", "Bola");
    assertThat(names("created__lt=" + bolaCreated)).containsExactly("Ada");
  }

  @Test
  void filtersCombineAndKeepTheirParametersInTheLinks() {
    final Reply reply = lister.get(END_USERS + "?last_name__iexact=okafor&limit=1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("count").asLong()).isEqualTo(2);
    assertThat(reply.json().get("next").asText())
        .isEqualTo(system.baseUrl() + END_USERS + "?last_name__iexact=okafor&limit=1&offset=1");
    assertThat(reply.json().get("results").get(0)).isEqualTo(listed.get(2));
  }

  @Test
  void sortOrdersTheList() {
    assertThat(names("sort=birth_date")).containsExactly("Chidi", "Ada", "Bola");
  }

  @Test
  void anUnknownFilterIsRefusedByName() {
    final Reply reply = lister.get(END_USERS + "?colour=red");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"colour": ["Unknown filter parameter. Allowed: address_line_1, address_line_2,\
                 address_line_3, bank_account_number, birth_date, city, country, created, email,\
                 first_name, id, last_name, mobile_number, postal_code, sort_code, updated\
                 (each with lookups as documented in docs/filtering.md)."]}
                """));
  }

  @Test
  void aBadFilterValueIsRefusedByParameter() {
    final Reply reply =
        lister.get(END_USERS + "?birth_date__year=nineteen&created__gte=yesterday&limit=0");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json())
        .isEqualTo(
            json(
                """
                {"birth_date__year": ["Enter a whole number."],
                 "created__gte": ["Enter a valid date/time."],
                 "limit": ["Ensure this value is greater than or equal to 1."]}
                """));
  }

  private static List<String> names(String query) {
    final Reply reply = lister.get(END_USERS + "?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    final List<String> names = new ArrayList<>();
    reply.json().get("results").forEach(endUser -> names.add(endUser.get("first_name").asText()));
    assertThat(reply.json().get("count").asLong()).isEqualTo(names.size());
    return names;
  }
}
