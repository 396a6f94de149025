package dev.furrow.gateway.drf;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.proto.common.v1.ListQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryParamsTest {

  @Test
  void limitOffsetAndSortGoToTheirFieldsAndEverythingElseToFilters() {
    final ListQuery query =
        ListQueryParams.from(
            QueryParams.builder()
                .add("limit", "10")
                .add("offset", "30")
                .add("sort", "-created,amount")
                .add("status__in", "active,late")
                .add("end_user__first_name__icontains", "ann")
                .add("format", "json")
                .build());

    assertThat(query.getLimit()).isEqualTo("10");
    assertThat(query.getOffset()).isEqualTo("30");
    assertThat(query.getSort()).isEqualTo("-created,amount");
    assertThat(query.getFiltersMap())
        .containsOnly(
            Map.entry("status__in", "active,late"),
            Map.entry("end_user__first_name__icontains", "ann"),
            Map.entry("format", "json"));
  }

  @Test
  void valuesAreKeptAsRawTextForTheCoreToValidate() {
    final ListQuery query =
        ListQueryParams.from(
            List.of(
                Map.entry("limit", "ten"),
                Map.entry("offset", "-1"),
                Map.entry("created__year", "")));

    assertThat(query.getLimit()).isEqualTo("ten");
    assertThat(query.getOffset()).isEqualTo("-1");
    assertThat(query.getFiltersMap()).containsOnly(Map.entry("created__year", ""));
  }

  @Test
  void repeatedParameterCountsWithItsLastValueAsInDjango() {
    final ListQuery query =
        ListQueryParams.from(
            List.of(
                Map.entry("status", "active"),
                Map.entry("limit", "5"),
                Map.entry("status", "late"),
                Map.entry("limit", "50")));

    assertThat(query.getLimit()).isEqualTo("50");
    assertThat(query.getFiltersMap()).containsOnly(Map.entry("status", "late"));
  }

  @Test
  void noParametersIsTheEmptyQuery() {
    assertThat(ListQueryParams.from(List.of())).isEqualTo(ListQuery.getDefaultInstance());
  }

  @Test
  void readsTheDecodedQueryOfTheRequestBeingServed() {
    final ServiceRequestContext ctx =
        ServiceRequestContext.of(
            HttpRequest.of(
                HttpMethod.GET,
                "/api/v1/loans/loan/?end_user__last_name__icontains=van%20der+berg&sort=-created"));

    final ListQuery query = ListQueryParams.from(ctx);

    assertThat(query.getSort()).isEqualTo("-created");
    assertThat(query.getFiltersMap())
        .containsOnly(Map.entry("end_user__last_name__icontains", "van der berg"));
  }
}
