package dev.furrow.core.application;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Writable application fields exactly as a client sent them, untrimmed and unchecked. A field is
 * absent (not {@link #has}), present with a value, or present and explicitly null (a PATCH naming a
 * field without giving it a value, as a JSON null does). Installments are {@link Integer}, every
 * other field text.
 */
public final class ApplicationInput {
  private final Map<ApplicationField, Object> values;

  private ApplicationInput(Map<ApplicationField, Object> values) {
    this.values = values;
  }

  /** An input with no fields present. */
  public static ApplicationInput empty() {
    return new ApplicationInput(new EnumMap<>(ApplicationField.class));
  }

  /** A copy with {@code field} present and set to {@code value}, or explicitly null. */
  public ApplicationInput with(ApplicationField field, @Nullable Object value) {
    requireNonNull(field, "field");
    if (value != null && !field.accepts(value)) {
      throw new IllegalArgumentException(
          field.key() + ": " + value.getClass().getSimpleName() + " (expected: its raw type)");
    }
    EnumMap<ApplicationField, Object> copy = new EnumMap<>(ApplicationField.class);
    copy.putAll(values);
    copy.put(field, value);
    return new ApplicationInput(copy);
  }

  public boolean has(ApplicationField field) {
    return values.containsKey(field);
  }

  /** The value as sent, or null when the field was absent or explicitly null. */
  @Nullable
  public Object get(ApplicationField field) {
    return values.get(field);
  }

  /**
   * This input with the given fields taken from {@code patch}; a field the patch lacks becomes
   * explicitly null. Fields not named keep their values here.
   */
  public ApplicationInput overlay(ApplicationInput patch, Collection<ApplicationField> fields) {
    EnumMap<ApplicationField, Object> copy = new EnumMap<>(ApplicationField.class);
    copy.putAll(values);
    for (ApplicationField field : fields) {
      copy.put(field, patch.get(field));
    }
    return new ApplicationInput(copy);
  }

  /** The stored terms as input in canonical text form, the base a PATCH is laid over. */
  public static ApplicationInput of(ApplicationTerms terms) {
    EnumMap<ApplicationField, Object> v = new EnumMap<>(ApplicationField.class);
    v.put(ApplicationField.PRODUCT, terms.productId().toString());
    v.put(ApplicationField.END_USER, terms.endUserId().toString());
    v.put(ApplicationField.AMOUNT, text(terms.amount()));
    v.put(ApplicationField.INSTALLMENTS, terms.installments());
    v.put(ApplicationField.RATE, text(terms.rate()));
    v.put(ApplicationField.CUSTOM_FIELD, terms.customField());
    return new ApplicationInput(v);
  }

  private static String text(BigDecimal value) {
    return value.toPlainString();
  }
}
