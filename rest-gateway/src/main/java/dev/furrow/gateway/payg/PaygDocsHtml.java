package dev.furrow.gateway.payg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documentation JSON as a minimal, self-contained HTML page (no scripts, no styles fetched).
 */
final class PaygDocsHtml {

  private static final ObjectMapper PRETTY = new ObjectMapper();
  private static final Set<String> HEADER_FIELDS = Set.of("title", "access", "base_url");

  private PaygDocsHtml() {}

  static String render(ObjectNode docs) {
    final StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(docs.path("title").asText()))
        .append(
            "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;"
                + "text-align:left}pre{background:#f6f6f6;padding:1em;overflow:auto}</style>"
                + "</head><body>\n<h1>")
        .append(escape(docs.path("title").asText()))
        .append("</h1>\n<p>Access: <strong>")
        .append(escape(docs.path("access").asText()))
        .append("</strong>. Base URL: <code>")
        .append(escape(docs.path("base_url").asText()))
        .append("</code></p>\n");
    final Iterator<Map.Entry<String, JsonNode>> fields = docs.fields();
    while (fields.hasNext()) {
      final Map.Entry<String, JsonNode> field = fields.next();
      if (HEADER_FIELDS.contains(field.getKey())) {
        continue;
      }
      html.append("<h2>").append(escape(field.getKey().replace('_', ' '))).append("</h2>\n");
      section(html, field.getValue());
    }
    return html.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder html, JsonNode value) {
    if (value.isTextual()) {
      html.append("<p>").append(escape(value.textValue())).append("</p>\n");
    } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
      table(html, value);
    } else if (value.isArray()) {
      html.append("<ul>");
      value.forEach(
          v -> html.append("<li><code>").append(escape(v.asText())).append("</code></li>"));
      html.append("</ul>\n");
    } else {
      html.append("<pre>").append(escape(pretty(value))).append("</pre>\n");
    }
  }

  private static void table(StringBuilder html, JsonNode rows) {
    final List<String> columns = iterableToList(rows.get(0).fieldNames());
    html.append("<table><tr>");
    columns.forEach(c -> html.append("<th>").append(escape(c.replace('_', ' '))).append("</th>"));
    html.append("</tr>\n");
    for (JsonNode row : rows) {
      html.append("<tr>");
      columns.forEach(
          c -> html.append("<td>").append(escape(row.path(c).asText())).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static List<String> iterableToList(Iterator<String> names) {
    final java.util.ArrayList<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private static String pretty(JsonNode value) {
    try {
      return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String text) {
    final StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      final char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
