package dev.furrow.gateway.drf;

import static dev.furrow.gateway.drf.FakeProducts.EMPTY;
import static dev.furrow.gateway.drf.FakeProducts.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.DynamicMessage;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.MediaType;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.proto.common.v1.ListQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DrfJsonReaderTest {

  private static final DrfJsonReader<DynamicMessage> READER =
      DrfJsonReader.builder(EMPTY)
          .decimals("max_loan_amount", "default_interest_rate", "default_fees.amount")
          .jsonText("custom_field")
          .readOnly("id", "created")
          .build();

  private static final DrfJsonReader<DynamicMessage> PLAIN = DrfJsonReader.of(EMPTY);

  private static ParsedBody<DynamicMessage> read(String body) {
    return READER.read(body.getBytes(UTF_8));
  }

  private static String readText(String body) {
    return text(read(body).message());
  }

  /** The 400 body the reader answers the request body with. */
  private static String errors(DrfJsonReader<?> reader, String body) {
    final DrfBadRequestException e =
        catchThrowableOfType(DrfBadRequestException.class, () -> reader.read(body.getBytes(UTF_8)));
    assertThat(e).as("refused: %s", body).isNotNull();
    return DrfJson.compact(e.body());
  }

  private static String errors(String body) {
    return errors(READER, body);
  }

  // The body as a whole

  @Test
  void emptyBodyIsAnEmptyObjectAsInDrf() {
    final ParsedBody<DynamicMessage> parsed = READER.read(new byte[0]);

    assertThat(parsed.message()).isEqualTo(EMPTY);
    assertThat(parsed.presentFields()).isEmpty();
  }

  @Test
  void malformedJsonIsAParseErrorWithTheParsersReason() {
    final DrfBadRequestException e =
        catchThrowableOfType(DrfBadRequestException.class, () -> read("{\"name\": \"Loan\", }"));

    assertThat(e.isParseError()).isTrue();
    assertThat(DrfJson.compact(e.body()))
        .isEqualTo(
            "{\"detail\":\"JSON parse error - Unexpected character ('}' (code 125)): "
                + "was expecting double-quote to start field name\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"   ", "{} {}", "{\"name\": \"x\"} trailing", "\u00ff"})
  void bodyThatIsNotExactlyOneJsonValueIsAParseError(String body) {
    assertThat(errors(body)).startsWith("{\"detail\":\"JSON parse error - ");
  }

  @Test
  void parseErrorIsRenderedAsRestErrorsRendersIt() {
    final DrfBadRequestException e =
        catchThrowableOfType(DrfBadRequestException.class, () -> read("{"));

    final AggregatedHttpResponse own = e.toResponse().aggregate().join();
    final AggregatedHttpResponse viaRestErrors = RestErrors.fromThrowable(e).aggregate().join();

    assertThat(own.status().code()).isEqualTo(400);
    assertThat(viaRestErrors.status().code()).isEqualTo(400);
    assertThat(viaRestErrors.contentUtf8()).isEqualTo(own.contentUtf8());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"[1, 2] | list", "\"text\" | str", "5 | int", "5.5 | float", "true | bool"})
  void bodyThatIsNotAnObjectNamesItsPythonType(String body, String type) {
    assertThat(errors(body))
        .isEqualTo(
            "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got "
                + type
                + ".\"]}");
  }

  @Test
  void nullBodyIsNoDataProvided() {
    assertThat(errors("null")).isEqualTo("{\"non_field_errors\":[\"No data provided\"]}");
  }

  @Test
  void fieldErrorsAreA400WithTheErrorsAsJson() {
    final DrfBadRequestException e =
        catchThrowableOfType(DrfBadRequestException.class, () -> read("{\"name\": []}"));

    final AggregatedHttpResponse response = e.toResponse().aggregate().join();

    assertThat(e.isParseError()).isFalse();
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.contentType()).isEqualTo(MediaType.JSON_UTF_8);
    assertThat(response.contentUtf8()).isEqualTo("{\"name\":[\"Not a valid string.\"]}");
  }

  // Reading fields

  @Test
  void readsEveryKindOfFieldByItsProtoName() {
    final String body =
        "{\"name\": \"Revolving 12\", \"max_loan_amount\": 5000.00,"
            + " \"default_interest_rate\": \"12.5\", \"installments\": 12,"
            + " \"arrears_tolerance\": 10, \"calculate_interest_on_holidays\": true,"
            + " \"published\": false,"
            + " \"default_fees\": [{\"name\": \"Disbursement Fee\", \"type\": \"flat\","
            + " \"amount\": 25, \"event\": \"disbursement\"}],"
            + " \"custom_field\": {\"branch\": \"Nakuru\", \"ids\": [1, 2.50]},"
            + " \"tags\": [\"seasonal\"], \"main_fee\": {\"name\": \"Late\"},"
            + " \"labels\": {\"region\": \"rift\"}, \"kind\": \"revolving_credit\","
            + " \"grace_days\": 3, \"views\": 42, \"score\": 0.75}";

    assertThat(readText(body))
        .isEqualTo(
            "name: \"Revolving 12\" max_loan_amount: \"5000.00\" default_interest_rate: \"12.5\""
                + " installments: 12 arrears_tolerance: 10 calculate_interest_on_holidays: true"
                + " default_fees { name: \"Disbursement Fee\" type: \"flat\" amount: \"25\""
                + " event: \"disbursement\" }"
                + " custom_field: \"{\\\"branch\\\":\\\"Nakuru\\\",\\\"ids\\\":[1,2.50]}\""
                + " tags: \"seasonal\" main_fee { name: \"Late\" }"
                + " labels { key: \"region\" value: \"rift\" } kind: revolving_credit"
                + " grace_days { value: 3 } views: 42 score: 0.75");
  }

  @Test
  void readsIntoGeneratedMessagesToo() {
    final ParsedBody<ListQuery> parsed =
        DrfJsonReader.of(ListQuery.getDefaultInstance())
            .read(
                HttpData.ofUtf8(
                    "{\"sort\": \"-created\", \"filters\": {\"status__in\": \"active,late\"}}"));

    final ListQuery query = parsed.message();
    assertThat(query.getSort()).isEqualTo("-created");
    assertThat(query.getFiltersMap()).containsExactly(Map.entry("status__in", "active,late"));
    assertThat(parsed.presentFields()).containsExactly("filters", "sort");
  }

  // Decimals

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.10 | 1.10",
        "1e3 | 1000",
        "2.5E-3 | 0.0025",
        "7 | 7",
        "-0.50 | -0.50",
        "12345678901234567890.123456789 | 12345678901234567890.123456789",
        "\"  12.50 \" | 12.50",
        "\"+3\" | 3",
        "\".5\" | 0.5",
        "\"1E2\" | 100",
      })
  void decimalKeepsTheExactValueOfANumberOrNumericString(String json, String stored) {
    final DynamicMessage product = read("{\"max_loan_amount\": " + json + "}").message();

    assertThat(product.getField(FakeProducts.productField("max_loan_amount"))).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"abc\"",
        "true",
        "[]",
        "{}",
        "\"NaN\"",
        "\"Infinity\"",
        "\"1,5\"",
        "\"\"",
        "1e99999"
      })
  void decimalRefusesWhatIsNotANumber(String json) {
    assertThat(errors("{\"default_interest_rate\": " + json + "}"))
        .isEqualTo("{\"default_interest_rate\":[\"A valid number is required.\"]}");
  }

  @Test
  void decimalStringOfMoreThanAThousandCharactersIsTooLarge() {
    final String digits = "1".repeat(1001);

    assertThat(errors("{\"max_loan_amount\": \"" + digits + "\"}"))
        .isEqualTo("{\"max_loan_amount\":[\"String value too large.\"]}");
  }

  @Test
  void blankStringIsNullForAnOptionalDecimal() {
    final ParsedBody<DynamicMessage> parsed = read("{\"max_loan_amount\": \"  \"}");

    assertThat(parsed.message()).isEqualTo(EMPTY);
    assertThat(parsed.nullFields()).containsExactly("max_loan_amount");
  }

  // Strings, integers, booleans, enums, timestamps, wrappers

  @Test
  void stringTakesNumbersAsTheirTextAndStripsWhitespaceAsDrfDoes() {
    assertThat(readText("{\"name\": \"  Revolving \", \"tags\": [12, 1.50]}"))
        .isEqualTo("name: \"Revolving\" tags: \"12\" tags: \"1.50\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "[\"a\"]", "{\"a\": 1}"})
  void stringRefusesBooleansListsAndObjects(String json) {
    assertThat(errors("{\"name\": " + json + "}"))
        .isEqualTo("{\"name\":[\"Not a valid string.\"]}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"12", "\"12\"", "\"12.0\"", "12.00", "\" 12 \"", "\"+12\"", "1.2e1"})
  void integerTakesDrfsSpellingsOfAnInteger(String json) {
    assertThat(readText("{\"installments\": " + json + "}")).isEqualTo("installments: 12");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"12.5", "\"12.5\"", "\"twelve\"", "true", "\"1e3\"", "\"\"", "[12]"})
  void integerRefusesFractionsAndText(String json) {
    assertThat(errors("{\"installments\": " + json + "}"))
        .isEqualTo("{\"installments\":[\"A valid integer is required.\"]}");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "installments | 2147483648 | Ensure this value is less than or equal to 2147483647.",
        "installments | -2147483649 | Ensure this value is greater than or equal to -2147483648.",
        "arrears_tolerance | \"9223372036854775808\" | Ensure this value is less than or equal to 9223372036854775807.",
        "views | -1 | Ensure this value is greater than or equal to 0.",
        "installments | 1e999999999 | Ensure this value is less than or equal to 2147483647.",
      })
  void integerOutsideTheProtoTypesRangeGetsDrfsBoundMessage(
      String field, String json, String message) {
    assertThat(errors("{\"" + field + "\": " + json + "}"))
        .isEqualTo("{\"" + field + "\":[\"" + message + "\"]}");
  }

  @Test
  void int64AndUint64TakeTheirWholeRange() {
    assertThat(
            readText(
                "{\"arrears_tolerance\": -9223372036854775808,"
                    + " \"views\": 18446744073709551615}"))
        .isEqualTo("arrears_tolerance: -9223372036854775808 views: 18446744073709551615");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "true | true",
        "false | false",
        "1 | true",
        "0 | false",
        "1.0 | true",
        "0.0 | false",
        "\"true\" | true",
        "\"True\" | true",
        "\"yes\" | true",
        "\"on\" | true",
        "\"Y\" | true",
        "\"1\" | true",
        "\"t\" | true",
        "\"false\" | false",
        "\"FALSE\" | false",
        "\"no\" | false",
        "\"off\" | false",
        "\"0\" | false",
        "\"f\" | false",
        "\"n\" | false",
      })
  void booleanTakesDrfsSpellingsOfTrueAndFalse(String json, boolean value) {
    assertThat(
            read("{\"published\": " + json + "}")
                .message()
                .getField(FakeProducts.productField("published")))
        .isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"maybe\"", "2", "0.5", "[]", "\"\"", "\"null\""})
  void booleanRefusesAnythingElse(String json) {
    assertThat(errors("{\"published\": " + json + "}"))
        .isEqualTo("{\"published\":[\"Must be a valid boolean.\"]}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"null\"", "\"NULL\""})
  void emptyOrNullTextIsNullForAnOptionalBoolean(String json) {
    final ParsedBody<DynamicMessage> parsed =
        read("{\"calculate_interest_on_holidays\": " + json + "}");

    assertThat(parsed.message()).isEqualTo(EMPTY);
    assertThat(parsed.nullFields()).containsExactly("calculate_interest_on_holidays");
  }

  @Test
  void enumTakesTheValueNameAndRefusesOthersAsAChoice() {
    assertThat(readText("{\"kind\": \"revolving_credit\"}")).isEqualTo("kind: revolving_credit");
    assertThat(errors("{\"kind\": \"term_loan\"}"))
        .isEqualTo("{\"kind\":[\"\\\"term_loan\\\" is not a valid choice.\"]}");
    assertThat(errors("{\"kind\": 1}"))
        .isEqualTo("{\"kind\":[\"\\\"1\\\" is not a valid choice.\"]}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-11-20T10:15:30.123456Z | seconds: 1795169730 nanos: 123456000",
        "2026-11-20T10:15:30Z | seconds: 1795169730",
        "2026-11-20 10:15:30 | seconds: 1795169730",
        "2026-11-20T12:15:30+02:00 | seconds: 1795169730",
        "2026-11-20T07:15:30-0300 | seconds: 1795169730",
        "2026-11-20T10:15 | seconds: 1795169700",
        "2026-11-20T10:15:30.123456789Z | seconds: 1795169730 nanos: 123456000",
      })
  void timestampTakesIso8601AsUtcWhenNoOffsetIsGiven(String json, String stored) {
    assertThat(text(PLAIN.read(("{\"created\": \"" + json + "\"}").getBytes(UTF_8)).message()))
        .isEqualTo("created { " + stored + " }");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"2026-11-20\"", "\"2026-02-30T10:00:00Z\"", "\"yesterday\"", "1795169730"})
  void timestampRefusesWhatIsNotAnIso8601DateTime(String json) {
    assertThat(errors(PLAIN, "{\"created\": " + json + "}"))
        .isEqualTo(
            "{\"created\":[\"Datetime has wrong format. Use one of these formats instead:"
                + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].\"]}");
  }

  @Test
  void wrapperTakesItsValueOrNull() {
    assertThat(readText("{\"grace_days\": \"4\"}")).isEqualTo("grace_days { value: 4 }");
    assertThat(read("{\"grace_days\": null}").nullFields()).containsExactly("grace_days");
    assertThat(errors("{\"grace_days\": \"soon\"}"))
        .isEqualTo("{\"grace_days\":[\"A valid integer is required.\"]}");
  }

  @Test
  void doubleTakesNumbersAndRefusesText() {
    assertThat(readText("{\"score\": \"0.5\"}")).isEqualTo("score: 0.5");
    assertThat(errors("{\"score\": \"high\"}"))
        .isEqualTo("{\"score\":[\"A valid number is required.\"]}");
  }

  @Test
  void jsonTextFieldStoresAnyJsonValueAsItsText() {
    assertThat(readText("{\"custom_field\": [1, \"a\", null]}"))
        .isEqualTo("custom_field: \"[1,\\\"a\\\",null]\"");
    assertThat(readText("{\"custom_field\": \"plain\"}"))
        .isEqualTo("custom_field: \"\\\"plain\\\"\"");
  }

  // Null

  @Test
  void nullClearsAFieldWithPresenceAndIsReportedAsSentAsNull() {
    final ParsedBody<DynamicMessage> parsed =
        read(
            "{\"max_loan_amount\": null, \"installments\": null, \"main_fee\": null,"
                + " \"custom_field\": null, \"name\": \"Loan\"}");

    assertThat(text(parsed.message())).isEqualTo("name: \"Loan\"");
    assertThat(parsed.nullFields())
        .containsExactly("max_loan_amount", "installments", "custom_field", "main_fee");
  }

  @Test
  void nullOnAFieldWithoutPresenceMayNotBeNull() {
    assertThat(
            errors(
                "{\"name\": null, \"published\": null, \"default_fees\": null,"
                    + " \"tags\": null, \"labels\": null, \"arrears_tolerance\": null}"))
        .isEqualTo(
            "{\"name\":[\"This field may not be null.\"],"
                + "\"arrears_tolerance\":[\"This field may not be null.\"],"
                + "\"published\":[\"This field may not be null.\"],"
                + "\"default_fees\":[\"This field may not be null.\"],"
                + "\"tags\":[\"This field may not be null.\"],"
                + "\"labels\":[\"This field may not be null.\"]}");
  }

  // Fields the endpoint does not take

  @Test
  void unknownFieldIsNotAllowed() {
    assertThat(errors("{\"name\": \"Loan\", \"max_loan_amout\": 5}"))
        .isEqualTo("{\"max_loan_amout\":[\"This field is not allowed.\"]}");
  }

  @Test
  void readOnlyFieldIsNotAllowed() {
    assertThat(errors("{\"id\": \"5f0c\", \"created\": \"2026-11-20T10:15:30Z\"}"))
        .isEqualTo(
            "{\"id\":[\"This field is not allowed.\"],"
                + "\"created\":[\"This field is not allowed.\"]}");
  }

  @Test
  void ignoredFieldIsDroppedUnreadAndNotPresent() {
    final DrfJsonReader<DynamicMessage> reader =
        DrfJsonReader.builder(EMPTY).ignored("id", "created").build();

    final ParsedBody<DynamicMessage> parsed =
        reader.read("{\"id\": \"5f0c\", \"created\": 12, \"name\": \"Loan\"}".getBytes(UTF_8));

    assertThat(text(parsed.message())).isEqualTo("name: \"Loan\"");
    assertThat(parsed.presentFields()).containsExactly("name");
  }

  @Test
  void unknownFieldInANestedObjectIsNotAllowedThere() {
    assertThat(errors("{\"default_fees\": [{\"name\": \"Late\", \"amont\": 5}]}"))
        .isEqualTo("{\"default_fees\":[{\"amont\":[\"This field is not allowed.\"]}]}");
  }

  // Nested objects and lists

  @Test
  void listOfObjectsHasErrorsPerItemAndAnEmptyObjectForAGoodItem() {
    assertThat(
            errors(
                "{\"default_fees\": [{\"name\": \"Late\", \"amount\": \"five\"},"
                    + " {\"name\": \"Disbursement\", \"amount\": 25}]}"))
        .isEqualTo("{\"default_fees\":[{\"amount\":[\"A valid number is required.\"]},{}]}");
  }

  @Test
  void listOfObjectsThatIsNotAListIsANonFieldErrorOfTheList() {
    assertThat(errors("{\"default_fees\": {\"name\": \"Late\"}}"))
        .isEqualTo(
            "{\"default_fees\":{\"non_field_errors\":"
                + "[\"Expected a list of items but got type \\\"dict\\\".\"]}}");
  }

  @Test
  void itemThatIsNotAnObjectGetsANonFieldErrorInItsSlot() {
    assertThat(errors("{\"default_fees\": [\"Late\", {}, null, 5]}"))
        .isEqualTo(
            "{\"default_fees\":["
                + "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got str.\"]},"
                + "{},"
                + "[\"This field may not be null.\"],"
                + "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got int.\"]}"
                + "]}");
  }

  @Test
  void listOfValuesHasErrorsKeyedByIndex() {
    assertThat(errors("{\"tags\": [\"a\", true, \"c\", null]}"))
        .isEqualTo(
            "{\"tags\":{\"1\":[\"Not a valid string.\"],\"3\":[\"This field may not be null.\"]}}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"\"a\" | str", "{} | dict", "5 | int", "true | bool"})
  void listOfValuesThatIsNotAListNamesTheType(String json, String type) {
    assertThat(errors("{\"tags\": " + json + "}"))
        .isEqualTo("{\"tags\":[\"Expected a list of items but got type \\\"" + type + "\\\".\"]}");
  }

  @Test
  void nestedObjectHasItsOwnErrors() {
    assertThat(errors("{\"main_fee\": {\"amount\": []}}"))
        .isEqualTo("{\"main_fee\":{\"amount\":[\"A valid number is required.\"]}}");
    assertThat(errors("{\"main_fee\": [1]}"))
        .isEqualTo(
            "{\"main_fee\":{\"non_field_errors\":"
                + "[\"Invalid data. Expected a dictionary, but got list.\"]}}");
  }

  @Test
  void mapIsAnObjectWithErrorsKeyedByKey() {
    assertThat(errors("{\"labels\": [\"a\"]}"))
        .isEqualTo("{\"labels\":[\"Expected a dictionary of items but got type \\\"list\\\".\"]}");
    assertThat(errors("{\"labels\": {\"region\": \"rift\", \"size\": [], \"zone\": null}}"))
        .isEqualTo(
            "{\"labels\":{\"size\":[\"Not a valid string.\"],"
                + "\"zone\":[\"This field may not be null.\"]}}");
  }

  // All errors, presence

  @Test
  void everyErrorIsReportedAtOnceInDeclarationOrderWithUnknownFieldsLast() {
    assertThat(
            errors(
                "{\"colour\": \"red\", \"published\": \"maybe\", \"name\": 5.5e0,"
                    + " \"installments\": \"many\", \"default_fees\": [{}, {\"amount\": \"x\"}],"
                    + " \"max_loan_amount\": \"lots\"}"))
        .isEqualTo(
            "{\"max_loan_amount\":[\"A valid number is required.\"],"
                + "\"installments\":[\"A valid integer is required.\"],"
                + "\"published\":[\"Must be a valid boolean.\"],"
                + "\"default_fees\":[{},{\"amount\":[\"A valid number is required.\"]}],"
                + "\"colour\":[\"This field is not allowed.\"]}");
  }

  @Test
  void presentFieldsAreTheTopLevelNamesSentInDeclarationOrderNullsIncluded() {
    final ParsedBody<DynamicMessage> parsed =
        read(
            "{\"tags\": [], \"name\": \"Loan\", \"installments\": null,"
                + " \"default_fees\": [{\"amount\": 1}]}");

    assertThat(parsed.presentFields())
        .containsExactly("name", "installments", "default_fees", "tags");
    assertThat(parsed.nullFields()).containsExactly("installments");
    assertThat(parsed.isPresent("name")).isTrue();
    assertThat(parsed.isPresent("max_loan_amount")).isFalse();
    assertThat(parsed.fieldMask().getPathsList())
        .containsExactly("name", "installments", "default_fees", "tags");
  }

  // Declarations

  @Test
  void pathThatNamesNoFieldFailsWhenTheReaderIsBuilt() {
    assertThatThrownBy(() -> DrfJsonReader.builder(EMPTY).decimals("default_fees.amout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimals: default_fees.amout (no field 'amout' in furrow.test.v1.DefaultFee)");
    assertThatThrownBy(() -> DrfJsonReader.builder(EMPTY).readOnly("name.first"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readOnly: name.first ('name' is not a message field)");
  }

  @Test
  void decimalOrJsonTextMustBeAStringField() {
    assertThatThrownBy(() -> DrfJsonReader.builder(EMPTY).decimals("installments"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimals: installments (expected: a string or StringValue field)");
  }

  @Test
  void fieldCannotBeBothReadOnlyAndIgnored() {
    assertThatThrownBy(() -> DrfJsonReader.builder(EMPTY).readOnly("id").ignored("id").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("furrow.test.v1.Product.id (expected: in readOnly or ignored, not both)");
  }
}
