package dev.furrow.core.billing;

/** What a billing line bills: the week's own usage, late usage of an issued week, or a top-up. */
public enum LineKind {
  USAGE("usage"),
  ADJUSTMENT("adjustment"),
  MINIMUM("minimum");

  private final String code;

  LineKind(String code) {
    this.code = code;
  }

  /** The stored and wire value. */
  public String code() {
    return code;
  }

  /** The kind stored as {@code code}. */
  public static LineKind of(String code) {
    for (LineKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("kind: " + code);
  }
}
