package dev.furrow.core.cob;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.annotation.Nullable;

/** A business date's close-of-business run as stored: when, and what each step did. */
public record ClosedDate(
    LocalDate businessDate, Instant started, @Nullable Instant finished, List<Step> steps) {
  public ClosedDate {
    requireNonNull(businessDate, "businessDate");
    requireNonNull(started, "started");
    steps = List.copyOf(steps);
  }

  /** One step's figures; {@code millis} from its first start to its completion. */
  public record Step(String name, long rows, BigDecimal amount, int chunks, long millis) {}
}
