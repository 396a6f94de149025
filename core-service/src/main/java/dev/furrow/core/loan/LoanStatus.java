package dev.furrow.core.loan;

import java.util.Locale;
import java.util.Optional;

/** Where a loan account is in its life; {@link LoanStateMachine} decides every change. */
public enum LoanStatus {
  /** Opened from an accepted application; nothing disbursed yet. */
  APPROVED("approved"),
  /** Disbursed and repaid on schedule. */
  ACTIVE("active"),
  /** A repayment is overdue, for no longer than the arrears tolerance. */
  LATE("late"),
  /** A repayment is overdue beyond the arrears tolerance, or the partner said so. */
  IN_ARREARS("in arrears"),
  /** The partner declared the loan in default. */
  DEFAULT("in default"),
  /** Nothing is outstanding any more; waiting to be closed. */
  PAID_OFF("paid off"),
  /** Closed as paid in full or written off; nothing changes afterwards. */
  CLOSED("closed");

  private final String described;

  LoanStatus(String described) {
    this.described = described;
  }

  /** The API code, e.g. {@code "in_arrears"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How messages state it: "Loan is in arrears". */
  public String described() {
    return described;
  }

  /** The status with this API code, matched exactly. */
  public static Optional<LoanStatus> byCode(String code) {
    for (LoanStatus status : values()) {
      if (status.code().equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
