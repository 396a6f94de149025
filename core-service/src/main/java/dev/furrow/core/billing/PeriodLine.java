package dev.furrow.core.billing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of a billing period: hectares of a source week and what they bill. */
public record PeriodLine(
    LineKind kind,
    LocalDate sourceWeekStart,
    BigDecimal hectares,
    BigDecimal amount,
    String description) {
  public PeriodLine {
    requireNonNull(kind, "kind");
    requireNonNull(sourceWeekStart, "sourceWeekStart");
    requireNonNull(hectares, "hectares");
    requireNonNull(amount, "amount");
    requireNonNull(description, "description");
  }

  /** The same line billing {@code newAmount}. */
  public PeriodLine withAmount(BigDecimal newAmount) {
    return new PeriodLine(kind, sourceWeekStart, hectares, newAmount, description);
  }
}
