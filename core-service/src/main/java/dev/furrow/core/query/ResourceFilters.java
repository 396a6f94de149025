package dev.furrow.core.query;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.Violations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The whitelist of one list endpoint: which fields API users may filter and sort on, the SQL each
 * maps to, the default order, a unique tiebreaker for stable pages, and the page size limits. It
 * {@linkplain #compile compiles} raw request text into a {@link CompiledQuery} or refuses it with
 * every problem at once. Immutable and safe to share; build one per resource at startup.
 *
 * <pre>{@code
 * ResourceFilters applications = ResourceFilters.builder()
 *     .uuid("id", "a.id")
 *     .text("status", "a.status")
 *     .decimal("amount", "a.amount")
 *     .datetime("created", "a.created_at")
 *     .reference("product", "a.product_id")
 *     .text("end_user__first_name", "eu.first_name")
 *     .tiebreaker("a.id")
 *     .defaultSort("-created")
 *     .build();
 * }</pre>
 */
public final class ResourceFilters {
  /** The page size when the request names none. */
  public static final int DEFAULT_LIMIT = 20;

  /** The largest page size; larger requests are clamped to it. */
  public static final int MAX_LIMIT = 100;

  private final SortedMap<String, FilterField> fields;
  private final ParameterCatalog catalog;
  private final SortParser sortParser;
  private final List<SortKey> defaultSort;
  private final String tiebreaker;
  private final int defaultLimit;
  private final int maxLimit;

  private ResourceFilters(Builder builder) {
    this.fields = Collections.unmodifiableSortedMap(new TreeMap<>(builder.fields));
    this.catalog = new ParameterCatalog(fields);
    SortedMap<String, FilterField> sortable = new TreeMap<>();
    fields.values().stream().filter(FilterField::sortable).forEach(f -> sortable.put(f.name(), f));
    this.sortParser = new SortParser(sortable);
    this.tiebreaker = requireNonNull(builder.tiebreaker, "tiebreaker").strip();
    this.defaultSort =
        sortParser.parse(
            builder.defaultSort,
            (name, message) -> {
              throw new IllegalArgumentException("defaultSort: " + message);
            });
    this.defaultLimit = builder.defaultLimit;
    this.maxLimit = builder.maxLimit;
    if (defaultLimit < 1 || defaultLimit > maxLimit) {
      throw new IllegalArgumentException(
          "defaultLimit: " + defaultLimit + " (expected: 1.." + maxLimit + ")");
    }
  }

  /** Starts a whitelist; add fields, then a tiebreaker and usually a default sort. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates a list request and compiles it. Null or blank {@code sort}, {@code limit} and {@code
   * offset} mean the defaults; a blank filter value filters nothing, except that {@code __in} needs
   * at least one value.
   *
   * @param filters parameter name (e.g. {@code amount__gte}) to raw value
   * @throws dev.furrow.core.error.InvalidInputException naming each offending parameter ({@code
   *     sort}, {@code limit}, {@code offset} or the filter name) with a DRF-style message
   */
  public CompiledQuery compile(
      Map<String, String> filters,
      @Nullable String sort,
      @Nullable String limit,
      @Nullable String offset) {
    requireNonNull(filters, "filters");
    Violations violations = new Violations();
    List<Condition> conditions = new ArrayList<>();
    for (Map.Entry<String, String> filter : new TreeMap<>(filters).entrySet()) {
      String name = filter.getKey();
      ParameterSpec spec = catalog.find(name);
      if (spec == null) {
        violations.add(name, catalog.unknownMessage(name));
        continue;
      }
      String raw = filter.getValue() == null ? "" : filter.getValue();
      try {
        Condition condition = FilterCompiler.compile(spec, raw, "f" + conditions.size());
        if (condition != null) {
          conditions.add(condition);
        }
      } catch (InvalidValue e) {
        violations.add(name, e.getMessage());
      }
    }
    List<SortKey> keys =
        sortParser.parse(
            sort == null ? "" : sort, (name, message) -> violations.add("sort", message));
    Page page = Page.parse(limit, offset, defaultLimit, maxLimit, violations);
    violations.throwIfAny();
    return new CompiledQuery(
        conditions, orderBy(keys.isEmpty() ? defaultSort : keys), page.limit(), page.offset());
  }

  private String orderBy(List<SortKey> keys) {
    List<String> items = new ArrayList<>();
    boolean tiebreakerListed = false;
    for (SortKey key : keys) {
      items.add(key.sql());
      tiebreakerListed |= Sql.operand(key.field().expression()).equals(Sql.operand(tiebreaker));
    }
    if (!tiebreakerListed) {
      items.add(Sql.operand(tiebreaker) + " ASC");
    }
    return String.join(", ", items);
  }

  /** Every filter parameter name accepted, in alphabetical order (not sort, limit or offset). */
  public SortedSet<String> parameterNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(catalog.parameters().keySet()));
  }

  /** The whitelisted fields in alphabetical order of their API names. */
  public Collection<FilterField> fields() {
    return fields.values();
  }

  /** The API names {@code sort} accepts, in alphabetical order. */
  public List<String> sortableNames() {
    return fields.values().stream()
        .filter(FilterField::sortable)
        .map(FilterField::name)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The page size when the request names none. */
  public int defaultLimit() {
    return defaultLimit;
  }

  /** The largest page size served; larger requests are clamped to it. */
  public int maxLimit() {
    return maxLimit;
  }

  /** Collects the fields of one resource; every field is sortable unless added unsortable. */
  public static final class Builder {
    private final Map<String, FilterField> fields = new TreeMap<>();
    private String tiebreaker;
    private String defaultSort = "";
    private int defaultLimit = DEFAULT_LIMIT;
    private int maxLimit = MAX_LIMIT;

    private Builder() {}

    /** Adds a field; its API name must be new. */
    public Builder field(FilterField field) {
      requireNonNull(field, "field");
      if (fields.putIfAbsent(field.name(), field) != null) {
        throw new IllegalArgumentException("field: " + field.name() + " (expected: added once)");
      }
      return this;
    }

    /** Text: exact, iexact, contains, icontains, in. Cast non-text columns (enums) to text. */
    public Builder text(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.TEXT));
    }

    /** A {@code uuid} column with text lookups; exact and in take UUIDs. */
    public Builder uuid(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.UUID));
    }

    /** A {@code numeric} column: exact, lt, lte, gt, gte, in. */
    public Builder decimal(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.DECIMAL));
    }

    /** An integer column: exact, lt, lte, gt, gte, in. */
    public Builder integer(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.INTEGER));
    }

    /** A {@code uuid} foreign key: exact, lt, lte, gt, gte, in, values UUIDs. */
    public Builder reference(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.REFERENCE));
    }

    /** A {@code date} column: comparisons and year, month, day parts. */
    public Builder date(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.DATE));
    }

    /** A {@code timestamptz} column: comparisons and year, month, day parts in UTC. */
    public Builder datetime(String name, String expression) {
      return field(FilterField.of(name, expression, FieldType.DATETIME));
    }

    /**
     * A unique, non-null expression (usually the primary key) appended to every ORDER BY so that
     * rows with equal sort values keep one order across pages. Required.
     */
    public Builder tiebreaker(String expression) {
      requireNonNull(expression, "tiebreaker");
      if (expression.isBlank()) {
        throw new IllegalArgumentException("tiebreaker: blank (expected: a SQL expression)");
      }
      this.tiebreaker = expression;
      return this;
    }

    /** The order when the request has no {@code sort}, in the same syntax ({@code -created}). */
    public Builder defaultSort(String sort) {
      this.defaultSort = requireNonNull(sort, "defaultSort");
      return this;
    }

    /** Page size when none is requested; {@value ResourceFilters#DEFAULT_LIMIT} unless set. */
    public Builder defaultLimit(int limit) {
      this.defaultLimit = limit;
      return this;
    }

    /** Largest page size; {@value ResourceFilters#MAX_LIMIT} unless set. */
    public Builder maxLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("maxLimit: " + limit + " (expected: >= 1)");
      }
      this.maxLimit = limit;
      return this;
    }

    /**
     * @throws IllegalArgumentException if two fields produce the same parameter name, the default
     *     sort names an unknown or unsortable field, or the limits do not fit
     * @throws NullPointerException if no tiebreaker was set
     */
    public ResourceFilters build() {
      return new ResourceFilters(this);
    }
  }
}
