package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.proto.common.v1.PageInfo;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String baseUrl;
  private final String path;
  private final List<Map.Entry<String, String>> query;

  private DrfPagination(
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
   * used, as DRF's {@code build_absolute_uri}), path and query parameters.
   */
  public static DrfPagination forRequest(ServiceRequestContext ctx) {
    requireNonNull(ctx, "ctx");
    final RequestHeaders headers = ctx.request().headers();
    String scheme = headers.scheme();
    if (scheme == null) {
      scheme = ctx.sessionProtocol().isTls() ? "https" : "http";
    }
    String authority = headers.authority();
    if (authority == null) {
      // HTTP/1.0 without Host: the address the request came in on.
      final InetSocketAddress local = ctx.localAddress();
      authority = local.getHostString() + ':' + local.getPort();
    }
    return of(scheme + "://" + authority, ctx.path(), ctx.queryParams());
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
    requireNonNull(baseUrl, "baseUrl");
    requireNonNull(path, "path");
    requireNonNull(query, "query");
    return new DrfPagination(baseUrl, path, query);
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
    // Python's parse_qs: one entry per name, its values in request order.
    final Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : query) {
      params.computeIfAbsent(param.getKey(), unused -> new ArrayList<>()).add(param.getValue());
    }
    params.put(ListQueryParams.LIMIT, List.of(String.valueOf(limit)));
    if (offset == null) {
      params.remove(ListQueryParams.OFFSET);
    } else {
      params.put(ListQueryParams.OFFSET, List.of(String.valueOf(offset)));
    }
    final StringBuilder url = new StringBuilder(baseUrl).append(path);
    char separator = '?';
    for (String name : params.keySet().stream().sorted(DrfPagination::byCodePoint).toList()) {
      for (String value : params.get(name)) {
        url.append(separator).append(quotePlus(name)).append('=').append(quotePlus(value));
        separator = '&';
      }
    }
    return url.toString();
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

  /** Python's string order: by code point, which differs from UTF-16 order past U+FFFF. */
  private static int byCodePoint(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /** Python's {@code quote_plus(s, safe='')}. */
  static String quotePlus(String text) {
    final StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      final int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == '-'
          || c == '~') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
