package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The list envelope of DRF's {@code PageNumberPagination}, {@code {"count": N, "next": url|null,
 * "previous": url|null, "results": [...]}}, with the links DRF builds from the request URL.
 *
 * <p>As in DRF, a link is the request's absolute URL with only {@value #PAGE} replaced: every other
 * query parameter ({@code limit}, filters, unknown ones) is kept as sent, and the query is
 * rewritten as Python's {@code urlencode(sorted(...))} writes it (see {@link DrfPagination}).
 * {@code next} is null when {@code page * limit >= count}; {@code previous} is null on page 1 and
 * has no {@value #PAGE} parameter when it leads to page 1.
 */
public final class DrfPageNumberPagination {

  /** The page number parameter. */
  public static final String PAGE = "page";

  private final RequestUrl url;

  private DrfPageNumberPagination(RequestUrl url) {
    this.url = url;
  }

  /**
   * The links of the request being served: its scheme and authority (the {@code Host} the client
   * used), path and query parameters.
   */
  public static DrfPageNumberPagination forRequest(ServiceRequestContext ctx) {
    requireNonNull(ctx, "ctx");
    return of(baseUrl(ctx), ctx.path(), ctx.queryParams());
  }

  /**
   * Scheme and authority of the request being served, as DRF's {@code build_absolute_uri} takes
   * them: the {@code Host} the client used, else the address the request came in on.
   */
  public static String baseUrl(ServiceRequestContext ctx) {
    return RequestUrl.baseUrl(ctx);
  }

  /**
   * The links of a request given in parts: {@code baseUrl} is scheme and authority, {@code path}
   * the path as sent (percent-encoded), {@code query} the decoded parameters in request order.
   */
  public static DrfPageNumberPagination of(
      String baseUrl, String path, Iterable<? extends Map.Entry<String, String>> query) {
    return new DrfPageNumberPagination(new RequestUrl(baseUrl, path, query));
  }

  /** The envelope around {@code results}: page {@code page} of {@code limit} rows out of count. */
  public ObjectNode envelope(long count, int page, int limit, JsonNode results) {
    requireNonNull(results, "results");
    final ObjectNode envelope = DrfJson.NODES.objectNode();
    envelope.put("count", count);
    envelope.put("next", nextLink(count, page, limit));
    envelope.put("previous", previousLink(page));
    envelope.set("results", results);
    return envelope;
  }

  /** The link to the next page, or null when this page reaches the end. */
  public @Nullable String nextLink(long count, int page, int limit) {
    checkPage(count, page, limit);
    if ((long) page * limit >= count) {
      return null;
    }
    return link(page + 1);
  }

  /** The link to the previous page, or null on the first page. */
  public @Nullable String previousLink(int page) {
    checkPage(0, page, 1);
    if (page <= 1) {
      return null;
    }
    return link(page - 1);
  }

  private String link(int page) {
    final Map<String, @Nullable String> replaced = new HashMap<>();
    replaced.put(PAGE, page == 1 ? null : String.valueOf(page));
    return url.with(replaced);
  }

  private static void checkPage(long count, int page, int limit) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    if (page <= 0) {
      throw new IllegalArgumentException("page: " + page + " (expected: > 0)");
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
    }
  }
}
