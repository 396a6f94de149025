package dev.furrow.core.borrower;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Writable end user fields exactly as a client sent them, untrimmed and unchecked. A field that is
 * not {@link #has present} was absent from the request.
 */
public final class EndUserInput {
  private final Map<EndUserField, String> values;

  private EndUserInput(Map<EndUserField, String> values) {
    this.values = values;
  }

  /** An input with no fields present. */
  public static EndUserInput empty() {
    return new EndUserInput(new EnumMap<>(EndUserField.class));
  }

  /** A copy with {@code field} present and set to {@code value}. */
  public EndUserInput with(EndUserField field, String value) {
    requireNonNull(field, "field");
    requireNonNull(value, "value");
    EnumMap<EndUserField, String> copy = new EnumMap<>(EndUserField.class);
    copy.putAll(values);
    copy.put(field, value);
    return new EndUserInput(copy);
  }

  public boolean has(EndUserField field) {
    return values.containsKey(field);
  }

  /** The value as sent, or null when the field was absent. */
  @Nullable
  public String get(EndUserField field) {
    return values.get(field);
  }
}
