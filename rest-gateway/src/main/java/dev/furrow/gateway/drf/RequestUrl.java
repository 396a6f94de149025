package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The absolute URL of a request being served, rewritten as DRF's pagination links are: the query
 * parsed as Python's {@code parse_qs} does (one entry per name, values in request order), some
 * parameters replaced or removed, and written back as {@code urlencode(sorted(...), doseq=True)}.
 * Both list envelopes ({@link DrfPagination}, {@link DrfPageNumberPagination}) build their links
 * here.
 */
final class RequestUrl {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String baseUrl;
  private final String path;
  private final Map<String, List<String>> params;

  RequestUrl(String baseUrl, String path, Iterable<? extends Map.Entry<String, String>> query) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl");
    this.path = requireNonNull(path, "path");
    requireNonNull(query, "query");
    final Map<String, List<String>> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : query) {
      parsed.computeIfAbsent(param.getKey(), unused -> new ArrayList<>()).add(param.getValue());
    }
    parsed.replaceAll((name, values) -> List.copyOf(values));
    this.params = Map.copyOf(parsed);
  }

  /**
   * Scheme and authority of the request being served, as DRF's {@code build_absolute_uri} takes
   * them: the {@code Host} the client used, else (HTTP/1.0 without Host) the address the request
   * came in on.
   */
  static String baseUrl(ServiceRequestContext ctx) {
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
   * The URL with each parameter of {@code replaced} set to its one value, or removed where the
   * value is null; every other parameter is kept as sent.
   */
  String with(Map<String, @Nullable String> replaced) {
    final Map<String, List<String>> out = new LinkedHashMap<>(params);
    replaced.forEach(
        (name, value) -> {
          if (value == null) {
            out.remove(name);
          } else {
            out.put(name, List.of(value));
          }
        });
    final StringBuilder url = new StringBuilder(baseUrl).append(path);
    char separator = '?';
    for (String name : out.keySet().stream().sorted(RequestUrl::byCodePoint).toList()) {
      for (String value : out.get(name)) {
        url.append(separator).append(quotePlus(name)).append('=').append(quotePlus(value));
        separator = '&';
      }
    }
    return url.toString();
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
