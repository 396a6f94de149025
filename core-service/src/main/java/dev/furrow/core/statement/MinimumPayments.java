package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.schedule.InstalmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the loan's repayments have paid of its statements' minimum payments, recomputed from the
 * applied repayments in posting order (so a revert is exact: a reverted repayment simply no longer
 * pays). A repayment made at time t pays, oldest statement first, the unpaid fee, then interest,
 * then principal of each statement whose period had ended by t (cutoff at or before t); what is
 * left of it pays no minimum: it already lowered the balance the next statement is computed on.
 */
public final class MinimumPayments {
  private MinimumPayments() {}

  /** A statement's minimum payment, split as its instalment records it. */
  public record Minimum(int number, Instant cutoff, LocalDate dueDate, Balances asked) {
    public Minimum {
      requireNonNull(cutoff, "cutoff");
      requireNonNull(dueDate, "dueDate");
      requireNonNull(asked, "asked");
    }
  }

  /** An applied repayment: when it was made and its amount. */
  public record Repayment(Instant at, BigDecimal amount) {
    public Repayment {
      requireNonNull(at, "at");
      requireNonNull(amount, "amount");
    }
  }

  /** What has been paid of one minimum and its status as of the open business date. */
  public record Paid(int number, Balances paid, InstalmentStatus status) {
    public BigDecimal total() {
      return paid.total();
    }
  }

  /**
   * Replays {@code repayments} (in posting order) over {@code minimums}; statuses as of {@code
   * open}: paid when nothing is left, overdue when due before {@code open} and not paid, else
   * partially paid or pending. Returns one result per minimum, by number.
   */
  public static List<Paid> replay(
      List<Minimum> minimums, List<Repayment> repayments, LocalDate open) {
    List<Minimum> ordered =
        minimums.stream().sorted(Comparator.comparingInt(Minimum::number)).toList();
    int n = ordered.size();
    BigDecimal[] fee = new BigDecimal[n];
    BigDecimal[] interest = new BigDecimal[n];
    BigDecimal[] principal = new BigDecimal[n];
    for (int i = 0; i < n; i++) {
      fee[i] = interest[i] = principal[i] = BigDecimal.ZERO.setScale(2);
    }
    for (Repayment r : repayments) {
      BigDecimal left = r.amount();
      for (int i = 0; i < n && left.signum() > 0; i++) {
        Minimum m = ordered.get(i);
        if (m.cutoff().isAfter(r.at())) {
          continue;
        }
        BigDecimal payFee = left.min(m.asked().fee().subtract(fee[i]));
        fee[i] = fee[i].add(payFee);
        left = left.subtract(payFee);
        BigDecimal payInterest = left.min(m.asked().interest().subtract(interest[i]));
        interest[i] = interest[i].add(payInterest);
        left = left.subtract(payInterest);
        BigDecimal payPrincipal = left.min(m.asked().principal().subtract(principal[i]));
        principal[i] = principal[i].add(payPrincipal);
        left = left.subtract(payPrincipal);
      }
    }
    List<Paid> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Minimum m = ordered.get(i);
      Balances paid = new Balances(principal[i], interest[i], fee[i]);
      out.add(new Paid(m.number(), paid, status(m, paid, open)));
    }
    return out;
  }

  /** What is left unpaid of {@code minimums} after {@code paid} (same order as the replay). */
  public static BigDecimal unpaid(List<Minimum> minimums, List<Paid> paid) {
    BigDecimal asked =
        minimums.stream().map(m -> m.asked().total()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal done = paid.stream().map(Paid::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    return asked.subtract(done).setScale(2);
  }

  private static InstalmentStatus status(Minimum m, Balances paid, LocalDate open) {
    if (paid.total().compareTo(m.asked().total()) == 0) {
      return InstalmentStatus.PAID;
    }
    if (m.dueDate().isBefore(open)) {
      return InstalmentStatus.OVERDUE;
    }
    return paid.total().signum() > 0 ? InstalmentStatus.PARTIALLY_PAID : InstalmentStatus.PENDING;
  }
}
