package dev.furrow.gateway.drf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.gateway.error.RestErrors;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The JSON plumbing the DRF classes share: exact numbers, and Python's names for JSON types. */
final class DrfJson {

  /**
   * Parses JSON numbers with a fraction or exponent as {@link java.math.BigDecimal} with their
   * scale kept ({@code 1.10} stays {@code 1.10}), refuses trailing data like Python's {@code
   * json.loads}, and writes decimals without exponents.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

  private DrfJson() {}

  /** The name DRF puts in its messages: Python's {@code type(value).__name__} after parsing. */
  static String pythonTypeName(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT:
        return "dict";
      case ARRAY:
        return "list";
      case STRING:
        return "str";
      case NUMBER:
        return value.isIntegralNumber() ? "int" : "float";
      case BOOLEAN:
        return "bool";
      case NULL:
        return "NoneType";
      default:
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code ["<message>"]}: the errors of one field. */
  static ArrayNode messages(String message) {
    return NODES.arrayNode().add(message);
  }

  /** {@code {"non_field_errors": ["<message>"]}}: the errors of a nested object as a whole. */
  static ObjectNode nonFieldErrors(String message) {
    final ObjectNode errors = NODES.objectNode();
    errors.set(RestErrors.NON_FIELD_ERRORS, messages(message));
    return errors;
  }

  /** Compact JSON text. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree built from parsed JSON always serializes.
      throw new UncheckedIOException(e);
    }
  }
}
