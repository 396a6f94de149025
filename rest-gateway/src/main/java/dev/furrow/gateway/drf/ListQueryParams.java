package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.proto.common.v1.ListQuery;
import java.util.Map;

/**
 * A list request's query parameters as the core's {@link ListQuery}: {@value #LIMIT}, {@value
 * #OFFSET} and {@value #SORT} into their fields, every other parameter into {@code filters}, all as
 * raw text. A repeated parameter counts with its last value, as Django's {@code QueryDict} reads
 * it. Nothing is checked here: the core validates each value against the resource's whitelist and
 * names the offending parameter in its field violations.
 */
public final class ListQueryParams {

  /** Page size. */
  public static final String LIMIT = "limit";

  /** Index of the first result. */
  public static final String OFFSET = "offset";

  /** Comma-separated field names, {@code -} for descending. */
  public static final String SORT = "sort";

  private ListQueryParams() {}

  /** The query of the request being served. */
  public static ListQuery from(ServiceRequestContext ctx) {
    requireNonNull(ctx, "ctx");
    return from(ctx.queryParams());
  }

  /** The query from decoded parameters in request order (Armeria's {@code QueryParams} is one). */
  public static ListQuery from(Iterable<? extends Map.Entry<String, String>> params) {
    requireNonNull(params, "params");
    final ListQuery.Builder query = ListQuery.newBuilder();
    for (Map.Entry<String, String> param : params) {
      final String name = param.getKey();
      final String value = param.getValue();
      switch (name) {
        case LIMIT:
          query.setLimit(value);
          break;
        case OFFSET:
          query.setOffset(value);
          break;
        case SORT:
          query.setSort(value);
          break;
        default:
          query.putFilters(name, value);
      }
    }
    return query.build();
  }
}
