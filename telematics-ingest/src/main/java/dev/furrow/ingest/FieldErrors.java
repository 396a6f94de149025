package dev.furrow.ingest;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one payload, so a device developer sees them all at once. */
final class FieldErrors {
  private final List<String> errors = new ArrayList<>();

  void add(String field, String reason) {
    errors.add(field + ": " + reason);
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new UsageParseException(String.join("; ", errors));
    }
  }
}
