package dev.furrow.gateway.payg;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.ConfirmPaymentResponse;
import dev.furrow.proto.payg.v1.PaymentReport;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The payment-confirmation webhook: raw body and headers to the core, numbers exact, errors. */
class PaymentWebhookEndpointTest {

  @RegisterExtension static final PaygGateway gateway = new PaygGateway();

  private static final String PATH = "/payg/lms/webhooks/payment-confirmation";

  private static HttpResponse<String> deliver(String path, byte[] body) {
    return gateway.send(
        "POST",
        path,
        body,
        "Authorization",
        PaygGateway.BEARER,
        "Content-Type",
        "application/json",
        "X-Furrow-Timestamp",
        "1795000000",
        "X-Furrow-Signature",
        "sha256=00ff");
  }

  private static HttpResponse<String> deliver(String body) {
    return deliver(PATH, body.getBytes(UTF_8));
  }

  private static void answer(boolean replayed) {
    gateway
        .core()
        .answer(
            "ConfirmPayment",
            ConfirmPaymentResponse.newBuilder()
                .setPayment(PaygListEndpointsTest.APPLIED)
                .setReplayed(replayed)
                .build());
  }

  @Test
  void newReportIs201WithThePaymentAndTheRawBodyGoesToTheCoreByteForByte() {
    answer(false);
    final String body =
        "{ \"customer_name\" : \"Kano Agro\",\n \"amount_paid\": 400000.00,"
            + " \"transaction_code\": \"BOA-1\", \"initiated_at\": \"2026-11-24T09:00:00Z\","
            + " \"completed_at\": \"2026-11-24T09:01:00Z\", \"loan_id\": \"LOAN-1\","
            + " \"extra\": {\"ignored\": true} }  ";

    final HttpResponse<String> response = deliver(body);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).isEqualTo(PaygListEndpointsTest.APPLIED_JSON);
    assertThat(gateway.core().last(ConfirmPaymentRequest.class))
        .isEqualTo(
            ConfirmPaymentRequest.newBuilder()
                .setRawBody(ByteString.copyFrom(body, UTF_8))
                .setTimestamp("1795000000")
                .setSignature("sha256=00ff")
                .setReport(
                    PaymentReport.newBuilder()
                        .setCustomerName("Kano Agro")
                        .setAmountPaid("400000.00")
                        .setTransactionCode("BOA-1")
                        .setInitiatedAt("2026-11-24T09:00:00Z")
                        .setCompletedAt("2026-11-24T09:01:00Z")
                        .setLoanId("LOAN-1"))
                .build());
  }

  @Test
  void redeliveryIs200WithTheSamePayment() {
    answer(true);

    final HttpResponse<String> response = deliver(PATH + "/", "{}".getBytes(UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(PaygListEndpointsTest.APPLIED_JSON);
  }

  @Test
  void numbersKeepTheirExactDecimalText() {
    answer(false);

    deliver(
        "{\"amount_paid\": 12345678901234567890.10, \"transaction_code\": 98765432109876543210,"
            + " \"customer_name\": \"A\", \"invoice_number\": 7}");
    final PaymentReport big = gateway.core().last(ConfirmPaymentRequest.class).getReport();
    deliver("{\"amount_paid\": 1.5e3}");
    final PaymentReport exponent = gateway.core().last(ConfirmPaymentRequest.class).getReport();
    deliver("{\"amount_paid\": 0.1}");
    final PaymentReport tenth = gateway.core().last(ConfirmPaymentRequest.class).getReport();

    assertThat(big.getAmountPaid()).isEqualTo("12345678901234567890.10");
    assertThat(big.getTransactionCode()).isEqualTo("98765432109876543210");
    assertThat(big.getInvoiceNumber()).isEqualTo("7");
    assertThat(exponent.getAmountPaid()).isEqualTo("1500");
    assertThat(tenth.getAmountPaid()).isEqualTo("0.1");
  }

  @Test
  void nullAndMissingFieldsAreUnset() {
    answer(false);

    deliver("{\"customer_name\": null, \"amount_paid\": \"12.00\"}");

    final ConfirmPaymentRequest sent = gateway.core().last(ConfirmPaymentRequest.class);
    assertThat(sent.getReport())
        .isEqualTo(PaymentReport.newBuilder().setAmountPaid("12.00").build());
    assertThat(sent.getReport().hasCustomerName()).isFalse();
  }

  @Test
  void absentSignatureHeadersAreSentEmpty() {
    answer(false);

    gateway.send("POST", PATH, "{}".getBytes(UTF_8), "Authorization", PaygGateway.BEARER);

    final ConfirmPaymentRequest sent = gateway.core().last(ConfirmPaymentRequest.class);
    assertThat(sent.getTimestamp()).isEmpty();
    assertThat(sent.getSignature()).isEmpty();
    assertThat(sent.getRawBody().toStringUtf8()).isEqualTo("{}");
  }

  @Test
  void badSignatureIsTheCores401() {
    gateway
        .core()
        .answer(
            "ConfirmPayment",
            Status.UNAUTHENTICATED
                .withDescription("Signature does not match the body.")
                .asRuntimeException());

    final HttpResponse<String> response = deliver("{}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Signature does not match the body.\"}");
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
  }

  @Test
  void reusedTransactionCodeIs409() {
    gateway
        .core()
        .answer(
            "ConfirmPayment",
            Status.ALREADY_EXISTS
                .withDescription("transaction_code BOA-1 was already reported with other fields.")
                .asRuntimeException());

    final HttpResponse<String> response = deliver("{}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body())
        .isEqualTo(
            "{\"detail\":\"transaction_code BOA-1 was already reported with other fields.\"}");
  }

  @Test
  void fieldProblemsAreA400PerField() {
    gateway
        .core()
        .answer(
            "ConfirmPayment",
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("invalid report")
                    .addDetails(
                        Any.pack(
                            BadRequest.newBuilder()
                                .addFieldViolations(
                                    BadRequest.FieldViolation.newBuilder()
                                        .setField("amount_paid")
                                        .setDescription("A valid number is required."))
                                .build()))
                    .build()));

    final HttpResponse<String> response = deliver("{\"amount_paid\": \"lots\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"amount_paid\":[\"A valid number is required.\"]}");
  }

  private static void refuseBody() {
    gateway
        .core()
        .answer(
            "ConfirmPayment",
            Status.INVALID_ARGUMENT.withDescription("unreadable body").asRuntimeException());
  }

  @Test
  void bodyThatIsNotAnObjectGoesToTheCoreAsBodyError() {
    refuseBody();

    final HttpResponse<String> response = deliver("[1, 2]");

    assertThat(gateway.core().last(ConfirmPaymentRequest.class).getBodyError())
        .isEqualTo("Invalid data. Expected a dictionary, but got list.");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
  }

  @Test
  void malformedJsonIsAParseError() {
    refuseBody();

    final HttpResponse<String> response = deliver("{\"amount_paid\": ");

    assertThat(gateway.core().last(ConfirmPaymentRequest.class).getBodyError())
        .startsWith("JSON parse error - ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("{\"detail\":\"JSON parse error - ");
  }

  @Test
  void fieldOfAnotherTypeIsNamed() {
    refuseBody();

    final HttpResponse<String> response =
        deliver("{\"customer_name\": true, \"amount_paid\": {\"value\": 1}}");

    assertThat(gateway.core().last(ConfirmPaymentRequest.class).getBodyError())
        .isEqualTo("customer_name: Not a valid string. amount_paid: Not a valid string.");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            "{\"customer_name\":[\"Not a valid string.\"],\"amount_paid\":[\"Not a valid string.\"]}");
  }

  @Test
  void unreadableBodyWithABadSignatureIsStill401() {
    gateway
        .core()
        .answer(
            "ConfirmPayment",
            Status.UNAUTHENTICATED.withDescription("Signature is missing.").asRuntimeException());

    final HttpResponse<String> response = deliver("not json");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Signature is missing.\"}");
  }

  @Test
  void bodyOver64KibIs413() {
    answer(false);
    final byte[] big = new byte[64 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');

    final HttpResponse<String> response = deliver(PATH, big);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large.\"}");
    assertThat(gateway.core().requests()).isEmpty();
  }

  @Test
  void webhookNeedsAKey() {
    final HttpResponse<String> response = gateway.send("POST", PATH, "{}".getBytes(UTF_8));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(gateway.core().requests()).isEmpty();
  }
}
