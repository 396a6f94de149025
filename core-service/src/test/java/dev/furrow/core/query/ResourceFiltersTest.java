package dev.furrow.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceFiltersTest {

  @Test
  void textAndUuidFieldsAcceptTheTextLookups() {
    ResourceFilters filters = minimal().text("status", "a.status").uuid("id", "a.id").build();

    assertThat(filters.parameterNames())
        .containsExactly(
            "id",
            "id__contains",
            "id__icontains",
            "id__iexact",
            "id__in",
            "status",
            "status__contains",
            "status__icontains",
            "status__iexact",
            "status__in");
  }

  @Test
  void numbersAndReferencesAcceptComparisons() {
    ResourceFilters filters =
        minimal()
            .decimal("amount", "a.amount")
            .integer("installments", "a.installments")
            .reference("product", "a.product_id")
            .build();

    assertThat(filters.parameterNames())
        .hasSize(18)
        .contains(
            "amount",
            "amount__lt",
            "amount__lte",
            "amount__gt",
            "amount__gte",
            "amount__in",
            "installments__gte",
            "product",
            "product__in")
        .doesNotContain("amount__icontains", "product__iexact");
  }

  @Test
  void datesAcceptComparisonsAndDatePartsLikeThePartnerApi() {
    ResourceFilters filters =
        minimal().datetime("loan__application__processing_finished_at", "ap.finished_at").build();
    String p = "loan__application__processing_finished_at";

    assertThat(filters.parameterNames())
        .containsExactlyInAnyOrder(
            p,
            p + "__lt",
            p + "__lte",
            p + "__gt",
            p + "__gte",
            p + "__in",
            p + "__year",
            p + "__year__lt",
            p + "__year__lte",
            p + "__year__gt",
            p + "__year__gte",
            p + "__year__in",
            p + "__month",
            p + "__month__lt",
            p + "__month__lte",
            p + "__month__gt",
            p + "__month__gte",
            p + "__month__in",
            p + "__day",
            p + "__day__lt",
            p + "__day__lte",
            p + "__day__gt",
            p + "__day__gte",
            p + "__day__in");
  }

  @Test
  void sortableNamesLeaveOutUnsortableFields() {
    ResourceFilters filters =
        minimal()
            .text("status", "a.status")
            .field(FilterField.of("reason", "a.reason", FieldType.TEXT).unsortable())
            .build();

    assertThat(filters.sortableNames()).containsExactly("status");
  }

  @Test
  void fieldsWhoseParametersCollideAreRefused() {
    assertThatThrownBy(
            () -> minimal().datetime("created", "a.created").integer("created__year", "y").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter created__year");
  }

  @Test
  void fieldAddedTwiceIsRefused() {
    assertThatThrownBy(() -> minimal().text("status", "a.status").text("status", "b.status"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field: status (expected: added once)");
  }

  @Test
  void defaultSortMustNameSortableFields() {
    assertThatThrownBy(() -> minimal().text("status", "a.status").defaultSort("-created").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("defaultSort: Unknown sort field \"created\". Allowed: status.");
  }

  @Test
  void tiebreakerIsRequired() {
    assertThatThrownBy(() -> ResourceFilters.builder().text("status", "a.status").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tiebreaker");
  }

  @Test
  void apiNamesAreLowerCaseWords() {
    assertThatThrownBy(() -> FilterField.of("Status; DROP", "a.status", FieldType.TEXT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FilterField.of("status___x", "a.status", FieldType.TEXT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsDefaultToTwentyAndAHundred() {
    ResourceFilters filters = minimal().build();

    assertThat(filters.defaultLimit()).isEqualTo(20);
    assertThat(filters.maxLimit()).isEqualTo(100);
  }

  private static ResourceFilters.Builder minimal() {
    return ResourceFilters.builder().tiebreaker("a.id");
  }
}
