package dev.furrow.core.payg;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.query.FieldType;
import dev.furrow.core.query.FilterField;
import dev.furrow.core.query.ResourceFilters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whitelist of one pay-as-you-go LMS list: the fields {@code searchby} may name (and the SQL
 * each searches), the fields {@code ordering} may name, the filters by parameter name, the default
 * ordering and the unique tiebreaker. Built once per resource; {@link PaygListCompiler} compiles
 * requests against it into the lending API's {@link ResourceFilters} SQL.
 *
 * <pre>{@code
 * PaygListSpec contracts = PaygListSpec.builder()
 *     .searchable("loan_id", "c.loan_id")
 *     .orderable("created_at", "c.created_at")
 *     .choice("status", "c.status", List.of("CURRENT", "DELINQUENT", "CLOSED"))
 *     .tiebreaker("c.id")
 *     .defaultOrdering("-created_at")
 *     .build();
 * }</pre>
 */
public final class PaygListSpec {
  /** Internal field name under which the whole-record search expression is registered. */
  static final String SEARCH_ALL = "s__all";

  static final String TIEBREAKER = "o__tiebreaker";

  /**
   * Prefix of the internal fields that test a search term on the rows an index probe found: the
   * searched expression in a form no index matches, so the planner does not fold the whole term
   * into the index scan (see {@link PaygListCompiler}).
   */
  static final String RECHECK = "r__";

  private final Map<String, String> searchable;
  private final Map<String, String> orderable;
  private final Map<String, PaygFilter> filters;
  private final String tiebreaker;
  private final String defaultOrdering;
  private final String searchAllExpression;
  private final ResourceFilters sql;

  private PaygListSpec(Builder builder) {
    this.searchable = Collections.unmodifiableMap(new LinkedHashMap<>(builder.searchable));
    this.orderable = Collections.unmodifiableMap(new LinkedHashMap<>(builder.orderable));
    this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.filters));
    this.tiebreaker = requireNonNull(builder.tiebreaker, "tiebreaker");
    this.defaultOrdering = requireNonNull(builder.defaultOrdering, "defaultOrdering");
    this.searchAllExpression =
        searchable.values().stream()
            .map(e -> "(" + e + ")")
            .collect(Collectors.joining(" || E'\\n' || "));
    ResourceFilters.Builder resource = ResourceFilters.builder();
    searchable.forEach(
        (name, expression) -> {
          resource.field(FilterField.of("s__" + name, expression, FieldType.TEXT).unsortable());
          resource.field(
              FilterField.of(RECHECK + name, recheck(expression), FieldType.TEXT).unsortable());
        });
    if (!searchable.isEmpty()) {
      resource.field(FilterField.of(SEARCH_ALL, searchAllExpression, FieldType.TEXT).unsortable());
      resource.field(
          FilterField.of(RECHECK + "all", recheck(searchAllExpression), FieldType.TEXT)
              .unsortable());
    }
    orderable.forEach((name, expression) -> resource.text("o__" + name, expression));
    resource.text(TIEBREAKER, tiebreaker);
    for (PaygFilter filter : filters.values()) {
      resource.field(FilterField.of("f__" + filter.name(), filter.expression(), fieldType(filter)));
    }
    this.sql = resource.tiebreaker(tiebreaker).build();
    for (String item : defaultOrdering.split(",")) {
      String name = item.strip().startsWith("-") ? item.strip().substring(1) : item.strip();
      if (!orderable.containsKey(name)) {
        throw new IllegalArgumentException(
            "defaultOrdering: " + defaultOrdering + " (expected: orderable fields)");
      }
    }
  }

  /**
   * {@code expression}'s value (the searched columns are NOT NULL) in a form no index matches. No
   * quotes: JDBI's statement lexer must see the same quoting as in the indexed expression.
   */
  private static String recheck(String expression) {
    return "concat(" + expression + ")";
  }

  private static FieldType fieldType(PaygFilter filter) {
    return switch (filter.kind()) {
      case TEXT, CHOICE -> FieldType.TEXT;
      case ID -> FieldType.INTEGER;
      case DATE_FROM, DATE_TO -> FieldType.DATE;
      case INSTANT_FROM, INSTANT_TO -> FieldType.DATETIME;
    };
  }

  /** Starts a whitelist. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code searchby} names and their SQL, in the order error messages list them. */
  public Map<String, String> searchable() {
    return searchable;
  }

  /** {@code ordering} names and their SQL, in the order error messages list them. */
  public Map<String, String> orderable() {
    return orderable;
  }

  /** Filters by parameter name, in the order error messages list them. */
  public Map<String, PaygFilter> filters() {
    return filters;
  }

  /** The ordering used when the request has none ({@code -created_at}). */
  public String defaultOrdering() {
    return defaultOrdering;
  }

  /** The unique expression every ordering ends with, so pages are stable. */
  public String tiebreaker() {
    return tiebreaker;
  }

  /**
   * The SQL a search without {@code searchby} matches: the searchable expressions joined by
   * newlines (so a term cannot match across two fields). A trigram index on exactly this expression
   * serves the search.
   */
  public String searchAllExpression() {
    return searchAllExpression;
  }

  /** The lending API's whitelist the request is compiled into (internal field names). */
  ResourceFilters sql() {
    return sql;
  }

  /** Collects one resource's whitelist. */
  public static final class Builder {
    private final Map<String, String> searchable = new LinkedHashMap<>();
    private final Map<String, String> orderable = new LinkedHashMap<>();
    private final Map<String, PaygFilter> filters = new LinkedHashMap<>();
    private String tiebreaker;
    private String defaultOrdering = "-created_at";

    private Builder() {}

    /** A field {@code searchby} may name; {@code expression} must be non-null text. */
    public Builder searchable(String name, String expression) {
      put(searchable, name, expression, "searchable");
      return this;
    }

    /** A field {@code ordering} may name (with or without "-"). */
    public Builder orderable(String name, String expression) {
      put(orderable, name, expression, "orderable");
      return this;
    }

    /** Exact text filter. */
    public Builder text(String name, String expression) {
      return filter(new PaygFilter(name, expression, PaygFilter.Kind.TEXT, List.of()));
    }

    /** Exact filter against fixed values; anything else is refused. */
    public Builder choice(String name, String expression, List<String> choices) {
      return filter(new PaygFilter(name, expression, PaygFilter.Kind.CHOICE, choices));
    }

    /** Exact filter on a whole-number id (e.g. {@code contract}). */
    public Builder id(String name, String expression) {
      return filter(new PaygFilter(name, expression, PaygFilter.Kind.ID, List.of()));
    }

    /** {@code date_from} and {@code date_to}, inclusive, on a {@code date} column. */
    public Builder dateRange(String fromName, String toName, String expression) {
      filter(new PaygFilter(fromName, expression, PaygFilter.Kind.DATE_FROM, List.of()));
      return filter(new PaygFilter(toName, expression, PaygFilter.Kind.DATE_TO, List.of()));
    }

    /** {@code date_from} and {@code date_to}, whole UTC days inclusive, on a timestamptz. */
    public Builder instantRange(String fromName, String toName, String expression) {
      filter(new PaygFilter(fromName, expression, PaygFilter.Kind.INSTANT_FROM, List.of()));
      return filter(new PaygFilter(toName, expression, PaygFilter.Kind.INSTANT_TO, List.of()));
    }

    /** Adds a filter; its name must be new and not a reserved list parameter. */
    public Builder filter(PaygFilter filter) {
      if (PaygListCompiler.RESERVED.contains(filter.name())) {
        throw new IllegalArgumentException(
            "filter: " + filter.name() + " (expected: not reserved)");
      }
      if (filters.putIfAbsent(filter.name(), filter) != null) {
        throw new IllegalArgumentException("filter: " + filter.name() + " (expected: added once)");
      }
      return this;
    }

    /** A unique, non-null expression (the primary key) ending every ORDER BY. Required. */
    public Builder tiebreaker(String expression) {
      this.tiebreaker = requireNonNull(expression, "tiebreaker");
      return this;
    }

    /** The ordering when none is requested; {@code -created_at} unless set. */
    public Builder defaultOrdering(String ordering) {
      this.defaultOrdering = requireNonNull(ordering, "defaultOrdering");
      return this;
    }

    private static void put(Map<String, String> map, String name, String expr, String what) {
      requireNonNull(name, "name");
      requireNonNull(expr, "expression");
      if (map.putIfAbsent(name, expr) != null) {
        throw new IllegalArgumentException(what + ": " + name + " (expected: added once)");
      }
    }

    /**
     * @throws IllegalArgumentException if a name is malformed or the default ordering names a field
     *     that is not orderable
     */
    public PaygListSpec build() {
      return new PaygListSpec(this);
    }
  }

  /** Names listed in messages: {@code a, b, c}. */
  static String listed(List<String> names) {
    return String.join(", ", new ArrayList<>(names));
  }
}
