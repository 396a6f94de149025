package dev.furrow.gateway.drf;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * DRF's conversions of one JSON value to a field's value ({@code CharField}, {@code DecimalField},
 * {@code IntegerField}, {@code BooleanField}, {@code FloatField}, {@code ChoiceField}), with DRF's
 * messages for what they refuse.
 */
final class DrfValues {

  static final String NOT_A_STRING = "Not a valid string.";
  static final String NOT_A_NUMBER = "A valid number is required.";
  static final String NOT_AN_INTEGER = "A valid integer is required.";
  static final String NOT_A_BOOLEAN = "Must be a valid boolean.";
  static final String NOT_A_CHOICE = "\"%s\" is not a valid choice.";
  static final String TOO_LARGE = "String value too large.";
  static final String AT_MOST = "Ensure this value is less than or equal to %s.";
  static final String AT_LEAST = "Ensure this value is greater than or equal to %s.";

  /** DRF's guard against huge numeric strings, also applied to the digits a number expands to. */
  private static final int MAX_NUMBER_LENGTH = 1000;

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern ZERO_FRACTION = Pattern.compile("\\.0*\\s*$");

  private static final Set<String> TRUE_TEXTS = Set.of("t", "y", "yes", "true", "on", "1");
  private static final Set<String> FALSE_TEXTS = Set.of("f", "n", "no", "false", "off", "0");
  private static final Set<String> NULL_TEXTS = Set.of("null", "");

  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger UINT32_MAX =
      BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** What a field converts to when DRF reads the input as null (and the field allows null). */
  static final Object NULL = new Object();

  private DrfValues() {}

  /** A value of a non-string scalar type; {@code enumType} is needed for {@code ENUM}. */
  static Object scalar(
      FieldDescriptor.Type type,
      @Nullable EnumDescriptor enumType,
      JsonNode value,
      boolean nullable)
      throws InvalidValue {
    switch (type) {
      case BOOL:
        return bool(value, nullable);
      case INT32:
      case SINT32:
      case SFIXED32:
        return integer(value, INT32_MIN, INT32_MAX).intValue();
      case UINT32:
      case FIXED32:
        return integer(value, BigInteger.ZERO, UINT32_MAX).intValue();
      case INT64:
      case SINT64:
      case SFIXED64:
        return integer(value, INT64_MIN, INT64_MAX).longValue();
      case UINT64:
      case FIXED64:
        return integer(value, BigInteger.ZERO, UINT64_MAX).longValue();
      case DOUBLE:
        return floating(value);
      case FLOAT:
        final double wide = floating(value);
        if (Float.isInfinite((float) wide)) {
          throw new InvalidValue(NOT_A_NUMBER);
        }
        return (float) wide;
      case ENUM:
        return enumValue(Objects.requireNonNull(enumType, "enumType"), value);
      case BYTES:
        return bytes(value);
      default:
        throw new IllegalStateException("not a non-string scalar type: " + type);
    }
  }

  static String string(JsonNode value) throws InvalidValue {
    if (value.isTextual()) {
      return value.textValue().strip();
    }
    if (value.isNumber()) {
      // DRF's CharField takes numbers as their text.
      return numberText(value);
    }
    throw new InvalidValue(NOT_A_STRING);
  }

  static Object decimal(JsonNode value, boolean nullable) throws InvalidValue {
    final BigDecimal number;
    if (value.isTextual()) {
      final String text = value.textValue().strip();
      if (text.isEmpty() && nullable) {
        return NULL;
      }
      if (text.length() > MAX_NUMBER_LENGTH) {
        throw new InvalidValue(TOO_LARGE);
      }
      if (!DECIMAL.matcher(text).matches()) {
        throw new InvalidValue(NOT_A_NUMBER);
      }
      number = new BigDecimal(text);
    } else if (value.isNumber()) {
      number = value.decimalValue();
    } else {
      throw new InvalidValue(NOT_A_NUMBER);
    }
    // An exponent can ask for more digits than any amount has: 1e999999999.
    if (number.scale() > MAX_NUMBER_LENGTH
        || number.precision() - number.scale() > MAX_NUMBER_LENGTH) {
      throw new InvalidValue(NOT_A_NUMBER);
    }
    return number.toPlainString();
  }

  private static BigInteger integer(JsonNode value, BigInteger min, BigInteger max)
      throws InvalidValue {
    final BigDecimal number;
    if (value.isIntegralNumber()) {
      number = new BigDecimal(value.bigIntegerValue());
    } else if (value.isNumber()) {
      number = value.decimalValue();
      if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
        throw new InvalidValue(NOT_AN_INTEGER);
      }
    } else if (value.isTextual()) {
      if (value.textValue().length() > MAX_NUMBER_LENGTH) {
        throw new InvalidValue(TOO_LARGE);
      }
      // DRF drops a zero fraction ("5.0") and Python's int() surrounding whitespace.
      final String text = ZERO_FRACTION.matcher(value.textValue()).replaceFirst("").strip();
      if (!INTEGER.matcher(text).matches()) {
        throw new InvalidValue(NOT_AN_INTEGER);
      }
      number = new BigDecimal(text);
    } else {
      throw new InvalidValue(NOT_AN_INTEGER);
    }
    if (number.compareTo(new BigDecimal(max)) > 0) {
      throw new InvalidValue(String.format(AT_MOST, max));
    }
    if (number.compareTo(new BigDecimal(min)) < 0) {
      throw new InvalidValue(String.format(AT_LEAST, min));
    }
    return number.toBigIntegerExact();
  }

  private static Object bool(JsonNode value, boolean nullable) throws InvalidValue {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      final BigDecimal number = value.decimalValue();
      if (number.compareTo(BigDecimal.ONE) == 0) {
        return true;
      }
      if (number.signum() == 0) {
        return false;
      }
    } else if (value.isTextual()) {
      final String text = value.textValue().toLowerCase(Locale.ROOT);
      if (TRUE_TEXTS.contains(text)) {
        return true;
      }
      if (FALSE_TEXTS.contains(text)) {
        return false;
      }
      if (nullable && NULL_TEXTS.contains(text)) {
        return NULL;
      }
    }
    throw new InvalidValue(NOT_A_BOOLEAN);
  }

  private static double floating(JsonNode value) throws InvalidValue {
    final double number;
    if (value.isNumber()) {
      number = value.doubleValue();
    } else if (value.isTextual()) {
      final String text = value.textValue().strip();
      if (text.length() > MAX_NUMBER_LENGTH) {
        throw new InvalidValue(TOO_LARGE);
      }
      if (!DECIMAL.matcher(text).matches()) {
        throw new InvalidValue(NOT_A_NUMBER);
      }
      number = Double.parseDouble(text);
    } else {
      throw new InvalidValue(NOT_A_NUMBER);
    }
    if (!Double.isFinite(number)) {
      throw new InvalidValue(NOT_A_NUMBER);
    }
    return number;
  }

  private static EnumValueDescriptor enumValue(EnumDescriptor type, JsonNode value)
      throws InvalidValue {
    final String text;
    if (value.isTextual()) {
      text = value.textValue();
    } else if (value.isNumber()) {
      text = numberText(value);
    } else if (value.isBoolean()) {
      // As Python's str() spells them in DRF's message.
      text = value.booleanValue() ? "True" : "False";
    } else {
      text = DrfJson.compact(value);
    }
    final EnumValueDescriptor found = type.findValueByName(text);
    if (found == null) {
      throw new InvalidValue(String.format(NOT_A_CHOICE, text));
    }
    return found;
  }

  private static ByteString bytes(JsonNode value) throws InvalidValue {
    if (value.isTextual()) {
      try {
        return ByteString.copyFrom(Base64.getDecoder().decode(value.textValue()));
      } catch (IllegalArgumentException e) {
        // Not base64: falls through to the string message.
      }
    }
    throw new InvalidValue(NOT_A_STRING);
  }

  private static String numberText(JsonNode number) {
    return number.isIntegralNumber()
        ? number.bigIntegerValue().toString()
        : number.decimalValue().toPlainString();
  }

  /** A value a field does not accept; the message is DRF's. */
  static final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValue(String message) {
      super(message, null, false, false);
    }
  }
}
