package dev.furrow.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the {@link UsageBatcher} groups deliveries and retries the core.
 *
 * @param maxSize most deliveries in one RecordUsage call
 * @param maxDelay longest a delivery waits for others to join its batch
 * @param initialBackoff wait before the first retry of a failed call; doubled up to {@code
 *     maxBackoff}
 * @param maxBackoff longest wait between retries
 */
record BatchPolicy(int maxSize, Duration maxDelay, Duration initialBackoff, Duration maxBackoff) {
  static final BatchPolicy DEFAULT =
      new BatchPolicy(500, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));

  BatchPolicy {
    requireNonNull(maxDelay, "maxDelay");
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize: " + maxSize + " (expected: > 0)");
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay: " + maxDelay + " (expected: >= 0)");
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff: " + initialBackoff + " (expected: > 0)");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff: " + maxBackoff + " (expected: >= initialBackoff " + initialBackoff + ")");
    }
  }
}
