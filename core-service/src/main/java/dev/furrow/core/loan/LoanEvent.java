package dev.furrow.core.loan;

import static dev.furrow.core.loan.LoanStatus.ACTIVE;
import static dev.furrow.core.loan.LoanStatus.APPROVED;
import static dev.furrow.core.loan.LoanStatus.DEFAULT;
import static dev.furrow.core.loan.LoanStatus.IN_ARREARS;
import static dev.furrow.core.loan.LoanStatus.LATE;
import static dev.furrow.core.loan.LoanStatus.PAID_OFF;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A change of a loan's status other than closing, with the statuses it may start from. The partner
 * API triggers {@link #MAKE_ARREARS} and {@link #MAKE_DEFAULT}; the others belong to the
 * transactions and close-of-business work that will drive loans from their postings.
 */
public enum LoanEvent {
  /** The approved amount was paid out. */
  DISBURSE(ACTIVE, "disbursed", APPROVED),
  /** A repayment fell due and was not paid. */
  FALL_LATE(LATE, "marked late", ACTIVE),
  /** Late beyond the arrears tolerance, or the partner says so. */
  MAKE_ARREARS(IN_ARREARS, "put in arrears", ACTIVE, LATE),
  /** The partner declares the loan in default. */
  MAKE_DEFAULT(DEFAULT, "put in default", ACTIVE, LATE, IN_ARREARS),
  /** Everything overdue was repaid. */
  CATCH_UP(ACTIVE, "made current", LATE, IN_ARREARS),
  /** Repayments brought everything outstanding to zero. */
  PAY_OFF(PAID_OFF, "marked paid off", ACTIVE, LATE, IN_ARREARS, DEFAULT);

  private final LoanStatus target;
  private final String action;
  private final Set<LoanStatus> sources;

  LoanEvent(LoanStatus target, String action, LoanStatus first, LoanStatus... rest) {
    this.target = target;
    this.action = action;
    this.sources = EnumSet.of(first, rest);
  }

  /** The status the loan has afterwards. */
  public LoanStatus target() {
    return target;
  }

  /** Whether a loan of this status may undergo the event. */
  public boolean allowedFrom(LoanStatus status) {
    return sources.contains(status);
  }

  /** The statuses it may start from, in life-cycle order. */
  public List<LoanStatus> sources() {
    return List.copyOf(sources);
  }

  /** How messages name it: "cannot be put in arrears". */
  String action() {
    return action;
  }
}
