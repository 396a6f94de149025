package dev.furrow.core.payg;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.query.PartnerLists;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.PaygPage;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Bridges the gRPC {@link PaygListQuery} and {@link PaygPage} messages to the PAYG compiler. */
public final class PaygLists {
  private PaygLists() {}

  /** The request's parameters as plain text. */
  public static PaygListRequest request(PaygListQuery query) {
    requireNonNull(query, "query");
    return new PaygListRequest(
        query.getPage(),
        query.getLimit(),
        query.getSearch(),
        query.getSearchby(),
        query.getOrdering(),
        query.getFiltersMap());
  }

  /** Compiles {@code query} against {@code spec}; see {@link PaygListCompiler#compile}. */
  public static PaygQuery compile(PaygListSpec spec, PaygListQuery query) {
    return PaygListCompiler.compile(spec, request(query));
  }

  /** The page description for a reply. */
  public static PaygPage page(PaygQuery query, long count) {
    return PaygPage.newBuilder()
        .setCount(count)
        .setPage(query.page())
        .setLimit(query.limit())
        .build();
  }

  /**
   * Runs the count and the page in one REPEATABLE READ snapshot ({@link PartnerLists#fetch}).
   * {@code from} is the FROM and WHERE clause limiting rows to what the caller may see, binding
   * {@code :partner}; the compiled filters are ANDed to it.
   */
  public static <T> PartnerPage<T> fetch(
      Jdbi jdbi,
      long partnerId,
      PaygQuery query,
      String columns,
      String from,
      RowMapper<T> mapper) {
    return PartnerLists.fetch(jdbi, partnerId, query.compiled(), columns, from, mapper);
  }
}
