package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * How and when a loan was closed. A write-off records the loss, the outstanding total at closing; a
 * loan paid in full has none.
 */
public record LoanClosure(
    String reason, CloseSubstatus substatus, Instant at, @Nullable BigDecimal writtenOffAmount) {
  public LoanClosure {
    requireNonNull(reason, "reason");
    requireNonNull(substatus, "substatus");
    requireNonNull(at, "at");
    if ((substatus == CloseSubstatus.WRITTEN_OFF) != (writtenOffAmount != null)) {
      throw new IllegalArgumentException(
          "writtenOffAmount: " + writtenOffAmount + " (expected: set exactly when written off)");
    }
    writtenOffAmount = writtenOffAmount == null ? null : Decimals.money(writtenOffAmount);
  }
}
