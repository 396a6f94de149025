package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.PaymentReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a payment-confirmation webhook body into the core's {@link ConfirmPaymentRequest}: the raw
 * bytes as signed, the signature headers as received, and the body's fields leniently, unvalidated
 * (the core checks the signature first, then the fields).
 *
 * <ul>
 *   <li>a string is taken as it is; a JSON number as its exact decimal text ({@code 1500.50} is
 *       {@code "1500.50"}, {@code 1.5e3} is {@code "1500"}), never through a double;
 *   <li>{@code null} or a missing field is unset; names the report does not have are ignored;
 *   <li>an empty body is an empty object (every field then missing);
 *   <li>a body that is not JSON, not an object, or has a field of another type (true, an object, an
 *       array) goes to the core as {@code body_error}; the 400 the gateway then answers is {@link
 *       Read#badRequestBody()}.
 * </ul>
 */
final class PaymentReports {

  /** The fields of a report, in the body's documented order. */
  static final List<String> FIELDS =
      List.of(
          "customer_name",
          "amount_paid",
          "transaction_code",
          "initiated_at",
          "completed_at",
          "loan_id",
          "invoice_number");

  private static final String NOT_A_STRING = "Not a valid string.";

  /** Exponents beyond this are not written out in full (the core refuses such amounts anyway). */
  private static final int MAX_PLAIN_SCALE = 100;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private PaymentReports() {}

  /** A body read for the core, and the 400 body to answer if the core refuses the body. */
  record Read(ConfirmPaymentRequest request, @Nullable ObjectNode badRequestBody) {}

  /** Reads the raw body with its signature headers (null when absent). */
  static Read read(byte[] rawBody, @Nullable String timestamp, @Nullable String signature) {
    requireNonNull(rawBody, "rawBody");
    final ConfirmPaymentRequest.Builder request =
        ConfirmPaymentRequest.newBuilder()
            .setRawBody(ByteString.copyFrom(rawBody))
            .setTimestamp(timestamp == null ? "" : timestamp)
            .setSignature(signature == null ? "" : signature);
    final JsonNode body;
    try {
      body = isBlank(rawBody) ? MAPPER.createObjectNode() : MAPPER.readTree(rawBody);
    } catch (JsonProcessingException e) {
      final String detail = "JSON parse error - " + e.getOriginalMessage();
      final ObjectNode error = PaygJson.NODES.objectNode().put("detail", detail);
      return new Read(request.setBodyError(detail).build(), error);
    } catch (IOException e) {
      // Reading from a byte array fails only as a parse error; kept for the checked signature.
      final String detail = "JSON parse error - " + e.getMessage();
      return new Read(
          request.setBodyError(detail).build(), PaygJson.NODES.objectNode().put("detail", detail));
    }
    if (!body.isObject()) {
      final String message =
          "Invalid data. Expected a dictionary, but got " + pythonTypeName(body) + ".";
      final ObjectNode error = PaygJson.NODES.objectNode();
      error.putArray("non_field_errors").add(message);
      return new Read(request.setBodyError(message).build(), error);
    }
    final PaymentReport.Builder report = PaymentReport.newBuilder();
    final Map<String, String> typeErrors = new LinkedHashMap<>();
    for (String field : FIELDS) {
      final JsonNode value = body.get(field);
      if (value == null || value.isNull()) {
        continue;
      }
      final String text = text(value);
      if (text == null) {
        typeErrors.put(field, NOT_A_STRING);
      } else {
        setter(field).accept(report, text);
      }
    }
    if (typeErrors.isEmpty()) {
      return new Read(request.setReport(report).build(), null);
    }
    final ObjectNode error = PaygJson.NODES.objectNode();
    final StringBuilder summary = new StringBuilder();
    typeErrors.forEach(
        (field, message) -> {
          error.putArray(field).add(message);
          summary
              .append(summary.length() == 0 ? "" : " ")
              .append(field)
              .append(": ")
              .append(message);
        });
    return new Read(request.setBodyError(summary.toString()).build(), error);
  }

  /** The text of a string or number, or null for a value of another type. */
  private static @Nullable String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      final BigDecimal decimal = value.decimalValue();
      if (Math.abs(decimal.scale()) > MAX_PLAIN_SCALE) {
        return decimal.toString();
      }
      return decimal.toPlainString();
    }
    return null;
  }

  private static BiConsumer<PaymentReport.Builder, String> setter(String field) {
    return switch (field) {
      case "customer_name" -> PaymentReport.Builder::setCustomerName;
      case "amount_paid" -> PaymentReport.Builder::setAmountPaid;
      case "transaction_code" -> PaymentReport.Builder::setTransactionCode;
      case "initiated_at" -> PaymentReport.Builder::setInitiatedAt;
      case "completed_at" -> PaymentReport.Builder::setCompletedAt;
      case "loan_id" -> PaymentReport.Builder::setLoanId;
      case "invoice_number" -> PaymentReport.Builder::setInvoiceNumber;
      default -> throw new IllegalArgumentException("field: " + field);
    };
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** Python's name of the parsed type, as DRF's message has it. */
  private static String pythonTypeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "list";
      case STRING -> "str";
      case NUMBER -> value.isIntegralNumber() ? "int" : "float";
      case BOOLEAN -> "bool";
      case NULL -> "NoneType";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
