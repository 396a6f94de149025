package dev.furrow.core.cob;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The accrual step: one day of interest ({@link DailyAccrual}) on every running loan with principal
 * outstanding and interest calculation on, skipping its borrower country's holidays when the
 * product does not calculate interest on holidays; committed in chunks of loans, by parallel
 * workers over disjoint ranges of loan ids.
 */
public final class InterestAccrual implements CloseOfBusinessStep {
  /** Loans per commit: large enough for set-based speed, small enough to keep locks short. */
  public static final int DEFAULT_CHUNK_SIZE = 50_000;

  private final CloseOfBusinessRepository repository;
  private final Clock clock;
  private final int chunkSize;
  private final int workers;

  public InterestAccrual(
      CloseOfBusinessRepository repository, Clock clock, int chunkSize, int workers) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize: " + chunkSize + " (expected: > 0)");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers: " + workers + " (expected: > 0)");
    }
    this.repository = repository;
    this.clock = clock;
    this.chunkSize = chunkSize;
    this.workers = workers;
  }

  @Override
  public String name() {
    return "accrue_interest";
  }

  @Override
  public StepOutcome run(LocalDate businessDate) {
    return repository.accrue(businessDate, name(), chunkSize, workers, Times.now(clock));
  }
}
