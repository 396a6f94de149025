package dev.furrow.core.cob;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily scheduler: every day at {@code runAt} (UTC) it closes yesterday, the last day that has
 * ended, catching up any dates missed while the core was down. Idempotent like every close, so
 * several cores (or a retry after a failure, an hour later) close each date once.
 */
public final class DailyCloseOfBusiness implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DailyCloseOfBusiness.class);
  private static final Duration RETRY = Duration.ofHours(1);

  private final CloseOfBusiness closeOfBusiness;
  private final Clock clock;
  private final LocalTime runAt;
  private final ScheduledExecutorService executor;

  private DailyCloseOfBusiness(CloseOfBusiness closeOfBusiness, Clock clock, LocalTime runAt) {
    this.closeOfBusiness = closeOfBusiness;
    this.clock = clock;
    this.runAt = runAt;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "close-of-business");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the schedule; the first run is at the next {@code runAt}. */
  public static DailyCloseOfBusiness start(
      CloseOfBusiness closeOfBusiness, Clock clock, LocalTime runAt) {
    DailyCloseOfBusiness daily = new DailyCloseOfBusiness(closeOfBusiness, clock, runAt);
    daily.scheduleNext(daily.untilNextRun());
    return daily;
  }

  /** Closes yesterday (UTC) now; what the schedule runs each day. */
  public CloseOfBusinessReport runOnce() {
    LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
    return closeOfBusiness.close(yesterday);
  }

  private void scheduleNext(Duration delay) {
    executor.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    Duration next;
    try {
      CloseOfBusinessReport report = runOnce();
      log.info("Scheduled close of business: {}", report.message());
      next = untilNextRun();
    } catch (RuntimeException e) {
      log.error("Scheduled close of business failed; retrying in {}", RETRY, e);
      next = RETRY;
    }
    scheduleNext(next);
  }

  private Duration untilNextRun() {
    ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    ZonedDateTime next = now.with(runAt);
    if (!next.isAfter(now)) {
      next = next.plusDays(1);
    }
    return Duration.between(now, next);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
