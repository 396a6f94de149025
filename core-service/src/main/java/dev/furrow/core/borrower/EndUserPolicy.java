package dev.furrow.core.borrower;

import dev.furrow.core.error.Violations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The rules an end user's fields must meet. Every broken rule of every field is reported at once,
 * in the wording of Django REST Framework that partner clients already handle.
 */
public final class EndUserPolicy {
  public static final int MAX_NAME = 100;
  public static final int MAX_ADDRESS_LINE = 200;
  public static final int MAX_CITY = 100;
  public static final int MAX_POSTAL_CODE = 20;
  public static final int MAX_EMAIL = 254;

  /** NUBAN account numbers have 10 digits, IBANs at most 34 characters. */
  public static final int MIN_BANK_ACCOUNT = 4;

  public static final int MAX_BANK_ACCOUNT = 34;

  /** From 3-digit bank codes and 6-digit UK sort codes up to 11-character SWIFT/BIC codes. */
  public static final int MIN_SORT_CODE = 3;

  public static final int MAX_SORT_CODE = 11;

  static final String REQUIRED = "This field is required.";
  static final String NOT_NULL = "This field may not be null.";
  static final String BLANK = "This field may not be blank.";
  static final String DATE_FORMAT =
      "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
  static final String FUTURE_BIRTH_DATE = "Birth date cannot be in the future.";
  static final String EMAIL_FORMAT = "Enter a valid email address.";
  static final String PHONE_FORMAT =
      "Enter a valid phone number in international format, e.g. +2348012345678.";
  static final String BANK_ACCOUNT_FORMAT =
      "Enter a valid bank account number: letters and digits only.";
  static final String SORT_CODE_FORMAT = "Enter a valid sort code: letters and digits only.";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern E164 = Pattern.compile("\\+\\d{8,15}");
  private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final Pattern EMAIL =
      Pattern.compile(
          ATOM
              + "(\\."
              + ATOM
              + ")*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  private static final int MAX_EMAIL_LOCAL_PART = 64;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final Clock clock;

  /** The clock decides what "today" is for the birth date rule. */
  public EndUserPolicy(Clock clock) {
    this.clock = clock;
  }

  /**
   * Validates a create or full replace: every required field must be present, and an absent
   * optional field ends up unset.
   */
  public EndUserDetails validate(EndUserInput input) {
    Violations violations = new Violations();
    Map<EndUserField, String> values = new EnumMap<>(EndUserField.class);
    for (EndUserField field : EndUserField.values()) {
      values.put(field, normalize(field, input.get(field), REQUIRED, violations));
    }
    violations.throwIfAny();
    return assemble(values);
  }

  /**
   * Validates a partial update: only {@code fields} change, each to its value in {@code input}; one
   * of them absent from the input clears an optional field and is refused for a required one.
   * Unchanged fields keep their stored values without being checked again.
   */
  public EndUserDetails merge(
      EndUserDetails current, EndUserInput input, Set<EndUserField> fields) {
    Violations violations = new Violations();
    Map<EndUserField, String> values = new EnumMap<>(EndUserField.class);
    for (EndUserField field : EndUserField.values()) {
      values.put(
          field,
          fields.contains(field)
              ? normalize(field, input.get(field), NOT_NULL, violations)
              : current.text(field));
    }
    violations.throwIfAny();
    return assemble(values);
  }

  /** The canonical text of one field, or null when unset; broken rules go to {@code violations}. */
  @Nullable
  private String normalize(
      EndUserField field, @Nullable String raw, String missingMessage, Violations violations) {
    String key = field.key();
    String value = raw == null ? null : raw.strip();
    if (value == null || value.isEmpty()) {
      if (field.required()) {
        violations.add(key, value == null ? missingMessage : BLANK);
      }
      return null;
    }
    return switch (field) {
      case FIRST_NAME, LAST_NAME -> maxLength(value, MAX_NAME, key, violations);
      case ADDRESS_LINE_1, ADDRESS_LINE_2, ADDRESS_LINE_3 ->
          maxLength(value, MAX_ADDRESS_LINE, key, violations);
      case CITY -> maxLength(value, MAX_CITY, key, violations);
      case POSTAL_CODE -> maxLength(value, MAX_POSTAL_CODE, key, violations);
      case BIRTH_DATE -> birthDate(value, key, violations);
      case COUNTRY -> country(value, key, violations);
      case BANK_ACCOUNT_NUMBER ->
          code(value, MIN_BANK_ACCOUNT, MAX_BANK_ACCOUNT, BANK_ACCOUNT_FORMAT, key, violations);
      case SORT_CODE ->
          code(value, MIN_SORT_CODE, MAX_SORT_CODE, SORT_CODE_FORMAT, key, violations);
      case MOBILE_NUMBER -> {
        violations.check(!E164.matcher(value).matches(), key, PHONE_FORMAT);
        yield value;
      }
      case EMAIL -> email(value, key, violations);
    };
  }

  private static String maxLength(String value, int max, String key, Violations violations) {
    violations.check(
        value.length() > max, key, "Ensure this field has no more than " + max + " characters.");
    return value;
  }

  private String birthDate(String value, String key, Violations violations) {
    LocalDate date;
    try {
      // The pattern first: LocalDate.parse alone would also take "+12345-01-01".
      date = ISO_DATE.matcher(value).matches() ? LocalDate.parse(value) : null;
    } catch (DateTimeParseException e) {
      date = null;
    }
    if (date == null) {
      violations.add(key, DATE_FORMAT);
      return value;
    }
    violations.check(date.isAfter(LocalDate.now(clock)), key, FUTURE_BIRTH_DATE);
    return value;
  }

  private static String country(String value, String key, Violations violations) {
    String code = value.toUpperCase(Locale.ROOT);
    violations.check(
        !COUNTRIES.contains(code),
        key,
        "\"" + value + "\" is not a valid ISO 3166-1 alpha-2 country code.");
    return code;
  }

  private static String code(
      String value, int min, int max, String formatMessage, String key, Violations violations) {
    violations
        .check(value.length() < min, key, "Ensure this field has at least " + min + " characters.")
        .check(
            value.length() > max, key, "Ensure this field has no more than " + max + " characters.")
        .check(!ALPHANUMERIC.matcher(value).matches(), key, formatMessage);
    return value;
  }

  private static String email(String value, String key, Violations violations) {
    maxLength(value, MAX_EMAIL, key, violations);
    int at = value.lastIndexOf('@');
    violations.check(
        !EMAIL.matcher(value).matches() || at > MAX_EMAIL_LOCAL_PART, key, EMAIL_FORMAT);
    return value;
  }

  private static EndUserDetails assemble(Map<EndUserField, String> v) {
    return new EndUserDetails(
        v.get(EndUserField.FIRST_NAME),
        v.get(EndUserField.LAST_NAME),
        LocalDate.parse(v.get(EndUserField.BIRTH_DATE)),
        v.get(EndUserField.ADDRESS_LINE_1),
        v.get(EndUserField.ADDRESS_LINE_2),
        v.get(EndUserField.ADDRESS_LINE_3),
        v.get(EndUserField.CITY),
        v.get(EndUserField.POSTAL_CODE),
        v.get(EndUserField.COUNTRY),
        v.get(EndUserField.BANK_ACCOUNT_NUMBER),
        v.get(EndUserField.SORT_CODE),
        v.get(EndUserField.MOBILE_NUMBER),
        v.get(EndUserField.EMAIL));
  }
}
