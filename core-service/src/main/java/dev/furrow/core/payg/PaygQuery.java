package dev.furrow.core.payg;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.query.CompiledQuery;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A validated PAYG list request as SQL: the WHERE predicate and ORDER BY built only from the
 * resource's whitelisted expressions, the values they bind (named {@code f0}, {@code f1}, ...), and
 * the page. Run it with {@link PaygLists#fetch}, or bind it yourself.
 */
public final class PaygQuery {
  private final CompiledQuery compiled;
  private final int page;
  private final boolean searching;

  PaygQuery(CompiledQuery compiled, int page, boolean searching) {
    this.compiled = requireNonNull(compiled, "compiled");
    this.page = page;
    this.searching = searching;
  }

  /** Whether the request has a search term (its predicate is in {@link #where()}). */
  public boolean searching() {
    return searching;
  }

  /** The filters and search as one predicate ({@code TRUE} when there are none). */
  public String where() {
    return compiled.where();
  }

  /** The ORDER BY list (without the keywords), always ending in the unique tiebreaker. */
  public String orderBy() {
    return compiled.orderBy();
  }

  /** The page number, from 1. */
  public int page() {
    return page;
  }

  /** Rows per page. */
  public int limit() {
    return compiled.limit();
  }

  /** Rows skipped: (page - 1) x limit. */
  public int offset() {
    return compiled.offset();
  }

  /** Binds every value {@link #where()} refers to; returns the statement. */
  public <S extends SqlStatement<S>> S bind(S statement) {
    return compiled.bind(statement);
  }

  /** The values {@link #bind} binds, by name. */
  public Map<String, Object> bindings() {
    return compiled.bindings();
  }

  /** The same query in the lending API's form, for {@link dev.furrow.core.query.PartnerLists}. */
  public CompiledQuery compiled() {
    return compiled;
  }

  @Override
  public String toString() {
    return "PaygQuery[page " + page + ", " + compiled + "]";
  }
}
