package dev.furrow.core.query;

import static java.util.Objects.requireNonNull;

import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.common.v1.PageInfo;

/** Bridges the gRPC {@link ListQuery} and {@link PageInfo} messages to the query engine. */
public final class ListQueries {
  private ListQueries() {}

  /**
   * Compiles a {@link ListQuery} against a resource's whitelist; see {@link
   * ResourceFilters#compile}.
   */
  public static CompiledQuery compile(ResourceFilters filters, ListQuery query) {
    requireNonNull(filters, "filters");
    requireNonNull(query, "query");
    return filters.compile(
        query.getFiltersMap(), query.getSort(), query.getLimit(), query.getOffset());
  }

  /** The page description for a reply: all matching rows and the page actually served. */
  public static PageInfo pageInfo(CompiledQuery query, long count) {
    return PageInfo.newBuilder()
        .setCount(count)
        .setLimit(query.limit())
        .setOffset(query.offset())
        .build();
  }
}
