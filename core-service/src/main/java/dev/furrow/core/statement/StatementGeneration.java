package dev.furrow.core.statement;

import dev.furrow.core.cob.CloseOfBusinessStep;
import dev.furrow.core.cob.StepOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The statement step of close of business ({@code generate_statements}): closing a date that is a
 * revolving credit product's statement day writes the statement of each of its loans that has been
 * disbursed and runs (or was paid off in the period), with its minimum payment as an instalment.
 * Loans are taken {@code chunkSize} at a time by id, each chunk in one database transaction holding
 * its loans' locks. A loan that already has the date's statement is skipped, so a resumed or
 * repeated step writes each statement once. Its outcome: statements written and the sum of their
 * closing balances.
 */
public final class StatementGeneration implements CloseOfBusinessStep {
  /** Loans per commit. */
  public static final int DEFAULT_CHUNK_SIZE = 500;

  private final StatementRepository repository;
  private final Clock clock;
  private final int chunkSize;

  public StatementGeneration(StatementRepository repository, Clock clock, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize: " + chunkSize + " (expected: > 0)");
    }
    this.repository = repository;
    this.clock = clock;
    this.chunkSize = chunkSize;
  }

  @Override
  public String name() {
    return "generate_statements";
  }

  @Override
  public StepOutcome run(LocalDate businessDate) {
    return repository.generate(
        businessDate, name(), chunkSize, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
