package dev.furrow.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one ingester since it started; safe to read from any thread. */
public final class IngestMetrics {
  /** Rejection reasons are counted under at most this many buckets; the rest under "other". */
  static final int MAX_REASON_BUCKETS = 32;

  static final String OTHER_REASON = "other";

  private static final long NOTHING_PENDING = Long.MIN_VALUE;
  private static final int MAX_BUCKET_LENGTH = 40;

  private final LongAdder received = new LongAdder();
  private final LongAdder recorded = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder batchedSubmissions = new LongAdder();
  private final LongAccumulator maxBatchSize = new LongAccumulator(Math::max, 0);
  private final LongAdder failedCalls = new LongAdder();
  private final LongAdder deadLettered = new LongAdder();
  private final LongAdder deadLetterFailures = new LongAdder();
  private final Map<String, LongAdder> rejectedByReason = new ConcurrentHashMap<>();
  private volatile int lastBatchSize;
  private volatile Duration lastCommitLatency = Duration.ZERO;
  private volatile long oldestPendingNanos = NOTHING_PENDING;

  /** Deliveries taken from the broker (redeliveries count again). */
  public long received() {
    return received.sum();
  }

  /** Submissions the core stored as new usage. */
  public long recorded() {
    return recorded.sum();
  }

  /** Submissions the core had already stored under the same tractor and message id. */
  public long duplicates() {
    return duplicates.sum();
  }

  /** Submissions the core kept as rejected, including payloads that could not be parsed. */
  public long rejected() {
    return rejected.sum();
  }

  /**
   * Rejected submissions by reason: the text before the first {@code ':'} of the core's reason,
   * which names the field ({@code hectares}, {@code tractor_id}, {@code malformed JSON}...). At
   * most {@value #MAX_REASON_BUCKETS} reasons are told apart, the rest count as {@code other}, so
   * that devices sending odd field names cannot grow this without bound.
   */
  public Map<String, Long> rejectedByReason() {
    Map<String, Long> snapshot = new TreeMap<>();
    rejectedByReason.forEach((reason, count) -> snapshot.put(reason, count.sum()));
    return snapshot;
  }

  /** Rejected deliveries republished on the dead-letter topic and confirmed by the broker. */
  public long deadLettered() {
    return deadLettered.sum();
  }

  /**
   * Rejected deliveries whose dead letter the broker did not confirm in time (they are kept in
   * {@code rejected_usage} all the same).
   */
  public long deadLetterFailures() {
    return deadLetterFailures.sum();
  }

  /** Deliveries acknowledged to the broker after the core recorded them. */
  public long acknowledged() {
    return acknowledged.sum();
  }

  /** RecordUsage calls that succeeded. */
  public long batches() {
    return batches.sum();
  }

  /** Submissions in the last successful RecordUsage call. */
  public int lastBatchSize() {
    return lastBatchSize;
  }

  /** Most submissions any successful RecordUsage call carried. */
  public long maxBatchSize() {
    return maxBatchSize.get();
  }

  /** Submissions per successful RecordUsage call on average; 0 before the first. */
  public double averageBatchSize() {
    long count = batches.sum();
    return count == 0 ? 0 : (double) batchedSubmissions.sum() / count;
  }

  /** RecordUsage calls that failed and were retried. */
  public long failedCalls() {
    return failedCalls.sum();
  }

  /** How long the last successful RecordUsage call took. */
  public Duration lastCommitLatency() {
    return lastCommitLatency;
  }

  /**
   * How far behind the ingester is: how long the oldest delivery received but not yet acknowledged
   * has been waiting since it arrived, zero when there is none. It grows while the core is
   * unavailable or slower than the devices, whatever the devices' clocks say.
   */
  public Duration lag() {
    long oldest = oldestPendingNanos;
    return oldest == NOTHING_PENDING
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(0, System.nanoTime() - oldest));
  }

  void onReceived() {
    received.increment();
  }

  void onCommitted(
      Duration latency,
      int batchSize,
      long recordedCount,
      long duplicateCount,
      long rejectedCount) {
    recorded.add(recordedCount);
    duplicates.add(duplicateCount);
    rejected.add(rejectedCount);
    batches.increment();
    batchedSubmissions.add(batchSize);
    maxBatchSize.accumulate(batchSize);
    lastBatchSize = batchSize;
    lastCommitLatency = latency;
  }

  void onRejected(String reason) {
    String bucket = reasonBucket(reason);
    LongAdder count = rejectedByReason.get(bucket);
    if (count == null) {
      if (rejectedByReason.size() >= MAX_REASON_BUCKETS - 1) {
        bucket = OTHER_REASON;
      }
      count = rejectedByReason.computeIfAbsent(bucket, b -> new LongAdder());
    }
    count.increment();
  }

  /** The oldest unacknowledged delivery arrived at this {@link System#nanoTime()}. */
  void onOldestPending(long receivedNanos) {
    oldestPendingNanos = receivedNanos;
  }

  /** Every delivery received so far is acknowledged. */
  void onNothingPending() {
    oldestPendingNanos = NOTHING_PENDING;
  }

  void onFailedCall() {
    failedCalls.increment();
  }

  void onDeadLetters(int confirmed, int failed) {
    deadLettered.add(confirmed);
    deadLetterFailures.add(failed);
  }

  void onAcknowledged(int count) {
    acknowledged.add(count);
  }

  static String reasonBucket(String reason) {
    int colon = reason.indexOf(':');
    String bucket = (colon < 0 ? reason : reason.substring(0, colon)).trim();
    return bucket.isEmpty() || bucket.length() > MAX_BUCKET_LENGTH ? OTHER_REASON : bucket;
  }

  @Override
  public String toString() {
    return "IngestMetrics{received="
        + received()
        + ", recorded="
        + recorded()
        + ", duplicates="
        + duplicates()
        + ", rejected="
        + rejected()
        + ", rejectedByReason="
        + rejectedByReason()
        + ", deadLettered="
        + deadLettered()
        + ", deadLetterFailures="
        + deadLetterFailures()
        + ", acknowledged="
        + acknowledged()
        + ", batches="
        + batches()
        + ", averageBatchSize="
        + String.format(java.util.Locale.ROOT, "%.1f", averageBatchSize())
        + ", maxBatchSize="
        + maxBatchSize()
        + ", failedCalls="
        + failedCalls()
        + ", lastCommitLatency="
        + lastCommitLatency()
        + ", lag="
        + lag()
        + "}";
  }
}
