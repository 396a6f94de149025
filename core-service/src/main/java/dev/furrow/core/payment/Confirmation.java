package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

/** The answer to a webhook delivery: the payment, and whether it was recorded before. */
public record Confirmation(Payment payment, boolean replayed) {
  public Confirmation {
    requireNonNull(payment, "payment");
  }
}
