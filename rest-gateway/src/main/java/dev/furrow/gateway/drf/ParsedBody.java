package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A request body read by {@link DrfJsonReader}: the message, and which top-level fields the client
 * sent, so the core can tell PATCH (change only these) from PUT (replace all).
 *
 * @param message the message holding every accepted field
 * @param presentFields the top-level fields in the body, including those sent as {@code null}, in
 *     the message's declaration order
 * @param nullFields the top-level fields sent as {@code null} (or as DRF's empty stand-ins for
 *     null), which are unset in {@code message}; a subset of {@code presentFields}
 */
public record ParsedBody<M extends Message>(
    M message, Set<String> presentFields, Set<String> nullFields) {

  /** Copies the sets, keeping their order. */
  public ParsedBody {
    requireNonNull(message, "message");
    presentFields = Collections.unmodifiableSet(new LinkedHashSet<>(presentFields));
    nullFields = Collections.unmodifiableSet(new LinkedHashSet<>(nullFields));
    if (!presentFields.containsAll(nullFields)) {
      throw new IllegalArgumentException(
          "nullFields: " + nullFields + " (expected: a subset of " + presentFields + ")");
    }
  }

  /** Whether the client sent the top-level field (possibly as {@code null}). */
  public boolean isPresent(String field) {
    return presentFields.contains(field);
  }

  /** The present fields as a {@link FieldMask}, for requests that carry an update mask. */
  public FieldMask fieldMask() {
    return FieldMask.newBuilder().addAllPaths(presentFields).build();
  }
}
