package dev.furrow.core.application;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an application stands. There is no visible "processing" state: underwriting runs inside the
 * complete call, which therefore goes straight from incomplete to accepted or declined.
 */
public enum ApplicationStatus {
  /** Being filled in: the only state in which the application's fields can change. */
  INCOMPLETE,
  /** Underwriting passed; a loan account may be opened for it. */
  ACCEPTED,
  /** Underwriting failed; the reason names the first rule that failed. */
  DECLINED,
  /** The partner withdrew it; it keeps the decision it had, if any. */
  WITHDRAWN;

  /** The API code, e.g. {@code "incomplete"}, as stored in {@code application.status}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Accepted or declined. */
  public boolean decided() {
    return this == ACCEPTED || this == DECLINED;
  }

  /** The status with this code, matched exactly. */
  public static Optional<ApplicationStatus> byCode(String code) {
    for (ApplicationStatus status : values()) {
      if (status.code().equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
