package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

/** A checked request to close a loan account: the trimmed reason and the substatus. */
public record Closing(String reason, CloseSubstatus substatus) {
  public Closing {
    requireNonNull(reason, "reason");
    requireNonNull(substatus, "substatus");
  }
}
