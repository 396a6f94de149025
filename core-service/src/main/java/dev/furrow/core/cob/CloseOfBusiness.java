package dev.furrow.core.cob;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes business dates: each date once, in order, running every {@link CloseOfBusinessStep} in
 * turn. Asked to close a date, it closes every date after the last closed one up to it (catching up
 * missed dates); a date already closed is answered as such and changes nothing. One run at a time
 * across processes (a database lock); a run that stopped half-way is resumed, skipping the steps it
 * completed.
 */
public final class CloseOfBusiness {
  private static final Logger log = LoggerFactory.getLogger(CloseOfBusiness.class);

  private final CloseOfBusinessRepository repository;
  private final List<CloseOfBusinessStep> steps;
  private final Clock clock;

  public CloseOfBusiness(
      CloseOfBusinessRepository repository, List<CloseOfBusinessStep> steps, Clock clock) {
    this.repository = requireNonNull(repository, "repository");
    this.steps = List.copyOf(steps);
    this.clock = requireNonNull(clock, "clock");
    if (this.steps.stream().map(CloseOfBusinessStep::name).distinct().count()
        != this.steps.size()) {
      throw new IllegalArgumentException("steps: names repeat (expected: unique)");
    }
  }

  /** The steps in the order they run. */
  public List<String> stepNames() {
    return steps.stream().map(CloseOfBusinessStep::name).toList();
  }

  /** Closes {@code date} as the operator sent it; see {@link #close(LocalDate)}. */
  public CloseOfBusinessReport close(String date) {
    return close(BusinessDatePolicy.parse(date, today()));
  }

  /** Closes every open date up to {@code date}, in order; a closed date changes nothing. */
  public CloseOfBusinessReport close(LocalDate date) {
    return repository.exclusively(
        () -> {
          Optional<LocalDate> last = repository.lastClosed();
          if (last.isPresent() && !date.isAfter(last.get())) {
            return new CloseOfBusinessReport(date, true, List.of(), last.get().plusDays(1), last);
          }
          LocalDate from = last.map(d -> d.plusDays(1)).orElse(date);
          List<ClosedDate> closed = new ArrayList<>();
          for (LocalDate d = from; !d.isAfter(date); d = d.plusDays(1)) {
            closed.add(closeOne(d));
          }
          return new CloseOfBusinessReport(
              date, false, closed, date.plusDays(1), Optional.of(date));
        });
  }

  /** The open business date and the last closed one. */
  public BusinessDate businessDate() {
    Optional<LocalDate> last = repository.lastClosed();
    return new BusinessDate(last.map(d -> d.plusDays(1)).orElse(today()), last);
  }

  private ClosedDate closeOne(LocalDate date) {
    repository.startRun(date, wallClock());
    for (int i = 0; i < steps.size(); i++) {
      CloseOfBusinessStep step = steps.get(i);
      if (repository.stepCompleted(date, step.name())) {
        continue;
      }
      repository.startStep(date, i, step.name(), wallClock());
      StepOutcome outcome = step.run(date);
      repository.completeStep(date, step.name(), outcome, wallClock());
    }
    repository.completeRun(date, wallClock());
    ClosedDate run = repository.run(date).orElseThrow();
    log.info("Closed business date {}: {}", date, run.steps());
    return run;
  }

  /**
   * When runs and steps start and finish: always the wall clock, even when the core's clock is
   * another (a benchmark's or a test's fixed day), since these are measurements.
   */
  private static Instant wallClock() {
    return Times.now(Clock.systemUTC());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The open date (the day after the last closed one, today before any) and the last closed. */
  public record BusinessDate(LocalDate open, Optional<LocalDate> lastClosed) {}
}
