package dev.furrow.core.telematics;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Bills a batch's new usage inside the recording transaction, in two steps around the insert, so
 * that each usage row is written once, its billing columns included, and what the hook writes (the
 * weekly billing) commits or rolls back with the rows.
 *
 * <ol>
 *   <li>{@link #plan} runs before the insert with the reports about to be inserted. It takes the
 *       locks billing needs and decides where each report is billed; the insert writes that into
 *       the row ({@code contract_id}, {@code billing_period_id}, {@code billing_state}), a report
 *       without a target stays {@code unbilled}.
 *   <li>{@link Plan#recorded} runs after the insert with the reports that became new rows: those
 *       another transaction stored first (a concurrent duplicate) are left out and must count
 *       nowhere.
 * </ol>
 */
@FunctionalInterface
public interface RecordedUsageHook {
  /** Bills nothing: every row stays unbilled. */
  RecordedUsageHook NONE = (h, reports) -> Plan.UNBILLED;

  /**
   * Called once per batch, before the insert, with the reports to insert (keys unique within the
   * batch; some may turn out to be stored already).
   */
  Plan plan(Handle h, List<UsageReport> reports);

  /** Where a batch's reports are billed, decided under the locks the hook took. */
  interface Plan {
    /** Every report unbilled, nothing to add. */
    Plan UNBILLED =
        new Plan() {
          @Override
          public Optional<BilledTo> target(UsageReport report) {
            return Optional.empty();
          }

          @Override
          public void recorded(Handle h, List<UsageReport> reports) {}
        };

    /** Where the report's row is billed; empty when it stays unbilled. */
    Optional<BilledTo> target(UsageReport report);

    /**
     * Called once per batch, right after the insert, with the reports that became new usage rows,
     * in delivery order.
     */
    void recorded(Handle h, List<UsageReport> reports);
  }

  /**
   * The billing columns of a usage row: the contract and billing period it is billed to, as usage
   * of the period's own week or as an adjustment (late usage of an already issued week).
   */
  record BilledTo(long contractId, long billingPeriodId, boolean adjustment) {
    /** The row's {@code billing_state}. */
    public String state() {
      return adjustment ? "adjustment" : "billed";
    }
  }
}
