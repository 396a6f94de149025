package dev.furrow.gateway.drf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The well-known protobuf types that stand for one JSON value instead of a JSON object: {@code
 * Timestamp} (an ISO 8601 string) and the wrappers ({@code StringValue} and friends, a nullable
 * scalar).
 */
final class WellKnown {

  static final String TIMESTAMP = "google.protobuf.Timestamp";
  static final String STRING_VALUE = "google.protobuf.StringValue";

  private static final Set<String> WRAPPERS =
      Set.of(
          "google.protobuf.DoubleValue",
          "google.protobuf.FloatValue",
          "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value",
          "google.protobuf.Int32Value",
          "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue",
          STRING_VALUE,
          "google.protobuf.BytesValue");

  private WellKnown() {}

  static boolean isTimestamp(Descriptor type) {
    return TIMESTAMP.equals(type.getFullName());
  }

  /** The {@code value} field of a wrapper type, or null if the type is no wrapper. */
  static @Nullable FieldDescriptor wrappedValue(Descriptor type) {
    return WRAPPERS.contains(type.getFullName()) ? type.findFieldByName("value") : null;
  }

  /** Whether the field holds one JSON value (a scalar, an enum, a timestamp or a wrapper). */
  static boolean isValueField(FieldDescriptor field) {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return true;
    }
    final Descriptor type = field.getMessageType();
    return isTimestamp(type) || wrappedValue(type) != null;
  }
}
