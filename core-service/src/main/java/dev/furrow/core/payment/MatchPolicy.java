package dev.furrow.core.payment;

import java.util.List;
import java.util.Optional;

/**
 * Which of the reporting partner's contracts a payment belongs to. An explicit reference decides
 * alone: a named loan_id or invoice_number that the partner cannot see (or that name two different
 * contracts) leaves the payment unmatched with that reason rather than falling back to the name, so
 * a typo never lands money on someone else's contract. Without a reference, the payer's name must
 * be the borrower of exactly one of the partner's open contracts.
 */
public final class MatchPolicy {
  /** What matching can look up among the contracts the reporting partner sees. */
  public interface Contracts {
    /** The visible contract with this loan_id (any status). */
    Optional<Long> byLoanId(String loanId);

    /** The visible contract that issued the invoice with this number. */
    Optional<Long> byInvoiceNumber(String invoiceNumber);

    /** The visible contracts not CLOSED whose borrower is this name, trimmed, ignoring case. */
    List<Long> openByCustomer(String customerName);
  }

  /** The outcome: a contract and how it was found, or the reason there is none. */
  public sealed interface Match {}

  /** The payment belongs to {@code contractId}. */
  public record Matched(long contractId, MatchMethod method) implements Match {}

  /** No contract; {@code reason} is kept with the payment in the unmatched queue. */
  public record Unmatched(String reason) implements Match {}

  /** Decides the match of a checked report. */
  public Match match(ReportedPayment payment, Contracts contracts) {
    String loanId = payment.loanId();
    String invoice = payment.invoiceNumber();
    if (loanId != null || invoice != null) {
      Optional<Long> byLoan = loanId == null ? Optional.empty() : contracts.byLoanId(loanId);
      if (loanId != null && byLoan.isEmpty()) {
        return new Unmatched("no contract with loan_id '" + loanId + "'");
      }
      Optional<Long> byInvoice =
          invoice == null ? Optional.empty() : contracts.byInvoiceNumber(invoice);
      if (invoice != null && byInvoice.isEmpty()) {
        return new Unmatched("no invoice '" + invoice + "'");
      }
      if (byLoan.isPresent() && byInvoice.isPresent() && !byLoan.equals(byInvoice)) {
        return new Unmatched(
            "loan_id '" + loanId + "' and invoice '" + invoice + "' belong to different contracts");
      }
      return byLoan.isPresent()
          ? new Matched(byLoan.get(), MatchMethod.LOAN_ID)
          : new Matched(byInvoice.get(), MatchMethod.INVOICE_NUMBER);
    }
    String name = payment.customerName();
    List<Long> candidates = contracts.openByCustomer(name);
    if (candidates.isEmpty()) {
      return new Unmatched("no open contract for customer '" + name + "'");
    }
    if (candidates.size() > 1) {
      return new Unmatched(candidates.size() + " open contracts match customer '" + name + "'");
    }
    return new Matched(candidates.get(0), MatchMethod.CUSTOMER_NAME);
  }
}
