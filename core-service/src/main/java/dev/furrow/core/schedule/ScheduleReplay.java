package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A term loan's schedule as its applied transactions leave it, recomputed from them in posting
 * order. Recomputing rather than patching makes a revert exact: the reverted transactions are
 * simply no longer among the applied ones.
 *
 * <ul>
 *   <li>A disbursement (re)generates the schedule over everything disbursed so far, with the due
 *       dates of the first disbursement, and applies the fees and repayments before it again.
 *   <li>A fee is added to the current instalment: the first whose due date is on or after the day
 *       it was charged (the last one after the end of the schedule).
 *   <li>A repayment pays first the part the loan's allocation gave to fees, to the instalments'
 *       fees in due-date order. The rest pays interest, then principal, of every instalment whose
 *       due date has come, oldest first, then of the current instalment (the first not yet due).
 *       Whatever is left is an early repayment: {@link EarlyRepaymentRecalculator}.
 * </ul>
 */
public final class ScheduleReplay {
  private final ScheduleTerms terms;
  private final RepaymentRule rule;
  private final HolidayCalendar calendar;
  private final List<ScheduleEvent> history = new ArrayList<>();
  private List<Instalment> schedule = List.of();
  private LocalDate firstDisbursement;
  private BigDecimal disbursed = BigDecimal.ZERO;

  private ScheduleReplay(ScheduleTerms terms, RepaymentRule rule, HolidayCalendar calendar) {
    this.terms = requireNonNull(terms, "terms");
    this.rule = requireNonNull(rule, "rule");
    this.calendar = requireNonNull(calendar, "calendar");
  }

  /** The instalments after {@code events}; empty while nothing is disbursed. */
  public static List<Instalment> replay(
      ScheduleTerms terms,
      RepaymentRule rule,
      HolidayCalendar calendar,
      List<ScheduleEvent> events) {
    ScheduleReplay replay = new ScheduleReplay(terms, rule, calendar);
    for (ScheduleEvent event : events) {
      replay.apply(event);
    }
    return replay.schedule;
  }

  private void apply(ScheduleEvent event) {
    if (event instanceof ScheduleEvent.Disbursed d) {
      disburse(d);
    } else if (event instanceof ScheduleEvent.Charged c) {
      history.add(c);
      charge(c);
    } else if (event instanceof ScheduleEvent.Repaid r) {
      history.add(r);
      repay(r);
    }
  }

  private void disburse(ScheduleEvent.Disbursed d) {
    if (firstDisbursement == null) {
      firstDisbursement = d.date();
    }
    disbursed = disbursed.add(d.amount());
    List<LocalDate> dates =
        RepaymentDates.dueDates(firstDisbursement, terms.installments(), rule, calendar);
    List<Period> periods = ScheduleCalculator.periods(firstDisbursement, dates, terms, calendar);
    schedule = ScheduleCalculator.generate(disbursed, periods, terms);
    for (ScheduleEvent earlier : history) {
      if (earlier instanceof ScheduleEvent.Charged c) {
        charge(c);
      } else if (earlier instanceof ScheduleEvent.Repaid r) {
        repay(r);
      }
    }
  }

  private void charge(ScheduleEvent.Charged c) {
    if (schedule.isEmpty()) {
      return;
    }
    int index = currentIndex(c.date(), true);
    Instalment target = schedule.get(index);
    replace(index, target.withFee(target.fee().add(c.amount()), target.paidFee()));
  }

  private void repay(ScheduleEvent.Repaid r) {
    if (schedule.isEmpty()) {
      return;
    }
    BigDecimal fees = r.feePart();
    for (int i = 0; i < schedule.size() && fees.signum() > 0; i++) {
      Instalment inst = schedule.get(i);
      BigDecimal pay = fees.min(inst.fee().subtract(inst.paidFee()));
      if (pay.signum() > 0) {
        replace(i, inst.withFee(inst.fee(), inst.paidFee().add(pay)));
        fees = fees.subtract(pay);
      }
    }
    BigDecimal left = r.amount().subtract(r.feePart());
    int current = currentIndex(r.date(), false);
    int lastDue = current < 0 ? schedule.size() - 1 : current;
    for (int i = 0; i <= lastDue && left.signum() > 0; i++) {
      left = payInterestAndPrincipal(i, left);
    }
    if (left.signum() > 0 && current >= 0) {
      schedule = EarlyRepaymentRecalculator.recalculate(schedule, current, left, terms);
    }
  }

  /** Pays instalment {@code i}'s interest, then its principal; returns what is left. */
  private BigDecimal payInterestAndPrincipal(int i, BigDecimal amount) {
    Instalment inst = schedule.get(i);
    BigDecimal interest = amount.min(inst.interest().subtract(inst.paidInterest()));
    BigDecimal rest = amount.subtract(interest);
    BigDecimal principal = rest.min(inst.principal().subtract(inst.paidPrincipal()));
    if (interest.signum() > 0 || principal.signum() > 0) {
      replace(
          i, inst.withPaid(inst.paidPrincipal().add(principal), inst.paidInterest().add(interest)));
    }
    return rest.subtract(principal);
  }

  /**
   * The current instalment on {@code date}: the first due after it ({@code onDueDate}: on or after
   * it). -1 when every due date has come (a fee then goes on the last instalment).
   */
  private int currentIndex(LocalDate date, boolean onDueDate) {
    for (int i = 0; i < schedule.size(); i++) {
      LocalDate due = schedule.get(i).dueDate();
      if (due.isAfter(date) || (onDueDate && due.isEqual(date))) {
        return i;
      }
    }
    return onDueDate ? schedule.size() - 1 : -1;
  }

  private void replace(int index, Instalment instalment) {
    List<Instalment> copy = new ArrayList<>(schedule);
    copy.set(index, instalment);
    schedule = List.copyOf(copy);
  }
}
