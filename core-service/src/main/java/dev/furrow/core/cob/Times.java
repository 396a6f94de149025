package dev.furrow.core.cob;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the microsecond resolution PostgreSQL keeps. */
final class Times {
  private Times() {}

  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
