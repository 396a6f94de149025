package dev.furrow.core.query;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Turns one filter parameter and its raw value into a SQL predicate with one bound value. The SQL
 * text is built only from the field's trusted expression and constants; the value is always bound.
 */
final class FilterCompiler {
  /** At most this many comma-separated values in one {@code __in} parameter. */
  static final int MAX_IN_VALUES = 1000;

  static final String LIST_REQUIRED = "Enter a list of values.";

  private FilterCompiler() {}

  /**
   * The predicate for {@code spec} with {@code raw} bound as {@code :bindName}, or null when the
   * value is blank and the lookup is not {@code __in} (an empty filter filters nothing, as in
   * django-filter).
   *
   * @throws InvalidValue if the value does not parse for the field's type
   */
  @Nullable
  static Condition compile(ParameterSpec spec, String raw, String bindName) {
    String value = raw.strip();
    ValueKind kind = spec.valueKind();
    String target = target(spec, kind);
    String placeholder = ":" + bindName;
    Lookup lookup = spec.lookup();
    if (lookup == Lookup.IN) {
      return new Condition(
          target + " = ANY(" + placeholder + ")",
          Binding.array(bindName, parseList(value, kind), kind));
    }
    if (value.isEmpty()) {
      return null;
    }
    return switch (lookup) {
      case EXACT -> compare(target, "=", placeholder, bindName, kind.parse(value));
      case LT -> compare(target, "<", placeholder, bindName, kind.parse(value));
      case LTE -> compare(target, "<=", placeholder, bindName, kind.parse(value));
      case GT -> compare(target, ">", placeholder, bindName, kind.parse(value));
      case GTE -> compare(target, ">=", placeholder, bindName, kind.parse(value));
      case IEXACT ->
          new Condition(
              "lower(" + target + ") = lower(" + placeholder + ")",
              Binding.scalar(bindName, value));
      // No ESCAPE clause: backslash is LIKE's default escape character, and JDBI's statement
      // lexer reads a '\' literal as an unterminated quote (it hides the placeholders after it
      // once a statement has two LIKE conditions).
      case CONTAINS ->
          new Condition(
              target + " LIKE " + placeholder,
              Binding.scalar(bindName, Sql.containsPattern(value)));
      case ICONTAINS ->
          new Condition(
              target + " ILIKE " + placeholder,
              Binding.scalar(bindName, Sql.containsPattern(value)));
      case IN -> throw new AssertionError("handled above");
    };
  }

  /** What the predicate compares: the column, its text form, or a UTC date part of it. */
  private static String target(ParameterSpec spec, ValueKind kind) {
    FilterField field = spec.field();
    DatePart part = spec.part();
    if (part != null) {
      String source =
          field.type() == FieldType.DATETIME
              ? "(" + Sql.operand(field.expression()) + " AT TIME ZONE 'UTC')"
              : field.expression();
      return "EXTRACT(" + part.sqlField() + " FROM " + source + ")";
    }
    if (field.type() == FieldType.UUID && kind == ValueKind.TEXT) {
      return "CAST(" + field.expression() + " AS text)";
    }
    return Sql.operand(field.expression());
  }

  private static Condition compare(
      String target, String operator, String placeholder, String bindName, Object value) {
    return new Condition(
        target + " " + operator + " " + placeholder, Binding.scalar(bindName, value));
  }

  private static List<Object> parseList(String value, ValueKind kind) {
    if (value.isEmpty()) {
      throw new InvalidValue(LIST_REQUIRED);
    }
    String[] items = value.split(",", -1);
    if (items.length > MAX_IN_VALUES) {
      throw new InvalidValue("Ensure this field has no more than " + MAX_IN_VALUES + " elements.");
    }
    List<Object> values = new ArrayList<>(items.length);
    for (String item : items) {
      String trimmed = item.strip();
      if (trimmed.isEmpty()) {
        throw new InvalidValue(LIST_REQUIRED);
      }
      values.add(kind.parse(trimmed));
    }
    return values;
  }
}
