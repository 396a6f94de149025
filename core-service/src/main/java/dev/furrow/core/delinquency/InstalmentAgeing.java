package dev.furrow.core.delinquency;

import dev.furrow.core.cob.CloseOfBusinessStep;
import dev.furrow.core.cob.StepOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The ageing step: instalments due by the closed date and unpaid become overdue, and each loan's
 * due balances and days past due follow ({@link DelinquencyRepository#age}).
 */
public final class InstalmentAgeing implements CloseOfBusinessStep {
  private final DelinquencyRepository repository;
  private final Clock clock;

  public InstalmentAgeing(DelinquencyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "age_instalments";
  }

  @Override
  public StepOutcome run(LocalDate businessDate) {
    return repository.age(businessDate, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
