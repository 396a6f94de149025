package dev.furrow.core.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the billing cycle for today's date in UTC: once at start, then every hour. The cycle is
 * idempotent, so only the first run of a day does anything; the hourly runs make the day change
 * take effect within an hour and survive restarts without a missed day.
 */
public final class BillingScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BillingScheduler.class);
  private static final Duration PERIOD = Duration.ofHours(1);

  private final BillingCycle cycle;
  private final Clock clock;
  private final ScheduledExecutorService executor;

  private BillingScheduler(BillingCycle cycle, Clock clock) {
    this.cycle = cycle;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "billing-scheduler");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the hourly runs. */
  public static BillingScheduler start(BillingCycle cycle, Clock clock) {
    BillingScheduler scheduler = new BillingScheduler(cycle, clock);
    scheduler.executor.scheduleWithFixedDelay(
        scheduler::runOnce, 0, PERIOD.toSeconds(), TimeUnit.SECONDS);
    return scheduler;
  }

  /** One run for today's UTC date; a failure is logged and retried at the next run. */
  void runOnce() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    try {
      cycle.run(today);
    } catch (RuntimeException e) {
      log.error("Billing cycle for {} failed; retrying within the hour", today, e);
    }
  }

  /** Stops the runs, waiting a few seconds for one in progress. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
