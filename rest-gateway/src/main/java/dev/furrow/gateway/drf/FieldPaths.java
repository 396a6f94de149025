package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Resolves the dotted field paths the reader and writer are configured with ({@code
 * "default_fees.amount"}) to field descriptors, failing at configuration time on a typo.
 *
 * <p>A path names a field of a message type, so a declaration holds wherever that type is used.
 */
final class FieldPaths {

  private FieldPaths() {}

  /**
   * Adds the field each path names to {@code into}; the last segment must pass {@code leafOk},
   * described by {@code expectation} in the error.
   */
  static void resolve(
      Descriptor root,
      String what,
      String[] paths,
      Predicate<FieldDescriptor> leafOk,
      String expectation,
      Set<FieldDescriptor> into) {
    requireNonNull(paths, what);
    for (String path : paths) {
      requireNonNull(path, what);
      into.add(resolve(root, what, path, leafOk, expectation));
    }
  }

  private static FieldDescriptor resolve(
      Descriptor root,
      String what,
      String path,
      Predicate<FieldDescriptor> leafOk,
      String expectation) {
    final String[] segments = path.split("\\.", -1);
    Descriptor type = root;
    FieldDescriptor field = null;
    for (int i = 0; i < segments.length; i++) {
      field = type.findFieldByName(segments[i]);
      if (field == null) {
        throw new IllegalArgumentException(
            what + ": " + path + " (no field '" + segments[i] + "' in " + type.getFullName() + ")");
      }
      if (i < segments.length - 1) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
          throw new IllegalArgumentException(
              what + ": " + path + " ('" + segments[i] + "' is not a message field)");
        }
        type = field.getMessageType();
      }
    }
    if (!leafOk.test(field)) {
      throw new IllegalArgumentException(what + ": " + path + " (expected: " + expectation + ")");
    }
    return field;
  }

  /** A proto {@code string} field, or a {@code google.protobuf.StringValue}. */
  static boolean isTextField(FieldDescriptor field) {
    if (field.isMapField()) {
      return false;
    }
    if (field.getJavaType() == FieldDescriptor.JavaType.STRING) {
      return true;
    }
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && WellKnown.STRING_VALUE.equals(field.getMessageType().getFullName());
  }
}
