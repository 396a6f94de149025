package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an early repayment does to a schedule. The amount repays principal ahead of time: it is
 * recorded on the current instalment (its principal and paid principal both grow by it, so the
 * instalments' principal still adds up to what was disbursed), and the instalments after it are
 * recalculated by the product's rule:
 *
 * <ul>
 *   <li>{@code from_last_instalment}: the amount comes off the principal of the last instalment,
 *       then the one before it, and so on; an instalment left without principal is removed with its
 *       interest, so the loan ends sooner. Every other instalment keeps its principal and interest,
 *       as the reference says.
 *   <li>{@code reduced_instalments}: the remaining principal is rescheduled as a new loan over the
 *       same remaining periods (same due dates, same grace, same method), so there are as many
 *       instalments as before, each smaller.
 * </ul>
 */
public final class EarlyRepaymentRecalculator {
  private EarlyRepaymentRecalculator() {}

  /**
   * The schedule after {@code amount} of principal was repaid early while instalment {@code
   * currentIndex} (0-based) was the current one. The amount is capped at the principal still
   * scheduled after the current instalment.
   */
  public static List<Instalment> recalculate(
      List<Instalment> schedule, int currentIndex, BigDecimal amount, ScheduleTerms terms) {
    requireNonNull(amount, "amount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("amount: " + amount + " (expected: > 0)");
    }
    List<Instalment> done = new ArrayList<>(schedule.subList(0, currentIndex + 1));
    List<Instalment> future = new ArrayList<>(schedule.subList(currentIndex + 1, schedule.size()));
    BigDecimal futurePrincipal =
        future.stream()
            .map(i -> i.principal().subtract(i.paidPrincipal()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal prepaid = amount.min(futurePrincipal);
    if (prepaid.signum() == 0) {
      return List.copyOf(schedule);
    }
    Instalment current = done.get(currentIndex);
    done.set(
        currentIndex,
        current
            .withPrincipal(current.principal().add(prepaid))
            .withPaid(current.paidPrincipal().add(prepaid), current.paidInterest()));
    List<Instalment> rest =
        switch (terms.recalculation()) {
          case FROM_LAST_INSTALMENT -> fromLast(future, prepaid);
          case REDUCED_INSTALMENTS ->
              reduced(future, futurePrincipal.subtract(prepaid), carried(done), terms);
        };
    if (futurePrincipal.compareTo(prepaid) == 0) {
      // Everything is repaid: instalments that would ask for nothing go.
      rest = new ArrayList<>(rest.stream().filter(i -> i.total().signum() > 0).toList());
    }
    done.addAll(rest);
    return List.copyOf(done);
  }

  private static List<Instalment> fromLast(List<Instalment> future, BigDecimal prepaid) {
    List<Instalment> rest = new ArrayList<>(future);
    BigDecimal left = prepaid;
    for (int i = rest.size() - 1; i >= 0 && left.signum() > 0; i--) {
      Instalment inst = rest.get(i);
      BigDecimal open = inst.principal().subtract(inst.paidPrincipal());
      if (inst.kind() != InstalmentKind.REGULAR || open.signum() == 0) {
        continue;
      }
      BigDecimal take = open.min(left);
      left = left.subtract(take);
      Instalment reduced = inst.withPrincipal(inst.principal().subtract(take));
      if (reduced.principal().signum() == 0
          && reduced.paid().signum() == 0
          && reduced.fee().signum() == 0) {
        rest.remove(i);
      } else {
        rest.set(i, reduced);
      }
    }
    return rest;
  }

  private static List<Instalment> reduced(
      List<Instalment> future, BigDecimal principal, BigDecimal carried, ScheduleTerms terms) {
    if (future.isEmpty()) {
      return future;
    }
    List<Period> periods = future.stream().map(Instalment::period).toList();
    List<Instalment> fresh = ScheduleCalculator.generate(principal, periods, terms, carried);
    List<Instalment> rest = new ArrayList<>(fresh.size());
    for (int i = 0; i < fresh.size(); i++) {
      Instalment old = future.get(i);
      rest.add(fresh.get(i).withFee(old.fee(), old.paidFee()));
    }
    return rest;
  }

  /** Interest deferred by grace instalments up to the current one and not yet asked for. */
  static BigDecimal carried(List<Instalment> done) {
    BigDecimal carry = BigDecimal.ZERO;
    for (Instalment i : done) {
      carry = i.kind() == InstalmentKind.GRACE ? carry.add(i.accruedInterest()) : BigDecimal.ZERO;
    }
    return carry;
  }
}
