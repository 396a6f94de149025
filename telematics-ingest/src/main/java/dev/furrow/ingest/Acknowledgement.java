package dev.furrow.ingest;

/**
 * Tells the broker that one delivery is done with. Called only after the core has durably recorded
 * the delivery; a delivery that is never acknowledged is redelivered by the broker.
 */
@FunctionalInterface
interface Acknowledgement {
  /** For deliveries that need no acknowledgement (QoS 0). */
  Acknowledgement NONE = () -> {};

  /** Must not throw: failures are logged, and the broker then simply redelivers. */
  void acknowledge();
}
