package dev.furrow.core.cob;

import java.time.LocalDate;

/**
 * One step of close of business, run once per business date in the runner's order. A step must be
 * idempotent for its date: run again after a crash (part of it committed, or all of it but not its
 * completion), it changes only what it had not changed yet. Other daily work (the pay-as-you-go
 * billing cycle) joins close of business by implementing this interface.
 */
public interface CloseOfBusinessStep {
  /** The stable name stored with each run ({@code "accrue_interest"}). */
  String name();

  /** Does the step's work for {@code businessDate} and says what it did. */
  StepOutcome run(LocalDate businessDate);
}
