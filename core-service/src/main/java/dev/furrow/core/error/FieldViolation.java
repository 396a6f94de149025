package dev.furrow.core.error;

import static java.util.Objects.requireNonNull;

/** One problem with one input field. An empty field names a problem with the request as a whole. */
public record FieldViolation(String field, String message) {
  public FieldViolation {
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }
}
