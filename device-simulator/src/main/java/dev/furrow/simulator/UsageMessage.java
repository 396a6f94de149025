package dev.furrow.simulator;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

/** One usage report of one tractor, and whether the broker has confirmed any copy of it yet. */
final class UsageMessage {
  private final int tractorIndex;
  private final String tractorId;
  private final String messageId;
  private final BigDecimal hectares;
  private final byte[] payload;
  private final AtomicBoolean confirmed = new AtomicBoolean();

  UsageMessage(
      int tractorIndex, String tractorId, String messageId, BigDecimal hectares, byte[] payload) {
    this.tractorIndex = tractorIndex;
    this.tractorId = tractorId;
    this.messageId = messageId;
    this.hectares = hectares;
    this.payload = payload;
  }

  int tractorIndex() {
    return tractorIndex;
  }

  String tractorId() {
    return tractorId;
  }

  String messageId() {
    return messageId;
  }

  BigDecimal hectares() {
    return hectares;
  }

  /** The device contract's topic, {@code furrow/v1/tractors/{tractor_id}/usage}. */
  String topic() {
    return "furrow/v1/tractors/" + tractorId + "/usage";
  }

  /** The same bytes for every copy: a retry is indistinguishable from the original. */
  byte[] payload() {
    return payload;
  }

  boolean isConfirmed() {
    return confirmed.get();
  }

  /** Marks the message confirmed; true only for the first confirmed copy. */
  boolean confirm() {
    return confirmed.compareAndSet(false, true);
  }

  @Override
  public String toString() {
    return tractorId + "/" + messageId;
  }
}
