package dev.furrow.core.delinquency;

/** The ageing bucket of a loan's days past due. */
public enum AgeingBucket {
  CURRENT("current"),
  DAYS_1_30("1-30"),
  DAYS_31_60("31-60"),
  DAYS_61_90("61-90"),
  OVER_90("90+");

  private final String code;

  AgeingBucket(String code) {
    this.code = code;
  }

  /** The API code: {@code "current"}, {@code "1-30"}, ... {@code "90+"} (91 days and more). */
  public String code() {
    return code;
  }

  /** The bucket of {@code daysPastDue} (0 is current). */
  public static AgeingBucket of(int daysPastDue) {
    if (daysPastDue < 0) {
      throw new IllegalArgumentException("daysPastDue: " + daysPastDue + " (expected: >= 0)");
    }
    if (daysPastDue == 0) {
      return CURRENT;
    }
    if (daysPastDue <= 30) {
      return DAYS_1_30;
    }
    if (daysPastDue <= 60) {
      return DAYS_31_60;
    }
    return daysPastDue <= 90 ? DAYS_61_90 : OVER_90;
  }
}
