package dev.furrow.core.error;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more field rules; every violation is reported, not only the first. */
public final class InvalidInputException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final List<FieldViolation> violations;

  public InvalidInputException(List<FieldViolation> violations) {
    super(summary(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations: empty (expected: at least one)");
    }
    this.violations = List.copyOf(violations);
  }

  /** A single violation of one field. */
  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  private static String summary(List<FieldViolation> violations) {
    return violations.stream()
        .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
        .collect(Collectors.joining("; "));
  }
}
