package dev.furrow.core.contract;

import javax.annotation.Nullable;

/** A CreateContract request exactly as the operator sent it; blank text means absent. */
public record ContractInput(
    long ownerPartnerId,
    String loanId,
    String name,
    String loaner,
    String fundingSource,
    String tractorId,
    String equipmentCost,
    String principalAmount,
    String totalRepaymentAmount,
    String repaymentPerHectare,
    String minimumWeeklyPayment,
    String currency,
    String loanStartDate,
    String loanEndDate,
    String timeZone,
    @Nullable Integer invoiceDueDays,
    @Nullable Integer delinquencyToleranceDays) {}
