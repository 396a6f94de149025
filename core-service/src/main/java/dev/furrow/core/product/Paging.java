package dev.furrow.core.product;

import dev.furrow.core.error.Violations;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The page a product list asks for. Products take only {@code limit} (default {@value
 * #DEFAULT_LIMIT}, larger values cut to {@value #MAX_LIMIT}) and {@code offset} (default 0); any
 * filter or sort parameter is refused by name rather than silently ignored.
 */
public record Paging(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  static final String UNKNOWN_PARAMETER =
      "Unknown filter parameter. Products take only limit and offset.";
  static final String NOT_AN_INTEGER = "A valid integer is required.";

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,100}");
  private static final BigInteger MAX_OFFSET = BigInteger.valueOf(Integer.MAX_VALUE);

  public Paging {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: 1 to " + MAX_LIMIT + ")");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
    }
  }

  /** Reads the raw list parameters (empty text means absent); all problems are reported at once. */
  public static Paging parse(
      Map<String, String> filters, String sort, String limit, String offset) {
    Violations violations = new Violations();
    new TreeSet<>(filters.keySet()).forEach(name -> violations.add(name, UNKNOWN_PARAMETER));
    violations.check(!sort.isEmpty(), "sort", UNKNOWN_PARAMETER);
    BigInteger rawLimit = integer("limit", limit, DEFAULT_LIMIT, 1, violations);
    BigInteger rawOffset = integer("offset", offset, 0, 0, violations);
    if (rawOffset != null && rawOffset.compareTo(MAX_OFFSET) > 0) {
      violations.add("offset", "Ensure this value is less than or equal to " + MAX_OFFSET + ".");
    }
    violations.throwIfAny();
    return new Paging(rawLimit.min(BigInteger.valueOf(MAX_LIMIT)).intValue(), rawOffset.intValue());
  }

  @Nullable
  private static BigInteger integer(
      String field, String raw, int absent, int min, Violations violations) {
    String text = raw.strip();
    if (text.isEmpty()) {
      return BigInteger.valueOf(absent);
    }
    if (!INTEGER.matcher(text).matches()) {
      violations.add(field, NOT_AN_INTEGER);
      return null;
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(BigInteger.valueOf(min)) < 0) {
      violations.add(field, "Ensure this value is greater than or equal to " + min + ".");
      return null;
    }
    return value;
  }
}
