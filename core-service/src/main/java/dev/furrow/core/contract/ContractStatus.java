package dev.furrow.core.contract;

/** A contract's status as the LMS API shows it. */
public enum ContractStatus {
  /** Repaying, nothing overdue beyond the tolerance. */
  CURRENT,
  /** The loan is in arrears or default, or an invoice is unpaid past due date + tolerance. */
  DELINQUENT,
  /** The loan is paid off or closed (paid in full or written off). */
  CLOSED
}
