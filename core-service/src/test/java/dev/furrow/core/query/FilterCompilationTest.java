package dev.furrow.core.query;

import static dev.furrow.core.query.ItemFilters.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FilterCompilationTest {

  @Test
  void noFiltersMatchEverythingInTheDefaultOrderWithTheTiebreakerLast() {
    CompiledQuery query = ITEMS.compile(Map.of(), null, null, null);

    assertThat(query.where()).isEqualTo("TRUE");
    assertThat(query.orderBy()).isEqualTo("i.created_at DESC, i.id ASC");
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.offset()).isZero();
    assertThat(query.bindings()).isEmpty();
  }

  @Test
  void filtersAreJoinedWithAndInParameterNameOrderWithGeneratedBindNames() {
    CompiledQuery query =
        ITEMS.compile(Map.of("qty__lt", "3", "amount__gte", "10.50", "name", "Plough"), "", "", "");

    assertThat(query.where()).isEqualTo("i.amount >= :f0 AND i.name = :f1 AND i.qty < :f2");
    assertThat(query.bindings())
        .containsExactly(
            Map.entry("f0", new BigDecimal("10.50")),
            Map.entry("f1", "Plough"),
            Map.entry("f2", 3L));
  }

  @Test
  void textLookupsCompileToCaseFoldingAndEscapedLikePatterns() {
    assertThat(single("name__iexact", "PLOUGH")).isEqualTo("lower(i.name) = lower(:f0)");
    assertThat(single("name__contains", "50%")).isEqualTo("i.name LIKE :f0");
    assertThat(single("name__icontains", "a_b")).isEqualTo("i.name ILIKE :f0");
    assertThat(value("name__contains", "50%")).isEqualTo("%50\\%%");
    assertThat(value("name__icontains", "a_b\\c")).isEqualTo("%a\\_b\\\\c%");
    assertThat(value("name__iexact", "PLOUGH")).isEqualTo("PLOUGH");
  }

  @Test
  void uuidFieldsCompareAsUuidForExactAndInAndAsTextOtherwise() {
    UUID id = UUID.fromString("3f2b8c1e-0000-4000-8000-00000000000a");

    assertThat(single("id", id.toString())).isEqualTo("i.id = :f0");
    assertThat(value("id", id.toString())).isEqualTo(id);
    assertThat(single("id__icontains", "00A")).isEqualTo("CAST(i.id AS text) ILIKE :f0");
    assertThat(single("id__iexact", id.toString().toUpperCase()))
        .isEqualTo("lower(CAST(i.id AS text)) = lower(:f0)");
    assertThat(single("id__in", id.toString())).isEqualTo("i.id = ANY(:f0)");
  }

  @Test
  void inListsAreSplitOnCommasTrimmedAndParsedByType() {
    assertThat(single("amount__in", "1, 2.5 ,3")).isEqualTo("i.amount = ANY(:f0)");
    assertThat(value("amount__in", "1, 2.5 ,3"))
        .isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2.5"), new BigDecimal("3")));
    assertThat(value("name__in", "a b,c")).isEqualTo(List.of("a b", "c"));
    assertThat(value("birth_date__in", "2026-01-02,2026-02-03"))
        .isEqualTo(List.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 2, 3)));
  }

  @Test
  void referencesTakeUuidsWithNumericStyleComparisons() {
    UUID owner = UUID.fromString("00000000-0000-4000-8000-000000000001");

    assertThat(single("owner__gt", owner.toString())).isEqualTo("i.owner_id > :f0");
    assertThat(value("owner__gt", owner.toString())).isEqualTo(owner);
  }

  @Test
  void datePartsOfDateTimesAreTakenInUtcAndOfDatesAsIs() {
    assertThat(single("created__year__gte", "2026"))
        .isEqualTo("EXTRACT(YEAR FROM (i.created_at AT TIME ZONE 'UTC')) >= :f0");
    assertThat(single("created__month__in", "1,2"))
        .isEqualTo("EXTRACT(MONTH FROM (i.created_at AT TIME ZONE 'UTC')) = ANY(:f0)");
    assertThat(single("owner__created__day", "31"))
        .isEqualTo("EXTRACT(DAY FROM (o.created_at AT TIME ZONE 'UTC')) = :f0");
    assertThat(single("birth_date__month", "12")).isEqualTo("EXTRACT(MONTH FROM i.birth) = :f0");
    assertThat(value("created__month__in", "1,2")).isEqualTo(List.of(1, 2));
  }

  @Test
  void dateTimesTakeAnOffsetOrMeanUtc() {
    assertThat(value("created__gte", "2026-11-20T09:30:00+02:00"))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T07:30:00Z"));
    assertThat(value("created__gte", "2026-11-20T07:30:00"))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T07:30:00Z"));
    assertThat(value("created__gte", "2026-11-20 07:30:00Z"))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T07:30:00Z"));
    assertThat(value("created__lt", "2026-11-20"))
        .isEqualTo(OffsetDateTime.parse("2026-11-20T00:00:00Z"));
  }

  @Test
  void blankValuesFilterNothingExceptInLists() {
    CompiledQuery query = ITEMS.compile(Map.of("name", "", "amount__gt", "  "), null, null, null);

    assertThat(query.where()).isEqualTo("TRUE");
  }

  @Test
  void sortTakesCommaSeparatedFieldsWithMinusForDescending() {
    assertThat(ITEMS.compile(Map.of(), "owner__first_name,-amount", null, null).orderBy())
        .isEqualTo("o.first_name ASC, i.amount DESC, i.id ASC");
    assertThat(ITEMS.compile(Map.of(), " qty , ", null, null).orderBy())
        .isEqualTo("i.qty ASC, i.id ASC");
  }

  @Test
  void sortingByTheTiebreakerDoesNotRepeatIt() {
    assertThat(ITEMS.compile(Map.of(), "-id", null, null).orderBy()).isEqualTo("i.id DESC");
  }

  @Test
  void limitAboveTheMaximumIsClampedAndOffsetIsKept() {
    CompiledQuery query = ITEMS.compile(Map.of(), null, "1000000000000000000000", "40");

    assertThat(query.limit()).isEqualTo(100);
    assertThat(query.offset()).isEqualTo(40);
    assertThat(ITEMS.compile(Map.of(), null, " 5 ", null).limit()).isEqualTo(5);
  }

  @Test
  void complexExpressionsAreParenthesisedBesideOperators() {
    ResourceFilters filters =
        ResourceFilters.builder()
            .decimal("balance", "l.principal + l.interest")
            .datetime("seen", "coalesce(l.updated_at, l.created_at)")
            .tiebreaker("l.id")
            .defaultSort("-balance")
            .build();

    CompiledQuery query =
        filters.compile(Map.of("balance__gt", "5", "seen__year", "2026"), null, null, null);

    assertThat(query.where())
        .isEqualTo(
            "(l.principal + l.interest) > :f0 AND EXTRACT(YEAR FROM ((coalesce(l.updated_at,"
                + " l.created_at)) AT TIME ZONE 'UTC')) = :f1");
    assertThat(query.orderBy()).isEqualTo("(l.principal + l.interest) DESC, l.id ASC");
  }

  private static String single(String parameter, String raw) {
    return ITEMS.compile(Map.of(parameter, raw), null, null, null).where();
  }

  private static Object value(String parameter, String raw) {
    return ITEMS.compile(Map.of(parameter, raw), null, null, null).bindings().get("f0");
  }
}
