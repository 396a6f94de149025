package dev.furrow.simulator;

/**
 * Told when each new message is first handed to the broker, so a benchmark can measure the time
 * from publish to whatever happens downstream. Called on the publishing thread: keep it cheap.
 */
@FunctionalInterface
public interface PublishListener {
  /** Listens to nothing. */
  PublishListener NONE = (tractorId, messageId, epochMicros) -> {};

  /**
   * @param epochMicros wall-clock time of the publish, in microseconds since the epoch
   */
  void firstPublished(String tractorId, String messageId, long epochMicros);
}
