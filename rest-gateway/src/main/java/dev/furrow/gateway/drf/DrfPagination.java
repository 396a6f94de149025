package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.proto.common.v1.PageInfo;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The list envelope of DRF's {@code LimitOffsetPagination}, {@code {"count": N, "next": url|null,
 * "previous": url|null, "results": [...]}}, with the links DRF builds from the request URL.
 *
 * <p>As in DRF, a link keeps every query parameter of the request and sets {@code limit} (and
 * {@code offset}); the query is rewritten the way Python's {@code urlencode(sorted(...))} writes
 * it: parameters sorted by name (values of a repeated name in their order), names and values
 * encoded with {@code +} for a space and UTF-8 percent escapes ({@code a b} is {@code a+b}, {@code
 * é} is {@code %C3%A9}).
 *
 * <p>{@code next} is null on the last page ({@code offset + limit >= count}); {@code previous} is
 * null on the first ({@code offset <= 0}) and has no {@code offset} when it leads back to the start
 * ({@code offset - limit <= 0}).
 */
public final class DrfPagination {

  private final RequestUrl url;

  private DrfPagination(RequestUrl url) {
    this.url = url;
  }

  /**
   * The links of the request being served: its scheme and authority (the {@code Host} the client
   * used, as DRF's {@code build_absolute_uri}), path and query parameters.
   */
  public static DrfPagination forRequest(ServiceRequestContext ctx) {
    requireNonNull(ctx, "ctx");
    return of(RequestUrl.baseUrl(ctx), ctx.path(), ctx.queryParams());
  }

  /**
   * The links of a request given in parts.
   *
   * @param baseUrl scheme and authority, such as {@code https://api.example.com}
   * @param path the request path as sent (already percent-encoded), such as {@code
   *     /api/v1/products/product/}
   * @param query the decoded query parameters in request order (Armeria's {@code QueryParams} is
   *     one)
   */
  public static DrfPagination of(
      String baseUrl, String path, Iterable<? extends Map.Entry<String, String>> query) {
    return new DrfPagination(new RequestUrl(baseUrl, path, query));
  }

  /** The envelope around {@code results} for the page the core returned. */
  public ObjectNode envelope(PageInfo page, JsonNode results) {
    requireNonNull(page, "page");
    return envelope(page.getCount(), page.getLimit(), page.getOffset(), results);
  }

  /** The envelope around {@code results}, one page of {@code count} rows. */
  public ObjectNode envelope(long count, int limit, int offset, JsonNode results) {
    requireNonNull(results, "results");
    final ObjectNode envelope = DrfJson.NODES.objectNode();
    envelope.put("count", count);
    envelope.put("next", nextLink(count, limit, offset));
    envelope.put("previous", previousLink(limit, offset));
    envelope.set("results", results);
    return envelope;
  }

  /** The link to the next page, or null on the last page. */
  public @Nullable String nextLink(long count, int limit, int offset) {
    checkPage(count, limit, offset);
    if ((long) offset + limit >= count) {
      return null;
    }
    return link(limit, offset + limit);
  }

  /** The link to the previous page, or null on the first page. */
  public @Nullable String previousLink(int limit, int offset) {
    checkPage(0, limit, offset);
    if (offset <= 0) {
      return null;
    }
    return link(limit, offset - limit <= 0 ? null : offset - limit);
  }

  private String link(int limit, @Nullable Integer offset) {
    final Map<String, @Nullable String> replaced = new HashMap<>();
    replaced.put(ListQueryParams.LIMIT, String.valueOf(limit));
    replaced.put(ListQueryParams.OFFSET, offset == null ? null : String.valueOf(offset));
    return url.with(replaced);
  }

  private static void checkPage(long count, int limit, int offset) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    if (limit <= 0) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
    }
  }
}
