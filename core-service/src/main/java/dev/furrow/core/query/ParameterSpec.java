package dev.furrow.core.query;

import javax.annotation.Nullable;

/**
 * What one accepted parameter name means: the field, the date part it compares (if any) and the
 * lookup. {@code created__month__in} is (created, MONTH, IN).
 */
record ParameterSpec(FilterField field, @Nullable DatePart part, Lookup lookup) {

  /** The parameter name API users write. */
  String name() {
    String base = part == null ? field.name() : field.name() + "__" + part.suffix();
    return lookup.parameter(base);
  }

  /** How this parameter's values are parsed. */
  ValueKind valueKind() {
    return part == null ? ValueKind.of(field.type(), lookup) : ValueKind.of(part);
  }
}
