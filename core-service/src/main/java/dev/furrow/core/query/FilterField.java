package dev.furrow.core.query;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * One whitelisted field of a list endpoint: the name API users write ({@code
 * end_user__first_name}), the SQL expression the developer chose for it ({@code eu.first_name}),
 * its type, and whether {@code sort} may name it. The expression is trusted code, never user input.
 */
public record FilterField(String name, String expression, FieldType type, boolean sortable) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_{1,2}[a-z0-9]+)*");

  public FilterField {
    requireNonNull(name, "name");
    requireNonNull(expression, "expression");
    requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name: " + name + " (expected: lower-case words joined by _ or __)");
    }
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression: blank (expected: a SQL expression)");
    }
  }

  /** A sortable field. */
  public static FilterField of(String name, String expression, FieldType type) {
    return new FilterField(name, expression, type, true);
  }

  /** This field, but not accepted by {@code sort}. */
  public FilterField unsortable() {
    return new FilterField(name, expression, type, false);
  }
}
