package dev.furrow.core.payment;

import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * The shared contract status rule (CLOSED when the loan is paid off or closed; DELINQUENT when the
 * loan is in arrears or default or an unpaid invoice is past due beyond the tolerance; else
 * CURRENT) for one contract, in the caller's transaction. Stands in for {@code
 * dev.furrow.core.contract.ContractStatuses#refresh} until that lands on this branch.
 */
final class InterimContractStatuses {
  private InterimContractStatuses() {}

  static void refresh(Handle h, long contractId, LocalDate businessDate) {
    h.createUpdate(
            "UPDATE contract c SET status = d.status, updated_at = now() FROM ("
                + " SELECT c2.id, CASE"
                + " WHEN l.status IN ('paid_off', 'closed') THEN 'CLOSED'"
                + " WHEN l.status IN ('in_arrears', 'default') THEN 'DELINQUENT'"
                + " WHEN EXISTS (SELECT 1 FROM invoice i WHERE i.contract_id = c2.id"
                + " AND i.status IN ('issued', 'partially_paid', 'overdue')"
                + " AND i.due_date + c2.delinquency_tolerance_days < :businessDate)"
                + " THEN 'DELINQUENT' ELSE 'CURRENT' END AS status"
                + " FROM contract c2 JOIN loan l ON l.id = c2.loan_account_id WHERE c2.id = :id"
                + ") d WHERE c.id = d.id AND c.status <> d.status")
        .bind("id", contractId)
        .bind("businessDate", businessDate)
        .execute();
  }
}
