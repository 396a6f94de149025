package dev.furrow.core.contract;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code contract.status} current: the {@link ContractStatusRule} as one set-based UPDATE,
 * called inside the caller's transaction whenever a loan status, an invoice or a payment changes
 * (billing, payments, loan closing) so the status never lags the event. Only rows whose status
 * actually changes are written.
 */
public final class ContractStatuses {
  /** The rule in SQL over the contracts selected by {@code <selection>}. */
  private static final String REFRESH =
      """
      UPDATE contract c SET status = d.status, updated_at = now()
      FROM (
        SELECT c2.id,
               CASE
                 WHEN l.status IN ('paid_off', 'closed') THEN 'CLOSED'
                 WHEN l.status IN ('in_arrears', 'default') THEN 'DELINQUENT'
                 WHEN EXISTS (
                   SELECT 1 FROM invoice i
                   WHERE i.contract_id = c2.id
                     AND i.status IN ('issued', 'partially_paid', 'overdue')
                     AND i.due_date + c2.delinquency_tolerance_days < :businessDate)
                   THEN 'DELINQUENT'
                 ELSE 'CURRENT'
               END AS status
        FROM contract c2 JOIN loan l ON l.id = c2.loan_account_id
        WHERE <selection>
      ) d
      WHERE c.id = d.id AND c.status <> d.status
      """;

  private ContractStatuses() {}

  /**
   * Re-derives one contract's status on {@code businessDate}; returns whether it changed. Runs in
   * {@code handle}'s transaction.
   */
  public static boolean refresh(Handle handle, long contractId, LocalDate businessDate) {
    return refresh(handle, List.of(contractId), businessDate) > 0;
  }

  /** Re-derives the statuses of {@code contractIds}; returns how many changed. */
  public static int refresh(Handle handle, Collection<Long> contractIds, LocalDate businessDate) {
    requireNonNull(handle, "handle");
    requireNonNull(contractIds, "contractIds");
    requireNonNull(businessDate, "businessDate");
    if (contractIds.isEmpty()) {
      return 0;
    }
    return handle
        .createUpdate(REFRESH.replace("<selection>", "c2.id = ANY(:ids)"))
        .bindArray("ids", Long.class, List.copyOf(contractIds))
        .bind("businessDate", businessDate)
        .execute();
  }

  /**
   * Re-derives every contract's status on {@code businessDate} (the daily billing run after marking
   * invoices overdue); returns how many changed.
   */
  public static int refreshAll(Handle handle, LocalDate businessDate) {
    requireNonNull(handle, "handle");
    requireNonNull(businessDate, "businessDate");
    return handle
        .createUpdate(REFRESH.replace("<selection>", "TRUE"))
        .bind("businessDate", businessDate)
        .execute();
  }
}
