package dev.furrow.core.telematics;

/** What became of one delivery. */
public record UsageOutcome(Kind kind, String reason) {
  public static final UsageOutcome RECORDED = new UsageOutcome(Kind.RECORDED, "");
  public static final UsageOutcome DUPLICATE = new UsageOutcome(Kind.DUPLICATE, "");

  public static UsageOutcome rejected(String reason) {
    return new UsageOutcome(Kind.REJECTED, reason);
  }

  /** Recorded as usage, already recorded under the same device key, or kept as rejected. */
  public enum Kind {
    RECORDED,
    DUPLICATE,
    REJECTED
  }
}
