package dev.furrow.ingest;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one ingester since it started; safe to read from any thread. */
public final class IngestMetrics {
  private final LongAdder received = new LongAdder();
  private final LongAdder recorded = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder failedCalls = new LongAdder();
  private volatile Duration lastCommitLatency = Duration.ZERO;

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

  /** Deliveries acknowledged to the broker after the core recorded them. */
  public long acknowledged() {
    return acknowledged.sum();
  }

  /** RecordUsage calls that succeeded. */
  public long batches() {
    return batches.sum();
  }

  /** RecordUsage calls that failed and were retried. */
  public long failedCalls() {
    return failedCalls.sum();
  }

  /** How long the last successful RecordUsage call took. */
  public Duration lastCommitLatency() {
    return lastCommitLatency;
  }

  void onReceived() {
    received.increment();
  }

  void onCommitted(Duration latency, long recordedCount, long duplicateCount, long rejectedCount) {
    recorded.add(recordedCount);
    duplicates.add(duplicateCount);
    rejected.add(rejectedCount);
    batches.increment();
    lastCommitLatency = latency;
  }

  void onFailedCall() {
    failedCalls.increment();
  }

  void onAcknowledged(int count) {
    acknowledged.add(count);
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
        + ", acknowledged="
        + acknowledged()
        + ", batches="
        + batches()
        + ", failedCalls="
        + failedCalls()
        + ", lastCommitLatency="
        + lastCommitLatency()
        + "}";
  }
}
