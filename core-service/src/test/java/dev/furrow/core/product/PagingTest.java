package dev.furrow.core.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {
  private static InvalidInputException refused(
      Map<String, String> filters, String sort, String limit, String offset) {
    return catchThrowableOfType(
        InvalidInputException.class, () -> Paging.parse(filters, sort, limit, offset));
  }

  @Test
  void absentParametersGiveTheFirstTwenty() {
    assertThat(Paging.parse(Map.of(), "", "", "")).isEqualTo(new Paging(20, 0));
  }

  @Test
  void limitAboveHundredIsCutToHundred() {
    assertThat(Paging.parse(Map.of(), "", "500", "40")).isEqualTo(new Paging(100, 40));
    assertThat(Paging.parse(Map.of(), "", "99999999999999999999", ""))
        .isEqualTo(new Paging(100, 0));
  }

  @Test
  void nonIntegerOrTooSmallValuesAreRefusedByName() {
    assertThat(refused(Map.of(), "", "ten", "1.5").violations())
        .containsExactly(
            new FieldViolation("limit", "A valid integer is required."),
            new FieldViolation("offset", "A valid integer is required."));
    assertThat(refused(Map.of(), "", "0", "-1").violations())
        .containsExactly(
            new FieldViolation("limit", "Ensure this value is greater than or equal to 1."),
            new FieldViolation("offset", "Ensure this value is greater than or equal to 0."));
    assertThat(refused(Map.of(), "", "", "2147483648").violations())
        .containsExactly(
            new FieldViolation("offset", "Ensure this value is less than or equal to 2147483647."));
  }

  @Test
  void filtersAndSortAreUnknownParameters() {
    assertThat(
            refused(Map.of("type", "term_loan", "name__icontains", "x"), "-name", "", "")
                .violations())
        .containsExactly(
            new FieldViolation(
                "name__icontains",
                "Unknown filter parameter. Products take only limit and offset."),
            new FieldViolation(
                "type", "Unknown filter parameter. Products take only limit and offset."),
            new FieldViolation(
                "sort", "Unknown filter parameter. Products take only limit and offset."));
  }
}
