package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One instalment of a schedule: what it asks for ({@code principal}, {@code interest}, {@code fee})
 * and what has been paid towards each. {@code accruedInterest} is the interest of its own period;
 * it differs from {@code interest} on a grace instalment (which defers it) and on the instalment
 * that collects deferred interest. It is not stored: a schedule is always recomputed.
 */
public record Instalment(
    Period period,
    BigDecimal principal,
    BigDecimal interest,
    BigDecimal fee,
    BigDecimal paidPrincipal,
    BigDecimal paidInterest,
    BigDecimal paidFee,
    BigDecimal accruedInterest) {

  public Instalment {
    requireNonNull(period, "period");
    nonNegative(principal, "principal");
    nonNegative(interest, "interest");
    nonNegative(fee, "fee");
    nonNegative(paidPrincipal, "paidPrincipal");
    nonNegative(paidInterest, "paidInterest");
    nonNegative(paidFee, "paidFee");
    nonNegative(accruedInterest, "accruedInterest");
    if (paidPrincipal.compareTo(principal) > 0
        || paidInterest.compareTo(interest) > 0
        || paidFee.compareTo(fee) > 0) {
      throw new IllegalArgumentException("paid more than asked on instalment " + period.number());
    }
  }

  /** A new, unpaid instalment without fees. */
  static Instalment unpaid(
      Period period, BigDecimal principal, BigDecimal interest, BigDecimal accrued) {
    BigDecimal zero = BigDecimal.ZERO.setScale(principal.scale());
    return new Instalment(period, principal, interest, zero, zero, zero, zero, accrued);
  }

  public int number() {
    return period.number();
  }

  public LocalDate dueDate() {
    return period.due();
  }

  public InstalmentKind kind() {
    return period.kind();
  }

  /** Principal + interest + fee. */
  public BigDecimal total() {
    return principal.add(interest).add(fee);
  }

  /** What has been paid towards it. */
  public BigDecimal paid() {
    return paidPrincipal.add(paidInterest).add(paidFee);
  }

  /** What is left to pay of interest and principal. */
  public BigDecimal unpaidInterestAndPrincipal() {
    return interest.subtract(paidInterest).add(principal.subtract(paidPrincipal));
  }

  /** Its status on {@code today}: overdue once the due date has passed with something unpaid. */
  public InstalmentStatus status(LocalDate today) {
    if (paid().compareTo(total()) == 0) {
      return InstalmentStatus.PAID;
    }
    if (dueDate().isBefore(today)) {
      return InstalmentStatus.OVERDUE;
    }
    return paid().signum() > 0 ? InstalmentStatus.PARTIALLY_PAID : InstalmentStatus.PENDING;
  }

  Instalment withPeriod(Period p) {
    return new Instalment(
        p, principal, interest, fee, paidPrincipal, paidInterest, paidFee, accruedInterest);
  }

  Instalment withPrincipal(BigDecimal p) {
    return new Instalment(
        period, p, interest, fee, paidPrincipal, paidInterest, paidFee, accruedInterest);
  }

  Instalment withFee(BigDecimal f, BigDecimal paid) {
    return new Instalment(
        period, principal, interest, f, paidPrincipal, paidInterest, paid, accruedInterest);
  }

  Instalment withPaid(BigDecimal principalPaid, BigDecimal interestPaid) {
    return new Instalment(
        period, principal, interest, fee, principalPaid, interestPaid, paidFee, accruedInterest);
  }

  private static void nonNegative(BigDecimal value, String name) {
    requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
    }
  }
}
