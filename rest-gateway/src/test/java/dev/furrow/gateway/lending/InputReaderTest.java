package dev.furrow.gateway.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.common.HttpData;
import dev.furrow.gateway.drf.DrfBadRequestException;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.ListEndUsersResponse;
import dev.furrow.proto.lending.v1.ListProductsResponse;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import org.junit.jupiter.api.Test;

class InputReaderTest {

  private static HttpData body(String json) {
    return HttpData.ofUtf8(json);
  }

  @Test
  void readsTheResourceShapeIntoTheInputWithTheSentFieldsAsMask() {
    final InputReader.Body<ProductInput> body =
        LendingJson.PRODUCT_READER.read(
            body(
                "{\"id\": \"x\", \"name\": \"Line\", \"max_loan_amount\": 1500.50,"
                    + " \"default_loan_amount\": null, \"published\": true,"
                    + " \"created\": \"2026-01-01T00:00:00Z\", \"calculate_interest_on_holidays\": false,"
                    + " \"custom_field\": {\"a\": [1, \"b\"]}}"));

    assertThat(body.input())
        .isEqualTo(
            ProductInput.newBuilder()
                .setName("Line")
                .setMaxLoanAmount("1500.50")
                .setCalculateInterestOnHolidays(false)
                .setCustomField("{\"a\":[1,\"b\"]}")
                .build());
    assertThat(body.mask().getPathsList())
        .containsExactly(
            "name",
            "max_loan_amount",
            "default_loan_amount",
            "calculate_interest_on_holidays",
            "custom_field");
  }

  @Test
  void aStringCustomFieldKeepsItsSpaces() {
    final ProductInput input =
        LendingJson.PRODUCT_READER.read(body("{\"custom_field\": \"  x  \"}")).input();

    assertThat(input.getCustomField()).isEqualTo("\"  x  \"");
    assertThat(
            LendingJson.PRODUCT_WRITER
                .write(Product.newBuilder().setCustomField(input.getCustomField()))
                .get("custom_field")
                .textValue())
        .isEqualTo("  x  ");
  }

  @Test
  void unknownNamesAreRefusedAndTypesChecked() {
    assertThatThrownBy(
            () ->
                LendingJson.END_USER_READER.read(
                    body("{\"first_name\": [], \"updated\": 5, \"foo\": 1}")))
        .isInstanceOfSatisfying(
            DrfBadRequestException.class,
            e ->
                assertThat(e.body().toString())
                    .isEqualTo(
                        "{\"first_name\":[\"Not a valid string.\"],"
                            + "\"foo\":[\"This field is not allowed.\"]}"));
  }

  @Test
  void anEmptyBodyIsAnEmptyObject() {
    final InputReader.Body<EndUserInput> body = LendingJson.END_USER_READER.read(body(""));

    assertThat(body.input()).isEqualTo(EndUserInput.getDefaultInstance());
    assertThat(body.mask().getPathsList()).isEmpty();
  }

  @Test
  void aFieldOfAnotherTypeInTheInputIsRefusedWhenBuilt() {
    assertThatThrownBy(
            () ->
                InputReader.of(
                    ListProductsResponse.getDefaultInstance(),
                    ListEndUsersResponse.getDefaultInstance(),
                    b -> b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "furrow.lending.v1.ListProductsResponse.results"
                + " (expected: the type of furrow.lending.v1.ListEndUsersResponse.results)");
  }

  @Test
  void loanBodiesIgnoreEveryOutputField() {
    final InputReader.Body<LoanInput> body =
        LendingJson.LOAN_READER.read(
            body("{\"application\": \"a\", \"status\": \"active\", \"amount\": \"5\"}"));

    assertThat(body.input()).isEqualTo(LoanInput.newBuilder().setApplication("a").build());
    assertThat(body.mask().getPathsList()).containsExactly("application");
  }
}
