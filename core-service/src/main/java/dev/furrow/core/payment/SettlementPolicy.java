package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How an applied payment's amount is split: the part the contract still owes is repaid to its loan
 * and settles the unpaid invoices oldest first, the rest of that part goes to the contract's credit
 * balance, and whatever exceeds what the contract owes is kept unapplied. Plain arithmetic on
 * cents; nothing is rounded because nothing is divided.
 */
public final class SettlementPolicy {
  /** Invoice statuses after a payment. */
  static final String PARTIALLY_PAID = "partially_paid";

  static final String PAYMENT_COMPLETE = "payment_complete";
  static final String OVERDUE = "overdue";

  /** An invoice that still owes something, with its billing period. */
  public record OpenInvoice(
      long invoiceId,
      String number,
      long billingPeriodId,
      String status,
      BigDecimal amountDue,
      BigDecimal amountPaid) {
    public OpenInvoice {
      requireNonNull(number, "number");
      requireNonNull(status, "status");
      amountDue = Decimals.money(requireNonNull(amountDue, "amountDue"));
      amountPaid = Decimals.money(requireNonNull(amountPaid, "amountPaid"));
    }

    BigDecimal outstanding() {
      return amountDue.subtract(amountPaid);
    }
  }

  /** What a payment pays of one invoice, and the invoice's state after it. */
  public record InvoicePart(
      OpenInvoice invoice, BigDecimal amount, BigDecimal outstandingAfter, String statusAfter) {}

  /**
   * The whole split: {@code repaid} (posted to the loan) = the invoice parts + {@code credit};
   * {@code repaid} + {@code unapplied} = the amount paid.
   */
  public record Settlement(
      BigDecimal repaid, List<InvoicePart> invoices, BigDecimal credit, BigDecimal unapplied) {
    public Settlement {
      invoices = List.copyOf(invoices);
    }
  }

  /**
   * Splits {@code amountPaid} given what the contract still owes ({@code owed}, 0 when nothing can
   * be repaid) and its unpaid invoices, oldest first. An overdue invoice paid in part stays
   * overdue; an issued one becomes partially paid; one paid in full is payment complete.
   */
  public Settlement settle(BigDecimal amountPaid, BigDecimal owed, List<OpenInvoice> oldestFirst) {
    BigDecimal paid = Decimals.money(amountPaid);
    BigDecimal repaid = paid.min(Decimals.money(owed).max(BigDecimal.ZERO.setScale(2)));
    BigDecimal left = repaid;
    List<InvoicePart> parts = new ArrayList<>();
    for (OpenInvoice invoice : oldestFirst) {
      if (left.signum() == 0) {
        break;
      }
      BigDecimal part = left.min(invoice.outstanding());
      if (part.signum() <= 0) {
        continue;
      }
      BigDecimal after = invoice.outstanding().subtract(part);
      String status =
          after.signum() == 0
              ? PAYMENT_COMPLETE
              : OVERDUE.equals(invoice.status()) ? OVERDUE : PARTIALLY_PAID;
      parts.add(new InvoicePart(invoice, part, after, status));
      left = left.subtract(part);
    }
    return new Settlement(repaid, parts, left, paid.subtract(repaid));
  }
}
