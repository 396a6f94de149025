package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.loan.LoanStatus;
import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;

/**
 * What applying a transaction (or a reversal) did to its loan: the balance changes, the status
 * before and after, and the outstanding total after.
 */
public record Effect(
    BalanceChange change,
    LoanStatus statusBefore,
    LoanStatus resultStatus,
    BigDecimal resultOutstanding) {
  public Effect {
    requireNonNull(change, "change");
    requireNonNull(statusBefore, "statusBefore");
    requireNonNull(resultStatus, "resultStatus");
    resultOutstanding = Decimals.money(requireNonNull(resultOutstanding, "resultOutstanding"));
  }
}
