package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import dev.furrow.proto.payg.v1.PaygListQuery;
import java.util.Map;
import java.util.Set;

/**
 * A PAYG list request's query parameters as the core's {@link PaygListQuery}: {@code page}, {@code
 * limit}, {@code search}, {@code searchby} and {@code ordering} into their fields, the resource's
 * filter parameters into {@code filters}, all as raw text (the core validates them and names the
 * offending parameter). Any other parameter is ignored, as most REST APIs (and DRF's django-filter)
 * ignore parameters they do not know; a repeated parameter counts with its last value.
 */
enum PaygListParams {

  /** {@code GET /payg/lms/contracts}. */
  CONTRACTS(Set.of("currency", "status", "funding_source")),
  /** {@code GET /payg/lms/billing-periods}. */
  BILLING_PERIODS(Set.of("contract", "status", "funding_source", "date_from", "date_to")),
  /** {@code GET /payg/lms/invoices}. */
  INVOICES(Set.of("contract", "status", "funding_source", "date_from", "date_to", "number")),
  /** {@code GET /payg/lms/payments}. */
  PAYMENTS(Set.of("contract", "status", "funding_source", "date_from", "date_to"));

  static final String PAGE = "page";
  static final String LIMIT = "limit";
  static final String SEARCH = "search";
  static final String SEARCHBY = "searchby";
  static final String ORDERING = "ordering";

  private final Set<String> filters;

  PaygListParams(Set<String> filters) {
    this.filters = filters;
  }

  /** The filter parameters of the resource. */
  Set<String> filters() {
    return filters;
  }

  /** The query from decoded parameters in request order (Armeria's {@code QueryParams} is one). */
  PaygListQuery toQuery(Iterable<? extends Map.Entry<String, String>> params) {
    requireNonNull(params, "params");
    final PaygListQuery.Builder query = PaygListQuery.newBuilder();
    for (Map.Entry<String, String> param : params) {
      final String name = param.getKey();
      final String value = param.getValue();
      switch (name) {
        case PAGE -> query.setPage(value);
        case LIMIT -> query.setLimit(value);
        case SEARCH -> query.setSearch(value);
        case SEARCHBY -> query.setSearchby(value);
        case ORDERING -> query.setOrdering(value);
        default -> {
          if (filters.contains(name)) {
            query.putFilters(name, value);
          }
        }
      }
    }
    return query.build();
  }
}
