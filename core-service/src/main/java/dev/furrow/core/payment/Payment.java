package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A payment a funding partner confirmed, as stored: applied to a contract (with the repayment it
 * posted, how it was allocated and what was left unapplied) or unmatched (with the reason). The
 * contract fields are null while unmatched; the currency is the matched contract's.
 */
public record Payment(
    long id,
    long partnerId,
    String transactionCode,
    String customerName,
    BigDecimal amountPaid,
    @Nullable String currency,
    Instant initiatedAt,
    Instant completedAt,
    Instant receivedAt,
    PaymentStatus status,
    @Nullable MatchMethod matchMethod,
    @Nullable String unmatchedReason,
    @Nullable Long contractId,
    @Nullable String loanId,
    @Nullable String fundingSource,
    @Nullable UUID loanTransactionId,
    List<Allocation> allocations,
    BigDecimal unappliedAmount,
    @Nullable BigDecimal remainingContractValueAfter,
    @Nullable Instant appliedAt,
    @Nullable String requestedLoanId,
    @Nullable String requestedInvoiceNumber) {

  public Payment {
    requireNonNull(transactionCode, "transactionCode");
    requireNonNull(customerName, "customerName");
    amountPaid = Decimals.money(requireNonNull(amountPaid, "amountPaid"));
    requireNonNull(status, "status");
    allocations = List.copyOf(allocations);
    unappliedAmount = Decimals.money(requireNonNull(unappliedAmount, "unappliedAmount"));
    remainingContractValueAfter = Decimals.money(remainingContractValueAfter);
  }

  /**
   * One part of the payment: what it settled of an invoice (and its billing period), with what the
   * invoice still owed afterwards, or with no invoice the part credited to the contract.
   */
  public record Allocation(
      @Nullable Long invoiceId,
      @Nullable String invoiceNumber,
      @Nullable Long billingPeriodId,
      BigDecimal amount,
      @Nullable BigDecimal invoiceOutstandingAfter) {
    public Allocation {
      amount = Decimals.money(requireNonNull(amount, "amount"));
      invoiceOutstandingAfter = Decimals.money(invoiceOutstandingAfter);
    }
  }
}
