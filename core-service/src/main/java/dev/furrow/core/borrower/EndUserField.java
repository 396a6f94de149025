package dev.furrow.core.borrower;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The writable fields of an end user, under the names the partner lending API uses. */
public enum EndUserField {
  FIRST_NAME("first_name", true),
  LAST_NAME("last_name", true),
  BIRTH_DATE("birth_date", true),
  ADDRESS_LINE_1("address_line_1", true),
  ADDRESS_LINE_2("address_line_2", true),
  ADDRESS_LINE_3("address_line_3", false),
  CITY("city", true),
  POSTAL_CODE("postal_code", true),
  COUNTRY("country", false),
  BANK_ACCOUNT_NUMBER("bank_account_number", true),
  SORT_CODE("sort_code", true),
  MOBILE_NUMBER("mobile_number", false),
  EMAIL("email", false);

  private static final Map<String, EndUserField> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toMap(EndUserField::key, Function.identity()));

  private final String key;
  private final boolean required;

  EndUserField(String key, boolean required) {
    this.key = key;
    this.required = required;
  }

  /** The snake_case name in requests, responses and field violations. */
  public String key() {
    return key;
  }

  /** Whether create and full replace refuse the field's absence. */
  public boolean required() {
    return required;
  }

  /** The field with this API name, or empty for read-only and unknown names. */
  public static Optional<EndUserField> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
