package dev.furrow.ingest;

import static java.util.Objects.requireNonNull;

/**
 * A delivery the core rejected, as it is republished on the dead-letter topic: the payload exactly
 * as the core keeps it in {@code rejected_usage}, with why and where it came from.
 *
 * @param originalTopic the topic the device published on
 * @param payload the raw payload (the first 64 KiB of an oversized one, as kept by the core)
 * @param contentType the delivery's content type, empty when it had none
 * @param reason the core's rejection reason
 * @param rejectedUsageId the {@code rejected_usage} record keeping it, 0 when the core did not say
 */
record DeadLetter(
    String originalTopic, byte[] payload, String contentType, String reason, long rejectedUsageId) {

  /** Prefix of every dead-letter topic. */
  static final String TOPIC_PREFIX = "furrow/v1/dead-letter/";

  private static final String USAGE_PREFIX = "furrow/v1/";

  DeadLetter {
    requireNonNull(originalTopic, "originalTopic");
    requireNonNull(payload, "payload");
    requireNonNull(contentType, "contentType");
    requireNonNull(reason, "reason");
  }

  /**
   * {@code furrow/v1/tractors/{tractor_id}/usage} becomes {@code
   * furrow/v1/dead-letter/tractors/{tractor_id}/usage}: the tractor level is kept as it was, even
   * when it is not a valid tractor id, so a fleet owner can subscribe per tractor or to {@code
   * furrow/v1/dead-letter/#}. The dead-letter topics never match the ingester's own subscription.
   */
  String topic() {
    return originalTopic.startsWith(USAGE_PREFIX)
        ? TOPIC_PREFIX + originalTopic.substring(USAGE_PREFIX.length())
        : TOPIC_PREFIX + "other";
  }
}
