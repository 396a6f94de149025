package dev.furrow.core.payg;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The query parameters of a PAYG list as the client sent them (blank means absent), free of the
 * transport that carried them.
 */
public record PaygListRequest(
    String page,
    String limit,
    String search,
    String searchby,
    String ordering,
    Map<String, String> filters) {
  public PaygListRequest {
    requireNonNull(page, "page");
    requireNonNull(limit, "limit");
    requireNonNull(search, "search");
    requireNonNull(searchby, "searchby");
    requireNonNull(ordering, "ordering");
    filters = Map.copyOf(filters);
  }

  /** No parameters: the first page in the default order. */
  public static PaygListRequest defaults() {
    return new PaygListRequest("", "", "", "", "", Map.of());
  }
}
