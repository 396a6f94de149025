package dev.furrow.gateway.drf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a protobuf message as a DRF serializer renders a model: every field of the descriptor, in
 * declaration order, under its proto field name.
 *
 * <ul>
 *   <li>unset fields with presence (proto3 {@code optional}, messages, wrappers) are {@code null}
 *   <li>strings (so decimals, as DRF's {@code COERCE_DECIMAL_TO_STRING}) are JSON strings
 *   <li>integers, {@code int64} too, are JSON numbers (not strings as in the proto3 JSON mapping)
 *   <li>enums are their value's name; repeated fields are arrays; maps are objects
 *   <li>{@code google.protobuf.Timestamp} is ISO 8601 as DRF writes it: {@code
 *       "2026-11-20T10:15:30.123456Z"}, or {@code "2026-11-20T10:15:30Z"} without a fraction
 *   <li>string fields {@linkplain Builder#embedJson declared JSON text} are embedded as JSON (off
 *       by default; text that is not JSON stays a string)
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DrfJsonWriter {

  private static final JsonNodeFactory NODES = DrfJson.NODES;
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final Descriptor type;
  private final Set<FieldDescriptor> embeddedJson;

  private DrfJsonWriter(Builder builder) {
    type = builder.type;
    embeddedJson = Set.copyOf(builder.embeddedJson);
  }

  /** A writer of messages of the given type, with nothing declared. */
  public static DrfJsonWriter of(Descriptor type) {
    return builder(type).build();
  }

  /** Starts a writer of messages of the given type. */
  public static Builder builder(Descriptor type) {
    return new Builder(requireNonNull(type, "type"));
  }

  /** The message as a JSON object. */
  public ObjectNode write(MessageOrBuilder message) {
    requireNonNull(message, "message");
    if (message.getDescriptorForType() != type) {
      throw new IllegalArgumentException(
          "message: "
              + message.getDescriptorForType().getFullName()
              + " (expected: "
              + type.getFullName()
              + ")");
    }
    return writeMessage(message);
  }

  /** The messages as a JSON array, for a list's {@code results}. */
  public ArrayNode writeAll(Iterable<? extends MessageOrBuilder> messages) {
    requireNonNull(messages, "messages");
    final ArrayNode array = NODES.arrayNode();
    for (MessageOrBuilder message : messages) {
      array.add(write(message));
    }
    return array;
  }

  private ObjectNode writeMessage(MessageOrBuilder message) {
    final ObjectNode json = NODES.objectNode();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      json.set(field.getName(), writeField(message, field));
    }
    return json;
  }

  private JsonNode writeField(MessageOrBuilder message, FieldDescriptor field) {
    if (field.isMapField()) {
      final FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
      final FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
      final ObjectNode map = NODES.objectNode();
      for (Object entry : (List<?>) message.getField(field)) {
        final Message mapEntry = (Message) entry;
        map.set(
            String.valueOf(mapEntry.getField(keyField)),
            writeValue(valueField, mapEntry.getField(valueField)));
      }
      return map;
    }
    if (field.isRepeated()) {
      final ArrayNode array = NODES.arrayNode();
      for (Object item : (List<?>) message.getField(field)) {
        array.add(writeValue(field, item));
      }
      return array;
    }
    if (field.hasPresence() && !message.hasField(field)) {
      return NODES.nullNode();
    }
    return writeValue(field, message.getField(field));
  }

  private JsonNode writeValue(FieldDescriptor field, Object value) {
    switch (field.getJavaType()) {
      case INT:
        return isUnsigned(field)
            ? NODES.numberNode(Integer.toUnsignedLong((Integer) value))
            : NODES.numberNode((Integer) value);
      case LONG:
        final long number = (Long) value;
        return isUnsigned(field) && number < 0
            ? NODES.numberNode(BigInteger.valueOf(number).add(TWO_TO_64))
            : NODES.numberNode(number);
      case FLOAT:
        // JSON has no NaN or infinity; DRF's renderer refuses them, here they are absent values.
        return Float.isFinite((Float) value) ? NODES.numberNode((Float) value) : NODES.nullNode();
      case DOUBLE:
        return Double.isFinite((Double) value)
            ? NODES.numberNode((Double) value)
            : NODES.nullNode();
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case STRING:
        return embeddedJson.contains(field)
            ? embedded((String) value)
            : NODES.textNode((String) value);
      case BYTE_STRING:
        return NODES.textNode(
            Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM:
        return NODES.textNode(((EnumValueDescriptor) value).getName());
      case MESSAGE:
        return writeMessageValue(field, (Message) value);
      default:
        throw new IllegalStateException("unknown field type: " + field.getJavaType());
    }
  }

  private JsonNode writeMessageValue(FieldDescriptor field, Message value) {
    final Descriptor valueType = field.getMessageType();
    if (WellKnown.isTimestamp(valueType)) {
      return NODES.textNode(DrfDateTimes.format(asTimestamp(value)));
    }
    final FieldDescriptor wrapped = WellKnown.wrappedValue(valueType);
    if (wrapped == null) {
      return writeMessage(value);
    }
    final Object inner = value.getField(wrapped);
    // A JSON-text declaration on a StringValue field applies to its value.
    return wrapped.getJavaType() == FieldDescriptor.JavaType.STRING && embeddedJson.contains(field)
        ? embedded((String) inner)
        : writeValue(wrapped, inner);
  }

  private static Timestamp asTimestamp(Message value) {
    if (value instanceof Timestamp) {
      return (Timestamp) value;
    }
    final Descriptor type = value.getDescriptorForType();
    return Timestamp.newBuilder()
        .setSeconds((Long) value.getField(type.findFieldByName("seconds")))
        .setNanos((Integer) value.getField(type.findFieldByName("nanos")))
        .build();
  }

  private static JsonNode embedded(String text) {
    try {
      final JsonNode json = DrfJson.MAPPER.readTree(text);
      if (json != null && !json.isMissingNode()) {
        return json;
      }
    } catch (JsonProcessingException e) {
      // Stored text that is not JSON is shown as it is, not lost.
    }
    return NODES.textNode(text);
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    switch (field.getType()) {
      case UINT32:
      case FIXED32:
      case UINT64:
      case FIXED64:
        return true;
      default:
        return false;
    }
  }

  /**
   * Declares how fields are written; paths are dotted proto field names as for {@link
   * DrfJsonReader.Builder}.
   */
  public static final class Builder {

    private final Descriptor type;
    private final Set<FieldDescriptor> embeddedJson = new HashSet<>();

    private Builder(Descriptor type) {
      this.type = type;
    }

    /**
     * String fields holding JSON text (such as {@code custom_field}) to embed as JSON instead of as
     * a string, the counterpart of {@link DrfJsonReader.Builder#jsonText}.
     */
    public Builder embedJson(String... paths) {
      FieldPaths.resolve(
          type,
          "embedJson",
          paths,
          FieldPaths::isTextField,
          "a string or StringValue field",
          embeddedJson);
      return this;
    }

    /** The writer. */
    public DrfJsonWriter build() {
      return new DrfJsonWriter(this);
    }
  }
}
