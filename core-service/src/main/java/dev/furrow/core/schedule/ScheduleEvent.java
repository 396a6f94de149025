package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One applied transaction of a loan, as the schedule sees it, in posting order. */
public sealed interface ScheduleEvent {
  /** The business date (UTC) it was applied on. */
  LocalDate date();

  /** Principal paid out. */
  record Disbursed(LocalDate date, BigDecimal amount) implements ScheduleEvent {
    public Disbursed {
      requireNonNull(date, "date");
      requireNonNull(amount, "amount");
    }
  }

  /** A fee charged to the loan. */
  record Charged(LocalDate date, BigDecimal amount) implements ScheduleEvent {
    public Charged {
      requireNonNull(date, "date");
      requireNonNull(amount, "amount");
    }
  }

  /** A repayment, with the part of it the loan's allocation gave to fees. */
  record Repaid(LocalDate date, BigDecimal amount, BigDecimal feePart) implements ScheduleEvent {
    public Repaid {
      requireNonNull(date, "date");
      requireNonNull(amount, "amount");
      requireNonNull(feePart, "feePart");
    }
  }
}
