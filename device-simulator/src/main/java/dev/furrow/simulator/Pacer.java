package dev.furrow.simulator;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces publishes evenly at a rate. A caller that fell behind (a slow broker, a reconnection)
 * catches up by at most one second's worth of publishes, so a stall never turns into a long burst.
 */
final class Pacer {
  private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long intervalNanos;
  private long nextNanos;

  /**
   * @param rate events per second; 0 or less means no pacing
   */
  Pacer(double rate) {
    this.intervalNanos = rate > 0 ? Math.max(1, Math.round(1e9 / rate)) : 0;
    this.nextNanos = System.nanoTime();
  }

  /** Waits until the next event is due. */
  void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - nextNanos > MAX_CATCH_UP_NANOS) {
      nextNanos = now - MAX_CATCH_UP_NANOS;
    }
    long wait = nextNanos - now;
    while (wait > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      wait = nextNanos - System.nanoTime();
    }
    nextNanos += intervalNanos;
  }
}
