package dev.furrow.ingest;

import java.time.Duration;
import java.util.List;

/** Republishes rejected deliveries on their dead-letter topics (QoS 1). */
@FunctionalInterface
interface DeadLetterPublisher {
  /** For an ingester without a dead-letter topic (tests of the batcher alone). */
  DeadLetterPublisher NONE = (letters, timeout) -> 0;

  /**
   * Publishes every letter and waits at most {@code timeout} in all for the broker's
   * acknowledgements. Never throws: a letter that could not be published is logged and counted as
   * not confirmed, as the core keeps it in {@code rejected_usage} anyway.
   *
   * @return how many the broker confirmed
   */
  int publish(List<DeadLetter> letters, Duration timeout);
}
