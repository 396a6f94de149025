package dev.furrow.core.payment;

import java.util.Locale;
import java.util.Optional;

/** Whether a payment has been applied to a contract or waits in the unmatched queue. */
public enum PaymentStatus {
  APPLIED,
  UNMATCHED;

  /** The API code: {@code "applied"}, {@code "unmatched"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PaymentStatus> byCode(String code) {
    for (PaymentStatus status : values()) {
      if (status.code().equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
