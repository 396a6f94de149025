package dev.furrow.core.query;

import static java.util.Objects.requireNonNull;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One bound parameter of a compiled filter: a scalar, or for {@code __in} a list bound as a
 * PostgreSQL array of {@code arrayOf}'s element type.
 */
record Binding(String name, Object value, @Nullable ValueKind arrayOf) {
  Binding {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (arrayOf != null) {
      value = List.copyOf((List<?>) value);
    }
  }

  static Binding scalar(String name, Object value) {
    return new Binding(name, value, null);
  }

  static Binding array(String name, List<?> values, ValueKind kind) {
    return new Binding(name, values, kind);
  }
}
