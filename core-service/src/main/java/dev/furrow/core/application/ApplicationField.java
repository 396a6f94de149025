package dev.furrow.core.application;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The writable fields of an application, under the names the partner lending API uses. */
public enum ApplicationField {
  PRODUCT("product", String.class),
  END_USER("end_user", String.class),
  AMOUNT("amount", String.class),
  INSTALLMENTS("installments", Integer.class),
  RATE("rate", String.class),
  CUSTOM_FIELD("custom_field", String.class);

  private static final Map<String, ApplicationField> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toMap(ApplicationField::key, Function.identity()));

  private final String key;
  private final Class<?> javaType;

  ApplicationField(String key, Class<?> javaType) {
    this.key = key;
    this.javaType = javaType;
  }

  /** The snake_case name in requests, responses and field violations. */
  public String key() {
    return key;
  }

  /** Whether {@code value} has the Java type this field's raw value takes. */
  boolean accepts(Object value) {
    return javaType.isInstance(value);
  }

  /** The field with this API name, or empty for read-only and unknown names. */
  public static Optional<ApplicationField> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
