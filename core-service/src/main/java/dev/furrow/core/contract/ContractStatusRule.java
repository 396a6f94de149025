package dev.furrow.core.contract;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Derives a contract's status (docs/payg.md): CLOSED when its loan is paid off or closed; else
 * DELINQUENT when the loan is in arrears or in default, or any unpaid invoice's due date plus the
 * contract's delinquency tolerance lies before the business date; else CURRENT. {@link
 * ContractStatuses} applies the same rule in SQL, set-based; the two are tested against each other.
 */
public final class ContractStatusRule {
  /** Loan statuses (API codes) that close the contract. */
  public static final Set<String> CLOSING_LOAN_STATUSES = Set.of("paid_off", "closed");

  /** Loan statuses (API codes) that make the contract delinquent. */
  public static final Set<String> DELINQUENT_LOAN_STATUSES = Set.of("in_arrears", "default");

  /** Invoice statuses that still owe money. */
  public static final Set<String> UNPAID_INVOICE_STATUSES =
      Set.of("issued", "partially_paid", "overdue");

  private ContractStatusRule() {}

  /**
   * The status of a contract whose loan has {@code loanStatus} (API code), with the due dates of
   * its unpaid invoices, on {@code businessDate}.
   */
  public static ContractStatus status(
      String loanStatus,
      Collection<LocalDate> unpaidInvoiceDueDates,
      int delinquencyToleranceDays,
      LocalDate businessDate) {
    requireNonNull(loanStatus, "loanStatus");
    requireNonNull(unpaidInvoiceDueDates, "unpaidInvoiceDueDates");
    requireNonNull(businessDate, "businessDate");
    if (CLOSING_LOAN_STATUSES.contains(loanStatus)) {
      return ContractStatus.CLOSED;
    }
    if (DELINQUENT_LOAN_STATUSES.contains(loanStatus)) {
      return ContractStatus.DELINQUENT;
    }
    for (LocalDate due : unpaidInvoiceDueDates) {
      if (isPastTolerance(due, delinquencyToleranceDays, businessDate)) {
        return ContractStatus.DELINQUENT;
      }
    }
    return ContractStatus.CURRENT;
  }

  /** Whether an unpaid invoice due on {@code dueDate} makes the contract delinquent. */
  public static boolean isPastTolerance(
      LocalDate dueDate, int delinquencyToleranceDays, LocalDate businessDate) {
    return dueDate.plusDays(delinquencyToleranceDays).isBefore(businessDate);
  }
}
