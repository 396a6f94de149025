package dev.furrow.core.delinquency;

import dev.furrow.core.cob.CloseOfBusinessStep;
import dev.furrow.core.cob.StepOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The delinquency step: loans move to late, in arrears and in default by {@link DelinquencyRules},
 * and the products' arrears and default fees are charged once per loan.
 */
public final class DelinquencyTransitions implements CloseOfBusinessStep {
  private final DelinquencyRepository repository;
  private final DelinquencyRules rules;
  private final Clock clock;

  public DelinquencyTransitions(
      DelinquencyRepository repository, DelinquencyRules rules, Clock clock) {
    this.repository = repository;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "apply_delinquency";
  }

  @Override
  public StepOutcome run(LocalDate businessDate) {
    return repository.applyDelinquency(
        businessDate, rules, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
