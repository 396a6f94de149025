package dev.furrow.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON value as the device wrote it: scalars keep their source text (so numbers stay exact) and
 * objects keep their members in order. Arrays are not needed by the contract and keep no content.
 */
record JsonValue(Kind kind, String text, Map<String, JsonValue> members) {
  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  private static final int MAX_SHOWN_CHARS = 64;

  /** Reads the object whose START_OBJECT token is current; a key sent twice is an error. */
  static JsonValue readObject(JsonParser parser, String path) throws IOException {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      JsonValue value = read(parser, path + name + ".");
      if (members.putIfAbsent(name, value) != null) {
        throw new UsageParseException(path + name + ": sent more than once");
      }
    }
    return new JsonValue(Kind.OBJECT, "", members);
  }

  private static JsonValue read(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> readObject(parser, path);
      case START_ARRAY -> {
        parser.skipChildren();
        yield new JsonValue(Kind.ARRAY, "", Map.of());
      }
      case VALUE_STRING -> scalar(Kind.STRING, parser);
      case VALUE_NUMBER_INT -> scalar(Kind.INTEGER, parser);
      case VALUE_NUMBER_FLOAT -> scalar(Kind.DECIMAL, parser);
      case VALUE_TRUE, VALUE_FALSE -> scalar(Kind.BOOLEAN, parser);
      case VALUE_NULL -> scalar(Kind.NULL, parser);
      default -> throw new IllegalStateException("unexpected JSON token " + token);
    };
  }

  private static JsonValue scalar(Kind kind, JsonParser parser) throws IOException {
    return new JsonValue(kind, parser.getText(), Map.of());
  }

  boolean isNumber() {
    return kind == Kind.INTEGER || kind == Kind.DECIMAL;
  }

  /** How the value appears in error messages: as JSON, strings quoted, long ones shortened. */
  String shown() {
    return switch (kind) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> quoted(text);
      default -> shorten(text);
    };
  }

  /** A string as a JSON string literal, shortened so an error message stays readable. */
  static String quoted(String value) {
    String shortened = shorten(value);
    StringBuilder out = new StringBuilder(shortened.length() + 2).append('"');
    shortened
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  private static String shorten(String value) {
    if (value.codePointCount(0, value.length()) <= MAX_SHOWN_CHARS) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN_CHARS)) + "...";
  }
}
