package dev.furrow.core.billing;

import dev.furrow.core.billing.BillingRepository.ContractTerms;
import dev.furrow.core.billing.BillingRepository.Draft;
import dev.furrow.core.billing.BillingRepository.NewInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Close of business for weekly billing on a business date: for each contract (one transaction each,
 * under the contract's row lock) it creates the minimum-payment periods of closed weeks without
 * usage, issues every draft of a week that ended before the date (oldest first, with its invoice
 * and the contract's credit applied), marks unpaid invoices past their due date overdue, and
 * refreshes the contract's status. Running a date again changes nothing; a later date catches up
 * every week missed in between.
 */
public final class BillingCycle {
  private static final Logger log = LoggerFactory.getLogger(BillingCycle.class);

  private final BillingRepository repository;
  private final BillingPolicy policy;
  private final ContractStatusRefresh statuses;

  public BillingCycle(
      BillingRepository repository, BillingPolicy policy, ContractStatusRefresh statuses) {
    this.repository = repository;
    this.policy = policy;
    this.statuses = statuses;
  }

  /** What one run did; each contract visited is one database transaction. */
  public record Result(
      LocalDate businessDate,
      int periodsIssued,
      int invoicesOverdue,
      int contractsChanged,
      int contractsVisited) {}

  private record ContractResult(int issued, int overdue, boolean changed) {}

  /** Runs the cycle for the business date. */
  public Result run(LocalDate businessDate) {
    int issued = 0;
    int overdue = 0;
    int changed = 0;
    int visited = 0;
    for (long contractId : repository.contractsToVisit(businessDate)) {
      visited++;
      ContractResult r =
          repository.jdbi().inTransaction(h -> runContract(h, contractId, businessDate));
      issued += r.issued();
      overdue += r.overdue();
      changed += r.changed() ? 1 : 0;
    }
    Result result = new Result(businessDate, issued, overdue, changed, visited);
    if (issued + overdue + changed > 0) {
      log.info(
          "Billing cycle {}: {} periods issued, {} invoices overdue, {} contract statuses changed",
          businessDate,
          issued,
          overdue,
          changed);
    }
    return result;
  }

  private ContractResult runContract(
      org.jdbi.v3.core.Handle h, long contractId, LocalDate businessDate) {
    Optional<ContractTerms> locked = repository.lockContract(h, contractId);
    if (locked.isEmpty()) {
      return new ContractResult(0, 0, false);
    }
    ContractTerms contract = locked.get();
    if (contract.open() && contract.minimumWeeklyPayment().signum() > 0) {
      IsoWeek first = IsoWeek.of(contract.loanStartDate());
      IsoWeek lastClosed = new IsoWeek(IsoWeek.of(businessDate).start().minusWeeks(1));
      IsoWeek lastOfTerm = IsoWeek.of(contract.loanEndDate());
      IsoWeek last = lastClosed.start().isBefore(lastOfTerm.start()) ? lastClosed : lastOfTerm;
      repository.createWeekDrafts(h, contractId, first, last);
    }
    List<Draft> drafts = repository.lockClosedDrafts(h, contractId, businessDate);
    BigDecimal credit = contract.creditBalance();
    for (Draft draft : drafts) {
      IsoWeek week = new IsoWeek(draft.weekStart());
      BillingPolicy.Bill bill =
          policy.bill(
              week,
              repository.lines(h, draft.id()),
              draft.ratePerHectare(),
              contract.minimumWeeklyPayment(),
              policy.minimumApplies(
                  week, contract.open(), contract.loanStartDate(), contract.loanEndDate()),
              contract.currency());
      repository.priceLines(h, draft.id(), bill.lines());
      BillingPolicy.Settlement settlement = policy.settleFromCredit(bill.amountDue(), credit);
      credit = settlement.creditLeft();
      repository.issue(
          h,
          new NewInvoice(
              policy.invoiceNumber(businessDate, repository.nextInvoiceSequence(h)),
              draft.id(),
              contractId,
              settlement.status(),
              contract.currency(),
              bill.amountDue(),
              settlement.amountPaid(),
              businessDate,
              policy.dueDate(businessDate, contract.invoiceDueDays())));
    }
    if (credit.compareTo(contract.creditBalance()) != 0) {
      repository.setCreditBalance(h, contractId, credit);
    }
    int overdue = repository.markOverdue(h, contractId, businessDate);
    boolean changed = statuses.refresh(h, contractId, businessDate);
    return new ContractResult(drafts.size(), overdue, changed);
  }
}
