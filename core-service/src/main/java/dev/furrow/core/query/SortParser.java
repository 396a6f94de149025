package dev.furrow.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Reads {@code sort} text ({@code -created,amount}): comma-separated field names, {@code -} for
 * descending, only sortable fields. Empty items are skipped, so a trailing comma is harmless.
 */
final class SortParser {
  private final Map<String, FilterField> sortable;

  /** {@code sortable} keyed by API name, iterated in the order the allowed list is shown. */
  SortParser(Map<String, FilterField> sortable) {
    this.sortable = sortable;
  }

  /** The keys {@code sort} names, reporting each unknown name to {@code onUnknown(name, msg)}. */
  List<SortKey> parse(String sort, BiConsumer<String, String> onUnknown) {
    List<SortKey> keys = new ArrayList<>();
    for (String item : sort.split(",", -1)) {
      String token = item.strip();
      if (token.isEmpty()) {
        continue;
      }
      boolean descending = token.startsWith("-");
      String name = descending ? token.substring(1) : token;
      FilterField field = sortable.get(name);
      if (field == null) {
        onUnknown.accept(name, unknownMessage(name));
      } else {
        keys.add(new SortKey(field, descending));
      }
    }
    return keys;
  }

  private String unknownMessage(String name) {
    String allowed = sortable.keySet().stream().collect(Collectors.joining(", "));
    return "Unknown sort field \"" + name + "\". Allowed: " + allowed + ".";
  }
}
