package dev.furrow.core.query;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs the count and the page of a partner-scoped list. Both read one REPEATABLE READ snapshot, so
 * the count agrees with the page even while rows are being added.
 *
 * <p>{@code from} is the statement's FROM and WHERE clause restricted to the partner (binding
 * {@code :partner}), e.g. {@code " FROM loan l WHERE l.partner_id = :partner"}; the compiled
 * filters are ANDed to it.
 */
public final class PartnerLists {
  private PartnerLists() {}

  /** The page {@code query} selects, mapped with {@code mapper}, and the count of all matches. */
  public static <T> PartnerPage<T> fetch(
      Jdbi jdbi,
      long partnerId,
      CompiledQuery query,
      String columns,
      String from,
      RowMapper<T> mapper) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          long count =
              query
                  .bind(h.createQuery("SELECT count(*)" + filtered(from, query)))
                  .bind("partner", partnerId)
                  .mapTo(Long.class)
                  .one();
          List<T> results =
              query
                  .bind(h.createQuery(pageSql(query, columns, from)))
                  .bind("partner", partnerId)
                  .bind("limit", query.limit())
                  .bind("offset", query.offset())
                  .map(mapper)
                  .list();
          return new PartnerPage<>(count, results);
        });
  }

  /** The page statement; binds {@code partner}, {@code limit}, {@code offset} and the filters. */
  public static String pageSql(CompiledQuery query, String columns, String from) {
    return "SELECT "
        + columns
        + filtered(from, query)
        + " ORDER BY "
        + query.orderBy()
        + " LIMIT :limit OFFSET :offset";
  }

  private static String filtered(String from, CompiledQuery query) {
    return from + " AND (" + query.where() + ")";
  }
}
