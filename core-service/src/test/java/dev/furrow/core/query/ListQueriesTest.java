package dev.furrow.core.query;

import static dev.furrow.core.query.ItemFilters.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.common.v1.PageInfo;
import org.junit.jupiter.api.Test;

class ListQueriesTest {

  @Test
  void listQueryCompilesLikeTheSameRawText() {
    ListQuery request =
        ListQuery.newBuilder()
            .putFilters("name__icontains", "plough")
            .setSort("-amount")
            .setLimit("500")
            .setOffset("20")
            .build();

    CompiledQuery query = ListQueries.compile(ITEMS, request);

    assertThat(query.where()).isEqualTo("i.name ILIKE :f0");
    assertThat(query.orderBy()).isEqualTo("i.amount DESC, i.id ASC");
    assertThat(ListQueries.pageInfo(query, 42))
        .isEqualTo(PageInfo.newBuilder().setCount(42).setLimit(100).setOffset(20).build());
  }

  @Test
  void emptyListQueryMeansDefaults() {
    CompiledQuery query = ListQueries.compile(ITEMS, ListQuery.getDefaultInstance());

    assertThat(query.where()).isEqualTo("TRUE");
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.offset()).isZero();
  }
}
