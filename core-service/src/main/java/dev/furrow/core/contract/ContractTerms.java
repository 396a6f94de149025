package dev.furrow.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated CreateContract request: trimmed text, money with two decimals, typed dates. */
public record ContractTerms(
    long ownerPartnerId,
    String loanId,
    String name,
    String loaner,
    String fundingSource,
    String tractorId,
    BigDecimal equipmentCost,
    BigDecimal principalAmount,
    BigDecimal totalRepaymentAmount,
    BigDecimal repaymentPerHectare,
    BigDecimal minimumWeeklyPayment,
    String currency,
    LocalDate loanStartDate,
    LocalDate loanEndDate,
    String timeZone,
    int invoiceDueDays,
    int delinquencyToleranceDays) {

  /** What the loan account lends: the equipment cost less the down payment. */
  public BigDecimal financedAmount() {
    return equipmentCost.subtract(principalAmount);
  }

  /** The flat finance charge making the loan's outstanding equal the total repayment amount. */
  public BigDecimal financeCharge() {
    return totalRepaymentAmount.subtract(financedAmount());
  }
}
