package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.product.InterestCalculation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a term loan's instalments, exact to the currency's minor unit.
 *
 * <p>Interest of a period = the principal outstanding during it × annual rate × days / 365, rounded
 * half-even to the minor unit once per period. The days are the calendar days from the period's
 * start (included) to its due date (excluded), less the borrower country's holidays among them when
 * the product does not calculate interest on holidays (weekends count: they move due dates, they
 * are not interest holidays). Close of business accrues over the same days, so a daily accrual on
 * the same balance adds up to the same figure before rounding.
 *
 * <ul>
 *   <li>{@code equal_principal}: each amortizing instalment repays principal / their number,
 *       rounded down to the minor unit; the last repays the rest, so the parts add up to the
 *       principal.
 *   <li>{@code even_total}: every amortizing instalment has the same total A, the annuity that
 *       repays the principal over the periods' own day-count rates: A = P / Σ_j Π_{k≤j} 1/(1 +
 *       r_k), rounded half-even; each instalment's principal is A minus its interest, and the last
 *       repays whatever principal is left, absorbing the rounding.
 * </ul>
 *
 * Grace instalments ask for nothing; the interest of their periods is deferred (not compounded) to
 * the first instalment after them. Principal grace instalments ask for interest only. The principal
 * is repaid over the remaining (amortizing) instalments.
 */
public final class ScheduleCalculator {
  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal PERCENT_DAYS_IN_YEAR = BigDecimal.valueOf(36_500);

  private ScheduleCalculator() {}

  /**
   * The periods of a loan disbursed on {@code disbursedOn} with these due dates: each runs from the
   * previous due date (the disbursement for the first) to its own.
   */
  public static List<Period> periods(
      LocalDate disbursedOn,
      List<LocalDate> dueDates,
      ScheduleTerms terms,
      HolidayCalendar calendar) {
    List<Period> periods = new ArrayList<>(dueDates.size());
    LocalDate start = disbursedOn;
    for (int i = 0; i < dueDates.size(); i++) {
      LocalDate due = dueDates.get(i);
      int days =
          terms.interestOnHolidays()
              ? (int) ChronoUnit.DAYS.between(start, due)
              : calendar.interestDaysBetween(start, due);
      periods.add(new Period(i + 1, start, due, days, terms.kindOf(i + 1)));
      start = due;
    }
    return List.copyOf(periods);
  }

  /** A new loan's schedule: {@code principal} over {@code periods}, nothing paid. */
  public static List<Instalment> generate(
      BigDecimal principal, List<Period> periods, ScheduleTerms terms) {
    return generate(principal, periods, terms, BigDecimal.ZERO);
  }

  /**
   * {@code principal} over {@code periods}, with {@code carriedInterest} (interest deferred by
   * grace instalments before these periods) added to the first instalment that asks for interest.
   */
  public static List<Instalment> generate(
      BigDecimal principal, List<Period> periods, ScheduleTerms terms, BigDecimal carriedInterest) {
    requireNonNull(principal, "principal");
    if (principal.signum() < 0) {
      throw new IllegalArgumentException("principal: " + principal + " (expected: >= 0)");
    }
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("periods: empty (expected: at least one)");
    }
    List<Period> amortizing =
        periods.stream().filter(p -> p.kind() == InstalmentKind.REGULAR).toList();
    int m = amortizing.size();
    BigDecimal equalPart = BigDecimal.ZERO;
    BigDecimal annuity = BigDecimal.ZERO;
    if (m > 0) {
      if (terms.method() == InterestCalculation.EQUAL_PRINCIPAL) {
        equalPart =
            money(principal.divide(BigDecimal.valueOf(m), terms.minorUnits(), RoundingMode.DOWN));
      } else {
        annuity = annuity(principal, amortizing, terms);
      }
    }
    List<Instalment> instalments = new ArrayList<>(periods.size());
    BigDecimal balance = money(principal);
    BigDecimal carry = money(carriedInterest);
    int amortized = 0;
    for (Period period : periods) {
      BigDecimal accrued = interest(balance, period, terms);
      BigDecimal principalPart = money(BigDecimal.ZERO);
      BigDecimal interestPart;
      if (period.kind() == InstalmentKind.GRACE) {
        interestPart = money(BigDecimal.ZERO);
        carry = carry.add(accrued);
      } else {
        interestPart = accrued.add(carry);
        carry = money(BigDecimal.ZERO);
        if (period.kind() == InstalmentKind.REGULAR) {
          amortized++;
          if (amortized == m) {
            principalPart = balance;
          } else if (terms.method() == InterestCalculation.EQUAL_PRINCIPAL) {
            principalPart = equalPart.min(balance);
          } else {
            principalPart = annuity.subtract(accrued).max(BigDecimal.ZERO).min(balance);
          }
        }
      }
      balance = balance.subtract(principalPart);
      instalments.add(Instalment.unpaid(period, principalPart, interestPart, accrued));
    }
    if (carry.signum() > 0) {
      // Grace up to the end (only after a recalculation): the deferred interest is due last.
      Instalment last = instalments.remove(instalments.size() - 1);
      instalments.add(
          Instalment.unpaid(
              last.period(), last.principal(), last.interest().add(carry), last.accruedInterest()));
    }
    return List.copyOf(instalments);
  }

  /** Interest of one period on {@code balance}, rounded once, half-even, to the minor unit. */
  static BigDecimal interest(BigDecimal balance, Period period, ScheduleTerms terms) {
    return money(
        balance
            .multiply(terms.annualRate())
            .multiply(BigDecimal.valueOf(period.interestDays()))
            .divide(PERCENT_DAYS_IN_YEAR, terms.minorUnits(), RoundingMode.HALF_EVEN));
  }

  /** The equal total that repays {@code principal} over the amortizing periods. */
  private static BigDecimal annuity(
      BigDecimal principal, List<Period> amortizing, ScheduleTerms terms) {
    BigDecimal discount = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (Period period : amortizing) {
      BigDecimal rate =
          terms
              .annualRate()
              .multiply(BigDecimal.valueOf(period.interestDays()))
              .divide(PERCENT_DAYS_IN_YEAR, MC);
      discount = discount.divide(BigDecimal.ONE.add(rate), MC);
      sum = sum.add(discount, MC);
    }
    return money(principal.divide(sum, MC).setScale(terms.minorUnits(), RoundingMode.HALF_EVEN));
  }

  /** Money is held with two decimal places whatever the minor unit. */
  static BigDecimal money(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }
}
