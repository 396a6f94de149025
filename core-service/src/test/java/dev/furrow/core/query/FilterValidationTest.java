package dev.furrow.core.query;

import static dev.furrow.core.query.ItemFilters.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterValidationTest {
  private static final String ALLOWED_FIELDS =
      "amount, birth_date, created, id, name, note, owner, owner__created, owner__first_name, qty";

  @Test
  void unknownParameterListsTheResourceFields() {
    assertThat(filterErrors(Map.of("colour", "red")))
        .containsExactly(
            new FieldViolation(
                "colour",
                "Unknown filter parameter. Allowed: "
                    + ALLOWED_FIELDS
                    + " (each with lookups as documented in docs/filtering.md)."));
  }

  @Test
  void paginationAndSortAreNotFilterParameters() {
    assertThat(filterErrors(Map.of("limit", "10")))
        .extracting(FieldViolation::field)
        .containsExactly("limit");
  }

  @Test
  void lookupTheFieldTypeLacksListsTheFieldsParameters() {
    assertThat(filterErrors(Map.of("amount__icontains", "1")))
        .containsExactly(
            new FieldViolation(
                "amount__icontains",
                "Unknown lookup \"icontains\" for amount. Allowed: amount, amount__lt,"
                    + " amount__lte, amount__gt, amount__gte, amount__in."));
    assertThat(filterErrors(Map.of("owner__created__week", "1")))
        .containsExactly(
            new FieldViolation(
                "owner__created__week",
                "Unknown lookup \"week\" for owner__created. Allowed: owner__created,"
                    + " owner__created__lt, owner__created__lte, owner__created__gt,"
                    + " owner__created__gte, owner__created__in, and owner__created__year,"
                    + " owner__created__month, owner__created__day, each alone or with __lt,"
                    + " __lte, __gt, __gte or __in."));
  }

  @Test
  void exactLookupHasNoSuffix() {
    assertThat(filterErrors(Map.of("name__exact", "x")))
        .extracting(FieldViolation::message)
        .containsExactly(
            "Unknown lookup \"exact\" for name. Allowed: name, name__iexact, name__contains,"
                + " name__icontains, name__in.");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "amount|abc|Enter a number.",
        "amount|NaN|Enter a number.",
        "amount|Infinity|Enter a number.",
        "amount|1e99999|Enter a number.",
        "amount|0x10|Enter a number.",
        "amount|١٢|Enter a number.",
        "amount__gte|1,5|Enter a number.",
        "qty|1.5|Enter a whole number.",
        "qty__lt|99999999999999999999|Enter a whole number.",
        "id|not-a-uuid|Enter a valid UUID.",
        "id|3f2b8c1e00004000800000000000000a|Enter a valid UUID.",
        "owner|1-1-1-1-1|Enter a valid UUID.",
        "owner__in|00000000-0000-4000-8000-000000000001,x|Enter a valid UUID.",
        "birth_date|2026-02-30|Enter a valid date.",
        "birth_date__gt|20/11/2026|Enter a valid date.",
        "birth_date|+12026-01-01|Enter a valid date.",
        "created|yesterday|Enter a valid date/time.",
        "created__lt|2026-11-20T25:00:00Z|Enter a valid date/time.",
        "created__year|twenty|Enter a whole number.",
        "created__year|0|Ensure this value is greater than or equal to 1.",
        "created__year|10000|Ensure this value is less than or equal to 9999.",
        "created__month__gte|13|Ensure this value is less than or equal to 12.",
        "birth_date__day__in|1,32|Ensure this value is less than or equal to 31.",
        "name__in|a,,b|Enter a list of values.",
        "name__in|a,|Enter a list of values.",
      })
  void badValuesAreRefusedWithTheFieldsMessage(String parameter, String value, String message) {
    assertThat(filterErrors(Map.of(parameter, value)))
        .containsExactly(new FieldViolation(parameter, message));
  }

  @Test
  void blankInListIsRefused() {
    assertThat(filterErrors(Map.of("qty__in", " ")))
        .containsExactly(new FieldViolation("qty__in", "Enter a list of values."));
  }

  @Test
  void overlongInListIsRefused() {
    String values = String.join(",", Collections.nCopies(1001, "1"));

    assertThat(filterErrors(Map.of("qty__in", values)))
        .containsExactly(
            new FieldViolation("qty__in", "Ensure this field has no more than 1000 elements."));
  }

  @Test
  void unknownOrUnsortableSortFieldIsRefused() {
    String allowed =
        "amount, birth_date, created, id, name, owner, owner__created, owner__first_name, qty";

    assertThat(errors(Map.of(), "-colour,note", null, null))
        .containsExactly(
            new FieldViolation("sort", "Unknown sort field \"colour\". Allowed: " + allowed + "."),
            new FieldViolation("sort", "Unknown sort field \"note\". Allowed: " + allowed + "."));
  }

  @ParameterizedTest(name = "limit={0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ten|A valid integer is required.",
        "1.5|A valid integer is required.",
        "0|Ensure this value is greater than or equal to 1.",
        "-3|Ensure this value is greater than or equal to 1.",
      })
  void badLimitIsRefused(String limit, String message) {
    assertThat(errors(Map.of(), null, limit, null))
        .containsExactly(new FieldViolation("limit", message));
  }

  @ParameterizedTest(name = "offset={0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "x|A valid integer is required.",
        "-1|Ensure this value is greater than or equal to 0.",
        "2147483648|Ensure this value is less than or equal to 2147483647.",
      })
  void badOffsetIsRefused(String offset, String message) {
    assertThat(errors(Map.of(), null, null, offset))
        .containsExactly(new FieldViolation("offset", message));
  }

  @Test
  void everyProblemIsReportedAtOnceInParameterOrder() {
    assertThat(
            errors(
                Map.of("qty", "x", "amount__gt", "y", "colour", "z", "name", "fine"),
                "nope",
                "0",
                "-1"))
        .extracting(FieldViolation::field)
        .containsExactly("amount__gt", "colour", "qty", "sort", "limit", "offset");
  }

  private static List<FieldViolation> filterErrors(Map<String, String> filters) {
    return errors(filters, null, null, null);
  }

  private static List<FieldViolation> errors(
      Map<String, String> filters, String sort, String limit, String offset) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> ITEMS.compile(filters, sort, limit, offset));
    assertThat(e).as("InvalidInputException").isNotNull();
    return e.violations();
  }
}
