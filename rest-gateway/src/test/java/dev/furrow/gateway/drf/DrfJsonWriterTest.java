package dev.furrow.gateway.drf;

import static dev.furrow.gateway.drf.FakeProducts.EMPTY;
import static dev.furrow.gateway.drf.FakeProducts.product;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import dev.furrow.proto.common.v1.PageInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrfJsonWriterTest {

  private static final DrfJsonWriter WRITER = DrfJsonWriter.of(FakeProducts.PRODUCT);

  private static String written(DrfJsonWriter writer, DynamicMessage message) {
    return DrfJson.compact(writer.write(message));
  }

  private static String written(DynamicMessage message) {
    return written(WRITER, message);
  }

  @Test
  void emptyMessageHasEveryFieldWithNullForUnsetFieldsThatHavePresence() {
    assertThat(written(EMPTY))
        .isEqualTo(
            "{\"id\":\"\",\"created\":null,\"name\":\"\",\"max_loan_amount\":null,"
                + "\"default_interest_rate\":\"\",\"installments\":null,\"arrears_tolerance\":0,"
                + "\"calculate_interest_on_holidays\":null,\"published\":false,"
                + "\"default_fees\":[],\"custom_field\":null,\"tags\":[],\"main_fee\":null,"
                + "\"labels\":{},\"kind\":\"KIND_UNSPECIFIED\",\"grace_days\":null,"
                + "\"views\":0,\"score\":null}");
  }

  @Test
  void fullMessageIsRenderedFieldByFieldInDeclarationOrder() {
    final DynamicMessage product =
        product(
            "id: \"3f1d9c2e-8a4b-4c1e-9d2f-0a1b2c3d4e5f\""
                + " created { seconds: 1795169730 nanos: 123456000 }"
                + " name: \"Revolving 12\" max_loan_amount: \"5000.00\""
                + " default_interest_rate: \"12.5\" installments: 12 arrears_tolerance: 10"
                + " calculate_interest_on_holidays: false published: true"
                + " default_fees { name: \"Late\" type: \"flat\" amount: \"25.00\" event: \"arrears\" }"
                + " default_fees { name: \"Disbursement\" type: \"percent\" amount: \"1.5\""
                + " event: \"disbursement\" }"
                + " custom_field: \"{\\\"branch\\\": \\\"Nakuru\\\"}\""
                + " tags: \"seasonal\" tags: \"maize\""
                + " main_fee { name: \"Late\" }"
                + " labels { key: \"region\" value: \"rift\" }"
                + " kind: revolving_credit grace_days { value: 0 } views: 7 score: 0.25");

    assertThat(written(product))
        .isEqualTo(
            "{\"id\":\"3f1d9c2e-8a4b-4c1e-9d2f-0a1b2c3d4e5f\","
                + "\"created\":\"2026-11-20T10:15:30.123456Z\","
                + "\"name\":\"Revolving 12\",\"max_loan_amount\":\"5000.00\","
                + "\"default_interest_rate\":\"12.5\",\"installments\":12,"
                + "\"arrears_tolerance\":10,\"calculate_interest_on_holidays\":false,"
                + "\"published\":true,"
                + "\"default_fees\":["
                + "{\"name\":\"Late\",\"type\":\"flat\",\"amount\":\"25.00\",\"event\":\"arrears\"},"
                + "{\"name\":\"Disbursement\",\"type\":\"percent\",\"amount\":\"1.5\","
                + "\"event\":\"disbursement\"}],"
                + "\"custom_field\":\"{\\\"branch\\\": \\\"Nakuru\\\"}\","
                + "\"tags\":[\"seasonal\",\"maize\"],"
                + "\"main_fee\":{\"name\":\"Late\",\"type\":\"\",\"amount\":\"\",\"event\":\"\"},"
                + "\"labels\":{\"region\":\"rift\"},\"kind\":\"revolving_credit\","
                + "\"grace_days\":0,\"views\":7,\"score\":0.25}");
  }

  @ParameterizedTest(name = "{0}s {1}ns -> {2}")
  @CsvSource({
    "1795169730, 123456000, 2026-11-20T10:15:30.123456Z",
    "1795169730, 0, 2026-11-20T10:15:30Z",
    "1795169730, 123000000, 2026-11-20T10:15:30.123000Z",
    "1795169730, 500, 2026-11-20T10:15:30Z",
    "1795169730, 999999999, 2026-11-20T10:15:30.999999Z",
    "0, 0, 1970-01-01T00:00:00Z",
  })
  void timestampIsIso8601InUtcAsDrfWritesIt(long seconds, int nanos, String iso) {
    final DynamicMessage product =
        product("created { seconds: " + seconds + " nanos: " + nanos + " }");

    assertThat(WRITER.write(product).get("created").textValue()).isEqualTo(iso);
  }

  @Test
  void integersAreJsonNumbersEvenBeyondWhatADoubleHolds() {
    final DynamicMessage product =
        product("arrears_tolerance: 9007199254740993 views: 18446744073709551615");

    final String json = written(product);

    assertThat(json).contains("\"arrears_tolerance\":9007199254740993");
    assertThat(json).contains("\"views\":18446744073709551615");
  }

  @Test
  void jsonTextIsAStringUnlessDeclaredEmbedded() {
    final DrfJsonWriter embedding =
        DrfJsonWriter.builder(FakeProducts.PRODUCT).embedJson("custom_field").build();
    final DynamicMessage product =
        product("custom_field: \"{\\\"branch\\\": \\\"Nakuru\\\", \\\"rate\\\": 1.50}\"");

    assertThat(WRITER.write(product).get("custom_field").toString())
        .isEqualTo("\"{\\\"branch\\\": \\\"Nakuru\\\", \\\"rate\\\": 1.50}\"");
    assertThat(embedding.write(product).get("custom_field").toString())
        .isEqualTo("{\"branch\":\"Nakuru\",\"rate\":1.50}");
  }

  @Test
  void embeddedJsonTextThatIsNotJsonStaysAString() {
    final DrfJsonWriter embedding =
        DrfJsonWriter.builder(FakeProducts.PRODUCT).embedJson("custom_field").build();

    assertThat(embedding.write(product("custom_field: \"branch=Nakuru\"")).get("custom_field"))
        .hasToString("\"branch=Nakuru\"");
    assertThat(embedding.write(EMPTY).get("custom_field").isNull()).isTrue();
  }

  @Test
  void whatTheReaderReadsTheWriterWritesBack() {
    final String body =
        "{\"name\":\"Revolving 12\",\"max_loan_amount\":\"5000.10\",\"installments\":12,"
            + "\"default_fees\":[{\"name\":\"Late\",\"type\":\"flat\",\"amount\":\"25.00\","
            + "\"event\":\"arrears\"}],\"custom_field\":{\"branch\":\"Nakuru\",\"ids\":[1,2]}}";
    final DrfJsonReader<DynamicMessage> reader =
        DrfJsonReader.builder(EMPTY)
            .decimals("max_loan_amount", "default_fees.amount")
            .jsonText("custom_field")
            .build();
    final DrfJsonWriter writer =
        DrfJsonWriter.builder(FakeProducts.PRODUCT).embedJson("custom_field").build();

    final String written = written(writer, reader.read(body.getBytes(UTF_8)).message());

    assertThat(written)
        .contains("\"max_loan_amount\":\"5000.10\"")
        .contains(
            "\"default_fees\":[{\"name\":\"Late\",\"type\":\"flat\",\"amount\":\"25.00\","
                + "\"event\":\"arrears\"}]")
        .contains("\"custom_field\":{\"branch\":\"Nakuru\",\"ids\":[1,2]}");
  }

  @Test
  void writeAllIsAnArrayOfTheMessages() {
    final DrfJsonWriter writer = DrfJsonWriter.of(FakeProducts.DEFAULT_FEE);
    final DynamicMessage late =
        DynamicMessage.newBuilder(FakeProducts.DEFAULT_FEE)
            .setField(FakeProducts.DEFAULT_FEE.findFieldByName("name"), "Late")
            .build();

    assertThat(DrfJson.compact(writer.writeAll(List.of(late))))
        .isEqualTo("[{\"name\":\"Late\",\"type\":\"\",\"amount\":\"\",\"event\":\"\"}]");
  }

  @Test
  void generatedMessagesAreWrittenToo() {
    final PageInfo page = PageInfo.newBuilder().setCount(45).setLimit(20).setOffset(40).build();

    assertThat(DrfJson.compact(DrfJsonWriter.of(PageInfo.getDescriptor()).write(page)))
        .isEqualTo("{\"count\":45,\"limit\":20,\"offset\":40}");
  }

  @Test
  void messageOfAnotherTypeIsRefused() {
    assertThatThrownBy(() -> WRITER.write(PageInfo.getDefaultInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("message: furrow.common.v1.PageInfo (expected: furrow.test.v1.Product)");
  }
}
