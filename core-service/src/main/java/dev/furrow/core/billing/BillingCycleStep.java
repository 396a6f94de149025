package dev.furrow.core.billing;

import dev.furrow.core.cob.CloseOfBusinessStep;
import dev.furrow.core.cob.StepOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The weekly billing cycle as a step of close of business: closing date D runs {@link
 * BillingCycle#run} for the open business date D + 1, the use case {@code
 * BillingAdminService.RunBillingCycle} runs. D has ended, so a week whose Sunday is D is closed and
 * issued (dated D + 1), and an invoice due on D and still unpaid is overdue, as close of business
 * ages an instalment due on D. The cycle is idempotent per date and catches up every week missed,
 * so the step is too. Money is invoiced, not posted to the ledger: the outcome's amount is zero.
 */
public final class BillingCycleStep implements CloseOfBusinessStep {
  private final BillingCycle cycle;

  public BillingCycleStep(BillingCycle cycle) {
    this.cycle = cycle;
  }

  @Override
  public String name() {
    return "run_billing_cycle";
  }

  /** Periods issued, invoices made overdue and contract statuses changed; one commit a contract. */
  @Override
  public StepOutcome run(LocalDate businessDate) {
    BillingCycle.Result result = cycle.run(businessDate.plusDays(1));
    return new StepOutcome(
        (long) result.periodsIssued() + result.invoicesOverdue() + result.contractsChanged(),
        BigDecimal.ZERO.setScale(2),
        result.contractsVisited());
  }
}
