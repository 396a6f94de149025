package dev.furrow.core.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A validated list request ready for SQL: a WHERE predicate and an ORDER BY list built only from
 * whitelisted expressions, the values they bind (named {@code f0}, {@code f1}, ...; do not use such
 * names for parameters of your own), and the page.
 *
 * <pre>{@code
 * String from = " FROM application a JOIN end_user eu ON eu.id = a.end_user_id"
 *     + " WHERE a.partner_id = :partner AND " + q.where();
 * long count = q.bind(h.createQuery("SELECT count(*)" + from)).bind("partner", p)
 *     .mapTo(Long.class).one();
 * List<Row> page = q.bind(h.createQuery("SELECT a.*" + from + " ORDER BY " + q.orderBy()
 *         + " LIMIT :limit OFFSET :offset"))
 *     .bind("partner", p).bind("limit", q.limit()).bind("offset", q.offset())
 *     .mapTo(Row.class).list();
 * }</pre>
 */
public final class CompiledQuery {
  private final List<Condition> conditions;
  private final String orderBy;
  private final int limit;
  private final int offset;

  CompiledQuery(List<Condition> conditions, String orderBy, int limit, int offset) {
    this.conditions = List.copyOf(conditions);
    this.orderBy = orderBy;
    this.limit = limit;
    this.offset = offset;
  }

  /**
   * The filters as one predicate, {@code TRUE} when there are none, else comparisons joined by
   * {@code AND} (so it can follow {@code WHERE} or {@code AND} directly).
   */
  public String where() {
    if (conditions.isEmpty()) {
      return "TRUE";
    }
    return conditions.stream().map(Condition::sql).collect(Collectors.joining(" AND "));
  }

  /** The ORDER BY list (without the keywords), always ending in the unique tiebreaker. */
  public String orderBy() {
    return orderBy;
  }

  /** Page size: the requested limit clamped to the resource's maximum, or its default. */
  public int limit() {
    return limit;
  }

  /** Rows to skip, 0 unless requested. */
  public int offset() {
    return offset;
  }

  /**
   * Binds every filter value that {@link #where()} refers to; {@code __in} lists as typed
   * PostgreSQL arrays. Returns the statement for chaining.
   */
  public <S extends SqlStatement<S>> S bind(S statement) {
    for (Condition condition : conditions) {
      Binding binding = condition.binding();
      ValueKind arrayOf = binding.arrayOf();
      if (arrayOf == null) {
        statement.bind(binding.name(), binding.value());
      } else {
        statement.registerArrayType(arrayOf.javaType(), arrayOf.sqlType());
        statement.bindArray(binding.name(), arrayOf.javaType(), (List<?>) binding.value());
      }
    }
    return statement;
  }

  /** The values {@link #bind} binds, by name in order; a list for each {@code __in}. */
  public Map<String, Object> bindings() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Condition condition : conditions) {
      values.put(condition.binding().name(), condition.binding().value());
    }
    return Collections.unmodifiableMap(values);
  }

  @Override
  public String toString() {
    return "CompiledQuery[where "
        + where()
        + ", order by "
        + orderBy
        + ", limit "
        + limit
        + ", offset "
        + offset
        + "]";
  }
}
