package dev.furrow.core.query;

/**
 * A comparison a filter parameter asks for, named by its Django-style suffix ({@code amount__gte}).
 * {@link #EXACT} has no suffix: {@code status=pending}.
 */
public enum Lookup {
  EXACT(""),
  IEXACT("iexact"),
  CONTAINS("contains"),
  ICONTAINS("icontains"),
  LT("lt"),
  LTE("lte"),
  GT("gt"),
  GTE("gte"),
  IN("in");

  private final String suffix;

  Lookup(String suffix) {
    this.suffix = suffix;
  }

  /** The parameter suffix after {@code __}, empty for {@link #EXACT}. */
  public String suffix() {
    return suffix;
  }

  /** The parameter name for this lookup on {@code base}: {@code base} or {@code base__suffix}. */
  String parameter(String base) {
    return suffix.isEmpty() ? base : base + "__" + suffix;
  }
}
