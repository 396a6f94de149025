package dev.furrow.core.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A stored contract: the pay-as-you-go face of one loan account. */
public record Contract(
    long id,
    String loanId,
    UUID loanAccountId,
    long partnerId,
    String fundingSource,
    String tractorId,
    String name,
    String loaner,
    ContractStatus status,
    BigDecimal equipmentCost,
    BigDecimal principalAmount,
    BigDecimal totalRepaymentAmount,
    BigDecimal remainingContractValue,
    BigDecimal creditBalance,
    BigDecimal repaymentPerHectare,
    BigDecimal minimumWeeklyPayment,
    String currency,
    String timeZone,
    LocalDate loanStartDate,
    LocalDate loanEndDate,
    int invoiceDueDays,
    int delinquencyToleranceDays,
    Instant createdAt) {

  /** Whether {@code terms} describe this contract exactly (an idempotent retry of its create). */
  public boolean matches(ContractTerms terms) {
    return partnerId == terms.ownerPartnerId()
        && loanId.equals(terms.loanId())
        && name.equals(terms.name())
        && loaner.equals(terms.loaner())
        && fundingSource.equals(terms.fundingSource())
        && tractorId.equals(terms.tractorId())
        && equipmentCost.compareTo(terms.equipmentCost()) == 0
        && principalAmount.compareTo(terms.principalAmount()) == 0
        && totalRepaymentAmount.compareTo(terms.totalRepaymentAmount()) == 0
        && repaymentPerHectare.compareTo(terms.repaymentPerHectare()) == 0
        && minimumWeeklyPayment.compareTo(terms.minimumWeeklyPayment()) == 0
        && currency.equals(terms.currency())
        && timeZone.equals(terms.timeZone())
        && loanStartDate.equals(terms.loanStartDate())
        && loanEndDate.equals(terms.loanEndDate())
        && invoiceDueDays == terms.invoiceDueDays()
        && delinquencyToleranceDays == terms.delinquencyToleranceDays();
  }
}
