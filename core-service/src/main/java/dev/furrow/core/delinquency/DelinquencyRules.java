package dev.furrow.core.delinquency;

import dev.furrow.core.loan.LoanEvent;
import dev.furrow.core.loan.LoanStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * When overdue days move a loan, in plain Java; the bulk step applies the same thresholds in SQL,
 * through the same {@link LoanEvent} transition table.
 *
 * <ul>
 *   <li>late ({@link LoanEvent#FALL_LATE}) from 1 day past due;
 *   <li>in arrears ({@link LoanEvent#MAKE_ARREARS}) beyond the loan's arrears tolerance (days past
 *       due &gt; tolerance; an unset tolerance is 0);
 *   <li>in default ({@link LoanEvent#MAKE_DEFAULT}) after {@code defaultAfterDaysInArrears} days in
 *       arrears (days past due − tolerance &ge; that number).
 * </ul>
 *
 * Close of business only moves loans forward; a loan returns to active by paying what is overdue
 * ({@link LoanEvent#CATCH_UP}), and default is final.
 */
public record DelinquencyRules(int defaultAfterDaysInArrears) {
  /** The default number of days in arrears after which a loan is in default. */
  public static final int DEFAULT_AFTER_DAYS_IN_ARREARS = 90;

  public DelinquencyRules {
    if (defaultAfterDaysInArrears < 1) {
      throw new IllegalArgumentException(
          "defaultAfterDaysInArrears: " + defaultAfterDaysInArrears + " (expected: >= 1)");
    }
  }

  /** Whether a loan this many days past due is late (or worse). */
  public static boolean late(int daysPastDue) {
    return daysPastDue >= 1;
  }

  /** Whether it is beyond its arrears tolerance. */
  public static boolean inArrears(int daysPastDue, int arrearsTolerance) {
    return daysPastDue > arrearsTolerance;
  }

  /** Days in arrears: days past due beyond the tolerance; 0 when not in arrears. */
  public static int daysInArrears(int daysPastDue, int arrearsTolerance) {
    return Math.max(0, daysPastDue - arrearsTolerance);
  }

  /** Whether it has been in arrears long enough to be in default. */
  public boolean inDefault(int daysPastDue, int arrearsTolerance) {
    return daysInArrears(daysPastDue, arrearsTolerance) >= defaultAfterDaysInArrears;
  }

  /**
   * The events close of business applies, in order, to a loan of {@code status} this many days past
   * due: each one whose threshold is met and which the state machine allows from the status the
   * previous left. A late loan 95 days past due with tolerance 3 (and 90 days to default) becomes
   * in arrears then in default.
   */
  public List<LoanEvent> events(LoanStatus status, int daysPastDue, int arrearsTolerance) {
    List<LoanEvent> events = new ArrayList<>();
    LoanStatus current = status;
    if (late(daysPastDue) && LoanEvent.FALL_LATE.allowedFrom(current)) {
      events.add(LoanEvent.FALL_LATE);
      current = LoanEvent.FALL_LATE.target();
    }
    if (inArrears(daysPastDue, arrearsTolerance) && LoanEvent.MAKE_ARREARS.allowedFrom(current)) {
      events.add(LoanEvent.MAKE_ARREARS);
      current = LoanEvent.MAKE_ARREARS.target();
    }
    if (inDefault(daysPastDue, arrearsTolerance) && LoanEvent.MAKE_DEFAULT.allowedFrom(current)) {
      events.add(LoanEvent.MAKE_DEFAULT);
    }
    return List.copyOf(events);
  }
}
