package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import javax.annotation.Nullable;

/**
 * A webhook delivery as received: the raw body as signed, the timestamp and signature headers
 * (empty when absent), and either the body's fields or why the body is not a JSON object.
 */
public record Delivery(
    byte[] rawBody,
    String timestamp,
    String signature,
    @Nullable PaymentInput report,
    @Nullable String bodyError) {
  public Delivery {
    requireNonNull(rawBody, "rawBody");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(signature, "signature");
    if ((report == null) == (bodyError == null)) {
      throw new IllegalArgumentException("exactly one of report and bodyError must be set");
    }
  }
}
