package dev.furrow.core.billing;

/** Where a billing period (and, once issued, its invoice) is in its lifecycle. */
public enum PeriodStatus {
  DRAFT("draft"),
  ISSUED("issued"),
  PARTIALLY_PAID("partially_paid"),
  PAYMENT_COMPLETE("payment_complete"),
  OVERDUE("overdue");

  private final String code;

  PeriodStatus(String code) {
    this.code = code;
  }

  /** The stored and wire value. */
  public String code() {
    return code;
  }

  /** The status stored as {@code code}. */
  public static PeriodStatus of(String code) {
    for (PeriodStatus status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("status: " + code);
  }
}
