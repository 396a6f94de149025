package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

  private final String baseUrl;
  private final String path;
  private final List<Map.Entry<String, String>> query;

  private DrfPageNumberPagination(
      String baseUrl, String path, Iterable<? extends Map.Entry<String, String>> query) {
    this.baseUrl = baseUrl;
    this.path = path;
    final List<Map.Entry<String, String>> copy = new ArrayList<>();
    for (Map.Entry<String, String> param : query) {
      copy.add(Map.entry(param.getKey(), param.getValue()));
    }
    this.query = List.copyOf(copy);
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
    requireNonNull(ctx, "ctx");
    final RequestHeaders headers = ctx.request().headers();
    String scheme = headers.scheme();
    if (scheme == null) {
      scheme = ctx.sessionProtocol().isTls() ? "https" : "http";
    }
    String authority = headers.authority();
    if (authority == null) {
      final InetSocketAddress local = ctx.localAddress();
      authority = local.getHostString() + ':' + local.getPort();
    }
    return scheme + "://" + authority;
  }

  /**
   * The links of a request given in parts: {@code baseUrl} is scheme and authority, {@code path}
   * the path as sent (percent-encoded), {@code query} the decoded parameters in request order.
   */
  public static DrfPageNumberPagination of(
      String baseUrl, String path, Iterable<? extends Map.Entry<String, String>> query) {
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    return new DrfPageNumberPagination(baseUrl, path, query);
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
    final Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : query) {
      params.computeIfAbsent(param.getKey(), unused -> new ArrayList<>()).add(param.getValue());
    }
    if (page == 1) {
      params.remove(PAGE);
    } else {
      params.put(PAGE, List.of(String.valueOf(page)));
    }
    final StringBuilder url = new StringBuilder(baseUrl).append(path);
    char separator = '?';
    for (String name :
        params.keySet().stream().sorted(DrfPageNumberPagination::byCodePoint).toList()) {
      for (String value : params.get(name)) {
        url.append(separator)
            .append(DrfPagination.quotePlus(name))
            .append('=')
            .append(DrfPagination.quotePlus(value));
        separator = '&';
      }
    }
    return url.toString();
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

  private static int byCodePoint(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }
}
