package dev.furrow.core.telematics;

/**
 * What became of one delivery; a rejected one names the {@code rejected_usage} record keeping it.
 */
public record UsageOutcome(Kind kind, String reason, long rejectedUsageId) {
  public static final UsageOutcome RECORDED = new UsageOutcome(Kind.RECORDED, "", 0);
  public static final UsageOutcome DUPLICATE = new UsageOutcome(Kind.DUPLICATE, "", 0);

  /** A delivery kept as rejected usage record {@code rejectedUsageId} for {@code reason}. */
  public static UsageOutcome rejected(String reason, long rejectedUsageId) {
    return new UsageOutcome(Kind.REJECTED, reason, rejectedUsageId);
  }

  /** Recorded as usage, already recorded under the same device key, or kept as rejected. */
  public enum Kind {
    RECORDED,
    DUPLICATE,
    REJECTED
  }
}
