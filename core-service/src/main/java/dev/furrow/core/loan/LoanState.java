package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import javax.annotation.Nullable;

/**
 * The part of a loan account that changes over its life: status, balances, whether interest
 * accrues, and how it was closed. Only {@link LoanStateMachine} makes new states.
 */
public record LoanState(
    LoanStatus status,
    LoanBalances balances,
    boolean interestCalculationEnabled,
    @Nullable LoanClosure closure) {

  /** A newly opened account: approved, nothing owed, interest calculation on. */
  public static final LoanState OPENED =
      new LoanState(LoanStatus.APPROVED, LoanBalances.NONE, true, null);

  public LoanState {
    requireNonNull(status, "status");
    requireNonNull(balances, "balances");
    if ((status == LoanStatus.CLOSED) != (closure != null)) {
      throw new IllegalArgumentException(
          "closure: " + closure + " (expected: set exactly when the status is closed)");
    }
    if (status == LoanStatus.CLOSED && interestCalculationEnabled) {
      throw new IllegalArgumentException(
          "interestCalculationEnabled: true (expected: false on a closed loan)");
    }
  }

  LoanState withStatus(LoanStatus next) {
    return new LoanState(next, balances, interestCalculationEnabled, closure);
  }

  LoanState withInterestCalculation(boolean enabled) {
    return new LoanState(status, balances, enabled, closure);
  }
}
