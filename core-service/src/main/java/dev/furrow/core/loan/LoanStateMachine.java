package dev.furrow.core.loan;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Every change of a loan's state, in one place: the partner's actions (arrears, default, close,
 * interest calculation), the events transactions and close of business post ({@link LoanEvent}),
 * and the balances a transaction or its reversal leaves ({@link #post}, {@link #reverse}). Each
 * method returns the new state or refuses with a {@link ConflictException} whose message names the
 * loan's current state and the rule it breaks. Plain functions of the state.
 */
public final class LoanStateMachine {
  static final String CLOSED_INTEREST =
      "Loan is closed; interest calculation of a closed loan cannot be changed.";
  static final String ALREADY_STOPPED = "Interest calculation is already stopped for this loan.";
  static final String ALREADY_RUNNING = "Interest calculation is already running for this loan.";
  static final String ALREADY_CLOSED = "Loan is already closed.";
  static final String CLOSED_POSTING = "Loan is closed; a closed loan takes no transactions.";

  private LoanStateMachine() {}

  /** The state after {@code event}; refused unless the event may start from the current status. */
  public static LoanState apply(LoanState state, LoanEvent event) {
    requireNonNull(state, "state");
    requireNonNull(event, "event");
    LoanStatus status = state.status();
    if (!event.allowedFrom(status)) {
      throw new ConflictException(refusal(status, event));
    }
    if (event == LoanEvent.PAY_OFF && state.balances().outstanding().signum() != 0) {
      throw new ConflictException(
          "Loan has "
              + state.balances().outstanding()
              + " outstanding; only a loan with nothing outstanding can be marked paid off.");
    }
    return state.withStatus(event.target());
  }

  /**
   * The state with the balances a transaction leaves. Its status changes only through events
   * ({@link #apply}), which the caller applies afterwards. A closed loan takes no postings.
   */
  public static LoanState post(LoanState state, LoanBalances balances) {
    requireNonNull(balances, "balances");
    if (state.status() == LoanStatus.CLOSED) {
      throw new ConflictException(CLOSED_POSTING);
    }
    return new LoanState(state.status(), balances, state.interestCalculationEnabled(), null);
  }

  /**
   * The state after undoing a transaction that moved the loan from {@code before} to {@code after}:
   * the balances that leaves, and the status back to {@code before} if the loan still has the
   * status the transaction gave it. A loan with nothing disbursed any more ({@code disbursed}
   * false) is approved again, whatever happened since. Otherwise the status stays, so a partner's
   * make_default after a repayment survives the repayment's reversal.
   */
  public static LoanState reverse(
      LoanState state,
      LoanBalances balances,
      LoanStatus before,
      LoanStatus after,
      boolean disbursed) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    LoanState posted = post(state, balances);
    if (!disbursed) {
      return posted.withStatus(LoanStatus.APPROVED);
    }
    return before != after && state.status() == after ? posted.withStatus(before) : posted;
  }

  /** The partner puts the loan in arrears. */
  public static LoanState makeArrears(LoanState state) {
    return apply(state, LoanEvent.MAKE_ARREARS);
  }

  /** The partner declares the loan in default. */
  public static LoanState makeDefault(LoanState state) {
    return apply(state, LoanEvent.MAKE_DEFAULT);
  }

  /** Refuses a loan that is already closed, the one state no closing may start from. */
  public static void checkClosable(LoanState state) {
    if (state.status() == LoanStatus.CLOSED) {
      throw new ConflictException(ALREADY_CLOSED);
    }
  }

  /**
   * Closes the loan. Paid in full needs nothing outstanding; a write-off records the outstanding
   * total as the loss. The balances stay as they were at closing, and interest stops.
   */
  public static LoanState close(
      LoanState state, CloseSubstatus substatus, String reason, Instant at) {
    requireNonNull(substatus, "substatus");
    checkClosable(state);
    BigDecimal outstanding = state.balances().outstanding();
    BigDecimal loss = null;
    if (substatus == CloseSubstatus.PAID_IN_FULL) {
      if (outstanding.signum() != 0) {
        throw new ConflictException(
            "Loan has "
                + outstanding
                + " outstanding; only a loan with nothing outstanding can be closed as"
                + " paid_in_full.");
      }
    } else {
      loss = outstanding;
    }
    return new LoanState(
        LoanStatus.CLOSED, state.balances(), false, new LoanClosure(reason, substatus, at, loss));
  }

  /** Stops interest from accruing until started again. */
  public static LoanState stopInterestCalculation(LoanState state) {
    checkInterestChangeable(state);
    if (!state.interestCalculationEnabled()) {
      throw new ConflictException(ALREADY_STOPPED);
    }
    return state.withInterestCalculation(false);
  }

  /** Lets interest accrue again after a stop. */
  public static LoanState startInterestCalculation(LoanState state) {
    checkInterestChangeable(state);
    if (state.interestCalculationEnabled()) {
      throw new ConflictException(ALREADY_RUNNING);
    }
    return state.withInterestCalculation(true);
  }

  private static void checkInterestChangeable(LoanState state) {
    if (state.status() == LoanStatus.CLOSED) {
      throw new ConflictException(CLOSED_INTEREST);
    }
  }

  /** "Loan is approved; only a loan that is active or late can be put in arrears." */
  static String refusal(LoanStatus status, LoanEvent event) {
    if (status == LoanStatus.CLOSED) {
      return "Loan is closed; a closed loan cannot be " + event.action() + ".";
    }
    if (status == event.target()) {
      return "Loan is already " + status.described() + ".";
    }
    return "Loan is "
        + status.described()
        + "; only a loan that is "
        + alternatives(event.sources())
        + " can be "
        + event.action()
        + ".";
  }

  /** "active", "active or late", "active, late or in arrears". */
  private static String alternatives(List<LoanStatus> statuses) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < statuses.size(); i++) {
      if (i > 0) {
        text.append(i == statuses.size() - 1 ? " or " : ", ");
      }
      text.append(statuses.get(i).described());
    }
    return text.toString();
  }
}
