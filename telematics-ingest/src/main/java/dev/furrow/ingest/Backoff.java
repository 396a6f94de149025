package dev.furrow.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with a cap and jitter, so that many ingesters do not retry in lockstep. */
final class Backoff {
  private final long maxNanos;
  private long nextNanos;

  Backoff(Duration initial, Duration max) {
    this.nextNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
  }

  /** The wait before the next attempt: between half and all of the current step. */
  Duration next() {
    long step = nextNanos;
    nextNanos = Math.min(maxNanos, step * 2);
    return Duration.ofNanos(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
  }
}
