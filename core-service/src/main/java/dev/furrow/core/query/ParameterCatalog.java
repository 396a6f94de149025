package dev.furrow.core.query;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Every parameter name a resource accepts, derived from its fields' types, and the messages for
 * names it does not accept.
 */
final class ParameterCatalog {
  private static final String DOCS = " (each with lookups as documented in docs/filtering.md).";

  private final SortedMap<String, FilterField> fields;
  private final SortedMap<String, ParameterSpec> parameters;

  /** {@code fields} keyed by name. */
  ParameterCatalog(SortedMap<String, FilterField> fields) {
    this.fields = fields;
    SortedMap<String, ParameterSpec> specs = new TreeMap<>();
    for (FilterField field : fields.values()) {
      for (Lookup lookup : field.type().lookups()) {
        put(specs, new ParameterSpec(field, null, lookup));
      }
      if (field.type().hasDateParts()) {
        for (DatePart part : DatePart.values()) {
          for (Lookup lookup : FieldType.DATE_PART_LOOKUPS) {
            put(specs, new ParameterSpec(field, part, lookup));
          }
        }
      }
    }
    this.parameters = Collections.unmodifiableSortedMap(specs);
  }

  private static void put(Map<String, ParameterSpec> specs, ParameterSpec spec) {
    ParameterSpec clash = specs.putIfAbsent(spec.name(), spec);
    if (clash != null) {
      throw new IllegalArgumentException(
          "parameter "
              + spec.name()
              + " means both a lookup on "
              + clash.field().name()
              + " and on "
              + spec.field().name()
              + " (expected: field names that do not end in a lookup name)");
    }
  }

  /** Accepted names in alphabetical order. */
  SortedMap<String, ParameterSpec> parameters() {
    return parameters;
  }

  @Nullable
  ParameterSpec find(String name) {
    return parameters.get(name);
  }

  /**
   * Why {@code name} is refused: a wrong lookup on a known field lists that field's parameters,
   * anything else lists the resource's fields.
   */
  String unknownMessage(String name) {
    FilterField field = longestFieldPrefix(name);
    if (field == null) {
      return "Unknown filter parameter. Allowed: " + String.join(", ", fields.keySet()) + DOCS;
    }
    String lookup = name.substring(field.name().length() + 2);
    return "Unknown lookup \"" + lookup + "\" for " + field.name() + ". Allowed: " + allowed(field);
  }

  @Nullable
  private FilterField longestFieldPrefix(String name) {
    int cut = name.lastIndexOf("__");
    while (cut > 0) {
      FilterField field = fields.get(name.substring(0, cut));
      if (field != null) {
        return field;
      }
      cut = name.lastIndexOf("__", cut - 1);
    }
    return null;
  }

  private static String allowed(FilterField field) {
    String direct =
        field.type().lookups().stream()
            .map(lookup -> lookup.parameter(field.name()))
            .collect(Collectors.joining(", "));
    if (!field.type().hasDateParts()) {
      return direct + ".";
    }
    String parts =
        Arrays.stream(DatePart.values())
            .map(part -> field.name() + "__" + part.suffix())
            .collect(Collectors.joining(", "));
    return direct + ", and " + parts + ", each alone or with __lt, __lte, __gt, __gte or __in.";
  }
}
