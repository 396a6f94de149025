package dev.furrow.gateway.drf;

import static dev.furrow.gateway.drf.DrfJson.messages;
import static dev.furrow.gateway.drf.DrfJson.nonFieldErrors;
import static dev.furrow.gateway.drf.DrfJson.pythonTypeName;
import static dev.furrow.gateway.drf.DrfValues.NULL;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.linecorp.armeria.common.HttpData;
import dev.furrow.gateway.drf.DrfValues.InvalidValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON request body into a protobuf message the way a DRF serializer reads it, field by
 * field after the message's descriptor, and reports every problem at once in DRF's error shape:
 * {@code {"name": ["Not a valid string."], "default_fees": [{"amount": ["A valid number is
 * required."]}, {}]}}.
 *
 * <p>JSON names are the proto field names. What each field accepts, and DRF's message otherwise:
 *
 * <ul>
 *   <li>{@code string}: a string (whitespace stripped, as DRF's {@code CharField} does), or a
 *       number taken as its text; else {@code "Not a valid string."}
 *   <li>{@code string} declared a {@linkplain Builder#decimals decimal}: a number, kept as its
 *       exact text (never through a double), or a numeric string; else {@code "A valid number is
 *       required."}
 *   <li>{@code string} declared {@linkplain Builder#jsonText JSON text}: any JSON value, stored as
 *       its compact JSON text
 *   <li>integers: an integer, an integral number ({@code 5.0}) or such a string ({@code "5"}); else
 *       {@code "A valid integer is required."}; outside the proto type's range, DRF's {@code
 *       "Ensure this value is less than or equal to ..."}
 *   <li>{@code bool}: {@code true}/{@code false}, {@code 1}/{@code 0}, or DRF's strings ({@code
 *       "true"}, {@code "yes"}, {@code "on"}, {@code "1"}, ... in any case); else {@code "Must be a
 *       valid boolean."}
 *   <li>enums: the value's name; else {@code "\"<input>\" is not a valid choice."}
 *   <li>{@code google.protobuf.Timestamp}: an ISO 8601 string (UTC when it has no offset)
 *   <li>wrappers ({@code google.protobuf.StringValue} ...): their value, nullable
 *   <li>message: an object, read recursively; else {@code {"non_field_errors": ["Invalid data.
 *       Expected a dictionary, but got <type>."]}}
 *   <li>repeated message: a list (else {@code {"non_field_errors": ["Expected a list of items but
 *       got type \"<type>\"."]}}); errors per item, {@code {}} for a good item
 *   <li>other repeated fields: a list (else {@code ["Expected a list of items but got type
 *       \"<type>\"."]}); errors keyed by item index, as DRF's {@code ListField}
 *   <li>map: an object (else {@code ["Expected a dictionary of items but got type \"<type>\"."]});
 *       errors keyed by key
 * </ul>
 *
 * <p>{@code null} clears a field that has presence (proto3 {@code optional}, message, wrapper) and
 * is reported in {@link ParsedBody#nullFields()}; on any other field it is {@code "This field may
 * not be null."}. As in DRF, a blank string is null for an optional decimal, and {@code ""} or
 * {@code "null"} for an optional boolean.
 *
 * <p>A name the message does not have, or one {@linkplain Builder#readOnly declared read-only}, is
 * {@value #NOT_ALLOWED} Fields {@linkplain Builder#ignored declared ignored} are dropped silently,
 * as DRF drops read-only fields. Required fields and value rules are not checked here: the core
 * owns them and answers with field violations.
 *
 * <p>Instances are immutable and thread-safe; build one per resource and reuse it.
 */
public final class DrfJsonReader<M extends Message> {

  /**
   * The error for a field the endpoint does not take: a name the message does not have, or a field
   * declared read-only. DRF drops unknown fields silently; this API refuses them so a misspelt
   * field is reported instead of lost.
   */
  public static final String NOT_ALLOWED = "This field is not allowed.";

  static final String MAY_NOT_BE_NULL = "This field may not be null.";
  static final String NO_DATA = "No data provided";
  static final String NOT_A_DICTIONARY = "Invalid data. Expected a dictionary, but got %s.";
  static final String NOT_A_LIST = "Expected a list of items but got type \"%s\".";
  static final String NOT_A_DICTIONARY_OF_ITEMS =
      "Expected a dictionary of items but got type \"%s\".";

  private final M prototype;
  private final Set<FieldDescriptor> decimals;
  private final Set<FieldDescriptor> jsonTexts;
  private final Set<FieldDescriptor> refused;
  private final Set<FieldDescriptor> ignored;

  private DrfJsonReader(Builder<M> builder) {
    prototype = builder.prototype;
    decimals = Set.copyOf(builder.decimals);
    jsonTexts = Set.copyOf(builder.jsonTexts);
    refused = Set.copyOf(builder.refused);
    ignored = Set.copyOf(builder.ignored);
  }

  /**
   * A reader of messages of the prototype's type with nothing declared: every string field is a
   * plain string and every field is writable.
   */
  public static <M extends Message> DrfJsonReader<M> of(M prototype) {
    return builder(prototype).build();
  }

  /** Starts a reader of messages of the prototype's type (usually its default instance). */
  public static <M extends Message> Builder<M> builder(M prototype) {
    return new Builder<>(requireNonNull(prototype, "prototype"));
  }

  /** Reads an HTTP request body. */
  public ParsedBody<M> read(HttpData body) {
    requireNonNull(body, "body");
    return read(body.array());
  }

  /**
   * Reads a request body: an empty body is an empty object (as in DRF), anything else must be a
   * JSON object.
   *
   * @throws DrfBadRequestException if the body is not JSON, not an object, or has field errors
   */
  public ParsedBody<M> read(byte[] body) {
    requireNonNull(body, "body");
    final JsonNode json = parse(body);
    if (json.isNull()) {
      throw DrfBadRequestException.invalid(nonFieldErrors(NO_DATA));
    }
    if (!json.isObject()) {
      throw DrfBadRequestException.invalid(
          nonFieldErrors(String.format(NOT_A_DICTIONARY, pythonTypeName(json))));
    }
    final Message.Builder builder = prototype.newBuilderForType();
    final Presence presence = new Presence();
    final ObjectNode errors = readObject((ObjectNode) json, builder, presence);
    if (!errors.isEmpty()) {
      throw DrfBadRequestException.invalid(errors);
    }
    @SuppressWarnings("unchecked") // newBuilderForType() of an M builds an M
    final M message = (M) builder.build();
    return new ParsedBody<>(
        message,
        new LinkedHashSet<>(presence.present.values()),
        new LinkedHashSet<>(presence.nulls.values()));
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return DrfJson.NODES.objectNode();
    }
    final JsonNode json;
    try {
      json = DrfJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      final String reason = e.getOriginalMessage();
      throw DrfBadRequestException.parseError(reason == null ? "malformed JSON" : reason, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read an in-memory body", e);
    }
    if (json == null || json.isMissingNode()) {
      // Only whitespace: Python's json.loads refuses it as well.
      throw DrfBadRequestException.parseError("No content to map due to end-of-input", null);
    }
    return json;
  }

  /** Reads the object's fields into the builder; returns the errors, empty if none. */
  private ObjectNode readObject(
      ObjectNode json, Message.Builder builder, @Nullable Presence presence) {
    final Descriptor type = builder.getDescriptorForType();
    // DRF lists errors in the serializer's field order; unknown names come after.
    final Map<Integer, JsonNode> fieldErrors = new TreeMap<>();
    final Map<String, JsonNode> unknownErrors = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      final FieldDescriptor field = type.findFieldByName(entry.getKey());
      if (field == null) {
        unknownErrors.put(entry.getKey(), messages(NOT_ALLOWED));
      } else if (refused.contains(field)) {
        fieldErrors.put(field.getIndex(), messages(NOT_ALLOWED));
      } else if (!ignored.contains(field)) {
        final JsonNode error = readField(field, entry.getValue(), builder, presence);
        if (error != null) {
          fieldErrors.put(field.getIndex(), error);
        }
      }
    }
    final ObjectNode errors = DrfJson.NODES.objectNode();
    fieldErrors.forEach((index, error) -> errors.set(type.getFields().get(index).getName(), error));
    unknownErrors.forEach(errors::set);
    return errors;
  }

  /** Reads one field into the builder; returns its errors, or null if none. */
  private @Nullable JsonNode readField(
      FieldDescriptor field, JsonNode value, Message.Builder builder, @Nullable Presence presence) {
    if (presence != null) {
      presence.present.put(field.getIndex(), field.getName());
    }
    if (value.isNull()) {
      return readNull(field, builder, presence);
    }
    if (field.isMapField()) {
      return readMap(field, value, builder);
    }
    if (field.isRepeated()) {
      return WellKnown.isValueField(field)
          ? readValueList(field, value, builder)
          : readObjectList(field, value, builder);
    }
    if (!WellKnown.isValueField(field)) {
      return readNested(field, value, builder);
    }
    try {
      final Object converted = convert(field, value, builder, field.hasPresence());
      if (converted == NULL) {
        return readNull(field, builder, presence);
      }
      builder.setField(field, converted);
      return null;
    } catch (InvalidValue e) {
      return messages(e.getMessage());
    }
  }

  private static @Nullable JsonNode readNull(
      FieldDescriptor field, Message.Builder builder, @Nullable Presence presence) {
    if (!field.hasPresence()) {
      return messages(MAY_NOT_BE_NULL);
    }
    builder.clearField(field);
    if (presence != null) {
      presence.nulls.put(field.getIndex(), field.getName());
    }
    return null;
  }

  private @Nullable JsonNode readNested(
      FieldDescriptor field, JsonNode value, Message.Builder builder) {
    if (!value.isObject()) {
      return nonFieldErrors(String.format(NOT_A_DICTIONARY, pythonTypeName(value)));
    }
    final Message.Builder nested = builder.newBuilderForField(field);
    final ObjectNode errors = readObject((ObjectNode) value, nested, null);
    if (!errors.isEmpty()) {
      return errors;
    }
    builder.setField(field, nested.build());
    return null;
  }

  /** A list of objects, like a nested DRF serializer with {@code many=True}. */
  private @Nullable JsonNode readObjectList(
      FieldDescriptor field, JsonNode value, Message.Builder builder) {
    if (!value.isArray()) {
      return nonFieldErrors(String.format(NOT_A_LIST, pythonTypeName(value)));
    }
    builder.clearField(field);
    final ArrayNode itemErrors = DrfJson.NODES.arrayNode();
    boolean failed = false;
    for (JsonNode item : value) {
      JsonNode error = null;
      if (item.isNull()) {
        error = messages(MAY_NOT_BE_NULL);
      } else if (!item.isObject()) {
        error = nonFieldErrors(String.format(NOT_A_DICTIONARY, pythonTypeName(item)));
      } else {
        final Message.Builder nested = builder.newBuilderForField(field);
        final ObjectNode errors = readObject((ObjectNode) item, nested, null);
        if (errors.isEmpty()) {
          builder.addRepeatedField(field, nested.build());
        } else {
          error = errors;
        }
      }
      failed |= error != null;
      itemErrors.add(error == null ? DrfJson.NODES.objectNode() : error);
    }
    return failed ? itemErrors : null;
  }

  /** A list of values, like DRF's {@code ListField}. */
  private @Nullable JsonNode readValueList(
      FieldDescriptor field, JsonNode value, Message.Builder builder) {
    if (!value.isArray()) {
      return messages(String.format(NOT_A_LIST, pythonTypeName(value)));
    }
    builder.clearField(field);
    final ObjectNode errors = DrfJson.NODES.objectNode();
    int index = 0;
    for (JsonNode item : value) {
      if (item.isNull()) {
        errors.set(String.valueOf(index), messages(MAY_NOT_BE_NULL));
      } else {
        try {
          builder.addRepeatedField(field, convert(field, item, builder, false));
        } catch (InvalidValue e) {
          errors.set(String.valueOf(index), messages(e.getMessage()));
        }
      }
      index++;
    }
    return errors.isEmpty() ? null : errors;
  }

  /** A map field, like DRF's {@code DictField}. */
  private @Nullable JsonNode readMap(
      FieldDescriptor field, JsonNode value, Message.Builder builder) {
    if (!value.isObject()) {
      return messages(String.format(NOT_A_DICTIONARY_OF_ITEMS, pythonTypeName(value)));
    }
    builder.clearField(field);
    final FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
    final FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
    final ObjectNode errors = DrfJson.NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      final Message.Builder mapEntry = builder.newBuilderForField(field);
      final JsonNode item = entry.getValue();
      JsonNode error = null;
      try {
        mapEntry.setField(
            keyField,
            keyField.getType() == FieldDescriptor.Type.STRING
                ? entry.getKey()
                : convert(keyField, TextNode.valueOf(entry.getKey()), mapEntry, false));
        if (item.isNull()) {
          error = messages(MAY_NOT_BE_NULL);
        } else if (WellKnown.isValueField(valueField)) {
          mapEntry.setField(valueField, convert(valueField, item, mapEntry, false));
        } else {
          error = readNested(valueField, item, mapEntry);
        }
      } catch (InvalidValue e) {
        error = messages(e.getMessage());
      }
      if (error == null) {
        builder.addRepeatedField(field, mapEntry.build());
      } else {
        errors.set(entry.getKey(), error);
      }
    }
    return errors.isEmpty() ? null : errors;
  }

  /**
   * The value to set on a field that holds one JSON value, or {@link DrfValues#NULL} if DRF reads
   * the input as null and {@code nullable} allows it.
   */
  private Object convert(
      FieldDescriptor field, JsonNode value, Message.Builder parent, boolean nullable)
      throws InvalidValue {
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return convertScalar(field.getType(), field, value, nullable);
    }
    final Descriptor type = field.getMessageType();
    if (WellKnown.isTimestamp(type)) {
      final Timestamp timestamp = value.isTextual() ? DrfDateTimes.parse(value.textValue()) : null;
      if (timestamp == null) {
        throw new InvalidValue(DrfDateTimes.INVALID);
      }
      // Built through the field's own descriptor so dynamic messages accept it too.
      return parent
          .newBuilderForField(field)
          .setField(type.findFieldByName("seconds"), timestamp.getSeconds())
          .setField(type.findFieldByName("nanos"), timestamp.getNanos())
          .build();
    }
    final FieldDescriptor wrapped = requireNonNull(WellKnown.wrappedValue(type), "wrapped");
    final Object converted = convertScalar(wrapped.getType(), field, value, nullable);
    if (converted == NULL) {
      return NULL;
    }
    return parent.newBuilderForField(field).setField(wrapped, converted).build();
  }

  /**
   * Converts to a scalar of the given type; {@code declared} is the field the client named (for the
   * decimal and JSON text declarations and the enum type).
   */
  private Object convertScalar(
      FieldDescriptor.Type type, FieldDescriptor declared, JsonNode value, boolean nullable)
      throws InvalidValue {
    if (type != FieldDescriptor.Type.STRING) {
      return DrfValues.scalar(
          type, type == FieldDescriptor.Type.ENUM ? declared.getEnumType() : null, value, nullable);
    }
    if (decimals.contains(declared)) {
      return DrfValues.decimal(value, nullable);
    }
    if (jsonTexts.contains(declared)) {
      return DrfJson.compact(value);
    }
    return DrfValues.string(value);
  }

  /** Which top-level fields a body named, by declaration index. */
  private static final class Presence {
    final Map<Integer, String> present = new TreeMap<>();
    final Map<Integer, String> nulls = new TreeMap<>();
  }

  /**
   * Declares how the fields of the message are read. Paths are dotted proto field names from the
   * root message ({@code "default_fees.amount"}); a path names a field of a message type, so the
   * declaration holds wherever that type appears. A path that names no field fails here, not at
   * request time.
   */
  public static final class Builder<M extends Message> {

    private final M prototype;
    private final Descriptor type;
    private final Set<FieldDescriptor> decimals = new HashSet<>();
    private final Set<FieldDescriptor> jsonTexts = new HashSet<>();
    private final Set<FieldDescriptor> refused = new HashSet<>();
    private final Set<FieldDescriptor> ignored = new HashSet<>();

    private Builder(M prototype) {
      this.prototype = prototype;
      this.type = prototype.getDescriptorForType();
    }

    /**
     * String fields holding a decimal (money, rates): they accept JSON numbers and numeric strings
     * and hold the number's exact plain text ({@code 1.10}, {@code 1e3} as {@code "1000"}).
     */
    public Builder<M> decimals(String... paths) {
      FieldPaths.resolve(
          type,
          "decimals",
          paths,
          FieldPaths::isTextField,
          "a string or StringValue field",
          decimals);
      return this;
    }

    /**
     * String fields holding JSON text (such as {@code custom_field}): they accept any JSON value
     * and hold it as compact JSON text. Declare the same paths on {@link
     * DrfJsonWriter.Builder#embedJson}.
     */
    public Builder<M> jsonText(String... paths) {
      FieldPaths.resolve(
          type,
          "jsonText",
          paths,
          FieldPaths::isTextField,
          "a string or StringValue field",
          jsonTexts);
      return this;
    }

    /**
     * Fields the client may not send ({@code id}, {@code created}): {@value
     * DrfJsonReader#NOT_ALLOWED}
     */
    public Builder<M> readOnly(String... paths) {
      FieldPaths.resolve(type, "readOnly", paths, field -> true, "a field", refused);
      return this;
    }

    /**
     * Fields the client may send but that are dropped unread, as DRF drops read-only fields; for
     * clients that send back what they fetched. They are not reported as present.
     */
    public Builder<M> ignored(String... paths) {
      FieldPaths.resolve(type, "ignored", paths, field -> true, "a field", ignored);
      return this;
    }

    /** The reader. */
    public DrfJsonReader<M> build() {
      requireDisjoint("decimals", decimals, "jsonText", jsonTexts);
      requireDisjoint("readOnly", refused, "ignored", ignored);
      return new DrfJsonReader<>(this);
    }

    private static void requireDisjoint(
        String name, Set<FieldDescriptor> a, String otherName, Set<FieldDescriptor> b) {
      for (FieldDescriptor field : a) {
        if (b.contains(field)) {
          throw new IllegalArgumentException(
              field.getFullName() + " (expected: in " + name + " or " + otherName + ", not both)");
        }
      }
    }
  }
}
