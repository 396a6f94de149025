package dev.furrow.core.payg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaygListCompilerTest {
  private static final PaygListSpec SPEC =
      PaygListSpec.builder()
          .searchable("loan_id", "c.loan_id")
          .searchable("name", "c.name")
          .orderable("created_at", "c.created_at")
          .orderable("name", "c.name")
          .orderable("id", "c.id")
          .choice("status", "c.status", List.of("CURRENT", "DELINQUENT", "CLOSED"))
          .text("currency", "c.currency")
          .id("contract", "c.id")
          .dateRange("date_from", "date_to", "c.loan_start_date")
          .instantRange("paid_from", "paid_to", "c.created_at")
          .tiebreaker("c.id")
          .defaultOrdering("-created_at")
          .build();

  private static PaygQuery compile(
      String page,
      String limit,
      String search,
      String searchby,
      String ordering,
      Map<String, String> filters) {
    return PaygListCompiler.compile(
        SPEC, new PaygListRequest(page, limit, search, searchby, ordering, filters));
  }

  private static List<FieldViolation> violations(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      return e.violations();
    }
    throw new AssertionError("expected InvalidInputException");
  }

  @Test
  void defaultsAreFirstPageOf25NewestFirstWithDescendingTiebreaker() {
    PaygQuery q = PaygListCompiler.compile(SPEC, PaygListRequest.defaults());
    assertThat(q.page()).isEqualTo(1);
    assertThat(q.limit()).isEqualTo(25);
    assertThat(q.offset()).isZero();
    assertThat(q.where()).isEqualTo("TRUE");
    assertThat(q.orderBy()).isEqualTo("c.created_at DESC, c.id DESC");
    assertThat(q.bindings()).isEmpty();
  }

  @Test
  void pageAndLimitGiveTheOffset() {
    PaygQuery q = compile("3", "10", "", "", "", Map.of());
    assertThat(q.page()).isEqualTo(3);
    assertThat(q.limit()).isEqualTo(10);
    assertThat(q.offset()).isEqualTo(20);
  }

  @Test
  void limitAbove100IsRefusedNotClamped() {
    assertThat(violations(() -> compile("", "101", "", "", "", Map.of())))
        .containsExactly(
            new FieldViolation("limit", "Ensure this value is less than or equal to 100."));
  }

  @Test
  void badPageAndLimitAreNamedAfterTheirParameters() {
    assertThat(violations(() -> compile("0", "abc", "", "", "", Map.of())))
        .containsExactlyInAnyOrder(
            new FieldViolation("page", "Ensure this value is greater than or equal to 1."),
            new FieldViolation("limit", "A valid integer is required."));
    assertThat(violations(() -> compile("1000001", "0", "", "", "", Map.of())))
        .containsExactlyInAnyOrder(
            new FieldViolation("page", "Ensure this value is less than or equal to 1000000."),
            new FieldViolation("limit", "Ensure this value is greater than or equal to 1."));
  }

  @Test
  void orderingAcceptsWhitelistedFieldsAscendingOrDescending() {
    assertThat(compile("", "", "", "", "name", Map.of()).orderBy())
        .isEqualTo("c.name ASC, c.id ASC");
    assertThat(compile("", "", "", "", "-name,created_at", Map.of()).orderBy())
        .isEqualTo("c.name DESC, c.created_at ASC, c.id ASC");
    assertThat(compile("", "", "", "", "-id", Map.of()).orderBy()).isEqualTo("c.id DESC");
  }

  @Test
  void unknownOrderingFieldListsTheAllowedOnes() {
    assertThat(violations(() -> compile("", "", "", "", "-x", Map.of())))
        .containsExactly(
            new FieldViolation(
                "ordering", "Unknown ordering field 'x'. Use one of: created_at, name, id."));
  }

  @Test
  void searchWithoutSearchbyMatchesAnySearchableField() {
    PaygQuery q = compile("", "", " 00_1% ", "", "", Map.of());
    assertThat(q.where()).isEqualTo("((c.loan_id) || E'\\n' || (c.name)) ILIKE :f0");
    assertThat(q.bindings()).containsExactly(Map.entry("f0", "%00\\_1\\%%"));
  }

  @Test
  void searchbyNarrowsTheSearchToOneField() {
    PaygQuery q = compile("", "", "Ada", "name", "", Map.of());
    assertThat(q.where()).isEqualTo("c.name ILIKE :f0");
    assertThat(q.bindings()).containsExactly(Map.entry("f0", "%Ada%"));
  }

  @Test
  void anIdentifierSearchProbesTheIndexWithItsLongestDigitRunAndTestsTheWholeTermAfter() {
    PaygQuery q = compile("", "", "LN-2025-000123", "loan_id", "", Map.of());
    assertThat(q.where()).isEqualTo("(concat(c.loan_id)) ILIKE :f0 AND c.loan_id ILIKE :f1");
    assertThat(q.bindings())
        .containsExactly(Map.entry("f0", "%LN-2025-000123%"), Map.entry("f1", "%000123%"));
  }

  @Test
  void termsWithoutALongDigitRunAreSearchedWhole() {
    assertThat(PaygListCompiler.probe("TR-000123")).isEqualTo("000123");
    assertThat(PaygListCompiler.probe("000123")).isNull();
    assertThat(PaygListCompiler.probe("LN-2025")).isNull();
    assertThat(PaygListCompiler.probe("Amina Okafor")).isNull();
    PaygQuery q = compile("", "", "LN-2025-0001", "", "", Map.of());
    assertThat(q.where()).isEqualTo("((c.loan_id) || E'\\n' || (c.name)) ILIKE :f0");
    assertThat(q.bindings()).containsExactly(Map.entry("f0", "%LN-2025-0001%"));
  }

  @Test
  void unknownSearchbyAndOverlongSearchAreRefused() {
    assertThat(violations(() -> compile("", "", "x", "tractor", "", Map.of())))
        .containsExactly(
            new FieldViolation(
                "searchby", "Unknown search field 'tractor'. Use one of: loan_id, name."));
    assertThat(violations(() -> compile("", "", "x".repeat(201), "", "", Map.of())))
        .containsExactly(
            new FieldViolation("search", "Ensure this field has no more than 200 characters."));
    assertThat(violations(() -> compile("", "", "a\nb", "", "", Map.of())))
        .containsExactly(
            new FieldViolation("search", "Search text must not contain control characters."));
  }

  @Test
  void choiceFilterAcceptsOnlyItsValues() {
    PaygQuery q = compile("", "", "", "", "", Map.of("status", "DELINQUENT"));
    assertThat(q.where()).isEqualTo("c.status = :f0");
    assertThat(q.bindings()).containsExactly(Map.entry("f0", "DELINQUENT"));
    assertThat(violations(() -> compile("", "", "", "", "", Map.of("status", "current"))))
        .containsExactly(
            new FieldViolation(
                "status", "Select a valid choice. current is not one of the available choices."));
  }

  @Test
  void textIdAndDateFiltersBindTypedValues() {
    PaygQuery q =
        compile(
            "",
            "",
            "",
            "",
            "",
            Map.of(
                "currency", "NGN",
                "contract", "1001",
                "date_from", "2026-01-01",
                "date_to", "2026-01-31",
                "paid_from", "2026-02-01",
                "paid_to", "2026-02-28"));
    assertThat(q.where())
        .isEqualTo(
            "c.id = :f0 AND c.currency = :f1 AND c.loan_start_date >= :f2"
                + " AND c.loan_start_date <= :f3 AND c.created_at >= :f4 AND c.created_at < :f5");
    assertThat(q.bindings().values())
        .containsExactly(
            1001L,
            "NGN",
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-01-31"),
            OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC),
            OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void emptyFilterValuesFilterNothing() {
    assertThat(compile("", "", "", "", "", Map.of("status", "", "currency", " ")).where())
        .isEqualTo("TRUE");
  }

  @Test
  void badFilterValuesAndUnknownFiltersAreAllReported() {
    assertThat(
            violations(
                () ->
                    compile(
                        "",
                        "",
                        "",
                        "",
                        "",
                        Map.of(
                            "contract", "abc",
                            "date_from", "2026-13-01",
                            "colour", "red"))))
        .containsExactlyInAnyOrder(
            new FieldViolation("contract", "Enter a whole number."),
            new FieldViolation("date_from", "Enter a valid date."),
            new FieldViolation(
                "colour",
                "Unknown filter 'colour'. Use one of: status, currency, contract, date_from,"
                    + " date_to, paid_from, paid_to."));
  }

  @Test
  void dateToBeforeDateFromIsRefused() {
    assertThat(
            violations(
                () ->
                    compile(
                        "",
                        "",
                        "",
                        "",
                        "",
                        Map.of("date_from", "2026-02-01", "date_to", "2026-01-31"))))
        .containsExactly(
            new FieldViolation("date_to", "Ensure this date is on or after date_from."));
  }

  @Test
  void specRejectsDefaultOrderingOnUnorderableField() {
    assertThatThrownBy(
            () ->
                PaygListSpec.builder()
                    .orderable("id", "c.id")
                    .tiebreaker("c.id")
                    .defaultOrdering("-created_at")
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
