package dev.furrow.core.application;

import static java.util.Objects.requireNonNull;

/** What underwriting decided, and why. */
public record Decision(ApplicationStatus status, String reason) {
  public Decision {
    requireNonNull(status, "status");
    requireNonNull(reason, "reason");
    if (!status.decided()) {
      throw new IllegalArgumentException("status: " + status + " (expected: ACCEPTED or DECLINED)");
    }
  }

  static Decision accept(String reason) {
    return new Decision(ApplicationStatus.ACCEPTED, reason);
  }

  static Decision decline(String reason) {
    return new Decision(ApplicationStatus.DECLINED, reason);
  }
}
