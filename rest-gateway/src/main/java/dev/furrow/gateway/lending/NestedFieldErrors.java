package dev.furrow.gateway.lending;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the flat field paths of the core's violations into DRF's nested error shape: {@code
 * {"default_fees[1].amount": ["..."]}} becomes {@code {"default_fees": [{}, {"amount": ["..."]}]}},
 * one object per item of the list as sent, {@code {}} for an item without errors.
 *
 * <p>Only paths of the form {@code list[index].field} are nested (the only nested paths the core
 * reports). A name that has both a list-level message and item messages, or any other shape, is
 * left as it is, so no message is ever lost.
 */
final class NestedFieldErrors {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();
  private static final Pattern ITEM_FIELD =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d{1,6})\\]\\.([A-Za-z_][A-Za-z0-9_]*)");

  private NestedFieldErrors() {}

  /**
   * The body with item paths nested, or {@code null} when there is nothing to nest (the body is not
   * a JSON object of field errors, or has no item paths).
   *
   * @param sent the input the client sent, whose list sizes say how many items to answer for; may
   *     be null when there was no body
   */
  static @Nullable ObjectNode nest(byte[] body, @Nullable Message sent) {
    final JsonNode errors;
    try {
      errors = MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
    if (errors == null || !errors.isObject()) {
      return null;
    }
    // name -> item index -> item field -> messages, for names that only have item paths
    final Map<String, Map<Integer, ObjectNode>> items = new LinkedHashMap<>();
    final List<String> plainNames = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : errors.properties()) {
      final Matcher path = ITEM_FIELD.matcher(entry.getKey());
      if (path.matches()) {
        items
            .computeIfAbsent(path.group(1), unused -> new LinkedHashMap<>())
            .computeIfAbsent(Integer.parseInt(path.group(2)), unused -> NODES.objectNode())
            .set(path.group(3), entry.getValue());
      } else {
        plainNames.add(entry.getKey());
      }
    }
    items.keySet().removeAll(plainNames);
    if (items.isEmpty()) {
      return null;
    }
    final ObjectNode nested = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : errors.properties()) {
      final Matcher path = ITEM_FIELD.matcher(entry.getKey());
      final String name = path.matches() ? path.group(1) : entry.getKey();
      if (!items.containsKey(name)) {
        nested.set(entry.getKey(), entry.getValue());
      } else if (!nested.has(name)) {
        nested.set(name, itemList(items.get(name), listField(sent, name), sent));
      }
    }
    return nested;
  }

  private static ArrayNode itemList(
      Map<Integer, ObjectNode> itemErrors,
      @Nullable FieldDescriptor listField,
      @Nullable Message sent) {
    final int sentCount =
        listField == null || sent == null ? 0 : sent.getRepeatedFieldCount(listField);
    final int size =
        Math.max(sentCount, itemErrors.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
    final ArrayNode list = NODES.arrayNode(size);
    for (int i = 0; i < size; i++) {
      final ObjectNode errors = itemErrors.get(i);
      list.add(errors == null ? NODES.objectNode() : inFieldOrder(errors, listField));
    }
    return list;
  }

  /** The item's errors in the order of the item's fields, as DRF lists them; others after. */
  private static ObjectNode inFieldOrder(ObjectNode errors, @Nullable FieldDescriptor listField) {
    if (listField == null || listField.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
      return errors;
    }
    final ObjectNode ordered = NODES.objectNode();
    for (FieldDescriptor field : listField.getMessageType().getFields()) {
      if (errors.has(field.getName())) {
        ordered.set(field.getName(), errors.get(field.getName()));
      }
    }
    errors.properties().forEach(entry -> ordered.putIfAbsent(entry.getKey(), entry.getValue()));
    return ordered;
  }

  /** The repeated field of the sent message with that name, if there is one. */
  private static @Nullable FieldDescriptor listField(@Nullable Message sent, String name) {
    if (sent == null) {
      return null;
    }
    final FieldDescriptor field = sent.getDescriptorForType().findFieldByName(name);
    return field != null && field.isRepeated() && !field.isMapField() ? field : null;
  }
}
