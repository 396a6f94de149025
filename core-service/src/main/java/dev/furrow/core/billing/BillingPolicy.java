package dev.furrow.core.billing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The money rules of weekly billing: line amounts, the minimum top-up, the amount due, the credit a
 * new invoice takes from the contract, invoice numbers and due dates, and the status a payment
 * leaves. See docs/billing.md.
 */
public final class BillingPolicy {
  private static final int MONEY_SCALE = 2;

  /** What a period bills: its lines with their amounts (a top-up line last, if any) and total. */
  public record Bill(List<PeriodLine> lines, BigDecimal amountDue) {
    public Bill {
      lines = List.copyOf(lines);
      requireNonNull(amountDue, "amountDue");
    }
  }

  /** What issuing leaves: the amount already paid from credit, the status, the credit left. */
  public record Settlement(BigDecimal amountPaid, PeriodStatus status, BigDecimal creditLeft) {}

  /** round(hectares x rate, 2) half-even: the amount of a usage or adjustment line. */
  public BigDecimal lineAmount(BigDecimal hectares, BigDecimal ratePerHectare) {
    return hectares.multiply(ratePerHectare).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * Prices the usage and adjustment lines at the rate; when {@code minimumApplies} and their sum is
   * below {@code minimumWeeklyPayment}, adds a {@code minimum} line for the difference. Earlier
   * amounts of the lines (and any earlier top-up line) are replaced.
   */
  public Bill bill(
      IsoWeek week,
      List<PeriodLine> lines,
      BigDecimal ratePerHectare,
      BigDecimal minimumWeeklyPayment,
      boolean minimumApplies,
      String currency) {
    List<PeriodLine> priced = new ArrayList<>(lines.size() + 1);
    BigDecimal total = BigDecimal.ZERO.setScale(MONEY_SCALE);
    for (PeriodLine line : lines) {
      if (line.kind() == LineKind.MINIMUM) {
        continue;
      }
      BigDecimal amount = lineAmount(line.hectares(), ratePerHectare);
      priced.add(line.withAmount(amount));
      total = total.add(amount);
    }
    if (minimumApplies && total.compareTo(minimumWeeklyPayment) < 0) {
      BigDecimal topUp = minimumWeeklyPayment.setScale(MONEY_SCALE).subtract(total);
      priced.add(
          new PeriodLine(
              LineKind.MINIMUM,
              week.start(),
              BigDecimal.ZERO.setScale(4),
              topUp,
              minimumDescription(minimumWeeklyPayment, currency)));
      total = total.add(topUp);
    }
    return new Bill(priced, total);
  }

  /** Describes the top-up line. */
  public String minimumDescription(BigDecimal minimumWeeklyPayment, String currency) {
    return "Top-up to the minimum weekly payment of "
        + minimumWeeklyPayment.setScale(MONEY_SCALE).toPlainString()
        + " "
        + currency;
  }

  /** Describes a usage line. */
  public String usageDescription(IsoWeek week) {
    return "Usage in " + week.name();
  }

  /** Describes an adjustment line carrying late usage of an issued week. */
  public String adjustmentDescription(IsoWeek lateWeek) {
    return "Late usage of " + lateWeek.name() + " (already invoiced)";
  }

  /**
   * Takes what it can of the contract's credit for a new invoice. Nothing due is settled at once
   * (payment_complete); a part paid from credit is partially_paid; no credit leaves it issued.
   */
  public Settlement settleFromCredit(BigDecimal amountDue, BigDecimal creditBalance) {
    BigDecimal paid = amountDue.min(creditBalance).max(BigDecimal.ZERO).setScale(MONEY_SCALE);
    BigDecimal left = creditBalance.subtract(paid).setScale(MONEY_SCALE);
    PeriodStatus status;
    if (paid.compareTo(amountDue) == 0) {
      status = PeriodStatus.PAYMENT_COMPLETE;
    } else if (paid.signum() > 0) {
      status = PeriodStatus.PARTIALLY_PAID;
    } else {
      status = PeriodStatus.ISSUED;
    }
    return new Settlement(paid, status, left);
  }

  /**
   * The status of an issued period or invoice after payments brought its paid amount to {@code
   * amountPaid}: payment_complete when paid in full; otherwise an overdue one stays overdue and any
   * other becomes partially_paid (or stays issued when nothing is paid).
   */
  public PeriodStatus afterPayment(
      PeriodStatus current, BigDecimal amountDue, BigDecimal amountPaid) {
    if (current == PeriodStatus.DRAFT) {
      throw new IllegalArgumentException("current: draft (expected: an issued period)");
    }
    if (amountPaid.compareTo(amountDue) >= 0) {
      return PeriodStatus.PAYMENT_COMPLETE;
    }
    if (current == PeriodStatus.OVERDUE) {
      return PeriodStatus.OVERDUE;
    }
    return amountPaid.signum() > 0 ? PeriodStatus.PARTIALLY_PAID : PeriodStatus.ISSUED;
  }

  /** Whether an unpaid invoice is overdue on the business date: its due date has passed. */
  public boolean overdue(LocalDate dueDate, LocalDate businessDate) {
    return dueDate.isBefore(businessDate);
  }

  /** "INV-" + year of the issue date + "-" + the sequence number, at least six digits. */
  public String invoiceNumber(LocalDate issueDate, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence: " + sequence + " (expected: > 0)");
    }
    return String.format("INV-%04d-%06d", issueDate.getYear(), sequence);
  }

  /** The issue date plus the contract's invoice_due_days. */
  public LocalDate dueDate(LocalDate issueDate, int invoiceDueDays) {
    return issueDate.plusDays(invoiceDueDays);
  }

  /**
   * Whether a week bills the minimum: the contract is open and the week overlaps its term (every
   * such week, including a partial first or last one, is billed the full minimum).
   */
  public boolean minimumApplies(
      IsoWeek week, boolean contractOpen, LocalDate loanStartDate, LocalDate loanEndDate) {
    return contractOpen
        && !week.end().isBefore(loanStartDate)
        && !week.start().isAfter(loanEndDate);
  }
}
