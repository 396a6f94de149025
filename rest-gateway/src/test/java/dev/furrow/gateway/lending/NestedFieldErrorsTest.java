package dev.furrow.gateway.lending;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.ProductInput;
import org.junit.jupiter.api.Test;

class NestedFieldErrorsTest {

  private static final ProductInput THREE_FEES =
      ProductInput.newBuilder()
          .addDefaultFees(DefaultFee.getDefaultInstance())
          .addDefaultFees(DefaultFee.getDefaultInstance())
          .addDefaultFees(DefaultFee.getDefaultInstance())
          .build();

  private static String nest(String body, ProductInput sent) {
    final ObjectNode nested = NestedFieldErrors.nest(body.getBytes(UTF_8), sent);
    return nested == null ? null : nested.toString();
  }

  @Test
  void itemPathsBecomeOneErrorObjectPerItemSent() {
    assertThat(
            nest(
                "{\"name\":[\"n\"],\"default_fees[1].event\":[\"e\"],"
                    + "\"default_fees[1].amount\":[\"a\"],\"max_loan_amount\":[\"m\"]}",
                THREE_FEES))
        .isEqualTo(
            "{\"name\":[\"n\"],\"default_fees\":[{},{\"amount\":[\"a\"],\"event\":[\"e\"]},{}],"
                + "\"max_loan_amount\":[\"m\"]}");
  }

  @Test
  void withoutTheSentListTheItemsRunToTheLastError() {
    assertThat(nest("{\"default_fees[2].name\":[\"x\"]}", null))
        .isEqualTo("{\"default_fees\":[{},{},{\"name\":[\"x\"]}]}");
  }

  @Test
  void flatErrorsAreLeftAlone() {
    assertThat(nest("{\"name\":[\"n\"],\"default_fees\":[\"too many\"]}", THREE_FEES)).isNull();
    assertThat(nest("{\"detail\":\"Not found.\"}", THREE_FEES)).isNull();
    assertThat(nest("not json", THREE_FEES)).isNull();
  }

  @Test
  void aListWithBothAListMessageAndItemMessagesStaysFlat() {
    assertThat(
            nest(
                "{\"default_fees\":[\"l\"],\"default_fees[0].name\":[\"x\"],"
                    + "\"tags[0].name\":[\"y\"]}",
                THREE_FEES))
        .isEqualTo(
            "{\"default_fees\":[\"l\"],\"default_fees[0].name\":[\"x\"],\"tags\":[{\"name\":[\"y\"]}]}");
  }
}
