package dev.furrow.core.error;

import java.util.ArrayList;
import java.util.List;

/** Collects field violations while validating, then throws them all at once. */
public final class Violations {
  private final List<FieldViolation> violations = new ArrayList<>();

  /** Records a violation when {@code broken} is true. */
  public Violations check(boolean broken, String field, String message) {
    if (broken) {
      violations.add(new FieldViolation(field, message));
    }
    return this;
  }

  public Violations add(String field, String message) {
    violations.add(new FieldViolation(field, message));
    return this;
  }

  public boolean isEmpty() {
    return violations.isEmpty();
  }

  /** Throws {@link InvalidInputException} if anything was recorded. */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }
}
