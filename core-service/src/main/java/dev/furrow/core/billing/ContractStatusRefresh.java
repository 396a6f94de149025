package dev.furrow.core.billing;

import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * Brings a contract's status (CURRENT, DELINQUENT, CLOSED) up to date inside the caller's
 * transaction after billing changed its invoices; true when the status changed.
 */
@FunctionalInterface
public interface ContractStatusRefresh {
  /** Leaves every status as it is. */
  ContractStatusRefresh NONE = (h, contractId, businessDate) -> false;

  boolean refresh(Handle h, long contractId, LocalDate businessDate);
}
