package dev.furrow.core.schedule;

import dev.furrow.core.product.EarlyRepaymentRecalculation;
import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.InterestCalculation;
import dev.furrow.core.product.RepaymentDateType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Shared helpers: loans disbursed on 15 January 2026, due on the 15th, interest every day. */
final class Tables {
  static final LocalDate JAN_15 = LocalDate.parse("2026-01-15");
  static final HolidayCalendar WEEKENDS = HolidayCalendar.weekendsOnly("NG");
  static final RepaymentRule ON_THE_15TH =
      new RepaymentRule(RepaymentDateType.DAY_OF_MONTH, 15, HolidayScheduling.ON_DAY);

  private Tables() {}

  static ScheduleTerms terms(
      String rate,
      InterestCalculation method,
      EarlyRepaymentRecalculation recalculation,
      int installments,
      int grace,
      int principalGrace) {
    return new ScheduleTerms(
        new BigDecimal(rate), method, recalculation, installments, grace, principalGrace, true, 2);
  }

  static List<Instalment> generate(String principal, ScheduleTerms terms) {
    List<LocalDate> dates =
        RepaymentDates.dueDates(JAN_15, terms.installments(), ON_THE_15TH, WEEKENDS);
    return ScheduleCalculator.generate(
        new BigDecimal(principal),
        ScheduleCalculator.periods(JAN_15, dates, terms, WEEKENDS),
        terms);
  }

  /** "due principal interest fee paidPrincipal paidInterest paidFee" per instalment. */
  static List<String> rows(List<Instalment> schedule) {
    return schedule.stream()
        .map(
            i ->
                i.number()
                    + " "
                    + i.dueDate()
                    + " "
                    + i.principal()
                    + " "
                    + i.interest()
                    + " "
                    + i.fee()
                    + " paid "
                    + i.paidPrincipal()
                    + " "
                    + i.paidInterest()
                    + " "
                    + i.paidFee())
        .toList();
  }

  static BigDecimal sum(
      List<Instalment> schedule, java.util.function.Function<Instalment, BigDecimal> f) {
    return schedule.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
