package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * A contract as a payment needs it, read under the contract's lock: its owner (the lender of
 * record, whose loan account is repaid), what it still owes, its credit, and its loan's status and
 * outstanding balance.
 */
public record ContractAccount(
    long id,
    long ownerPartnerId,
    UUID loanAccountId,
    String status,
    String currency,
    BigDecimal remainingContractValue,
    BigDecimal creditBalance,
    String loanStatus,
    BigDecimal loanOutstanding) {

  /** Loan statuses that take a repayment (see the transactions module). */
  static final Set<String> REPAYABLE = Set.of("active", "late", "in_arrears", "default");

  public ContractAccount {
    requireNonNull(loanAccountId, "loanAccountId");
    requireNonNull(status, "status");
    requireNonNull(currency, "currency");
    remainingContractValue = Decimals.money(remainingContractValue);
    creditBalance = Decimals.money(creditBalance);
    requireNonNull(loanStatus, "loanStatus");
    loanOutstanding = Decimals.money(loanOutstanding);
  }

  /**
   * What a payment may still repay: the remaining contract value (never more than the loan owes),
   * or nothing when the loan takes no repayment (paid off, closed, not yet disbursed).
   */
  public BigDecimal owed() {
    if (!REPAYABLE.contains(loanStatus)) {
      return BigDecimal.ZERO.setScale(2);
    }
    return remainingContractValue.min(loanOutstanding);
  }
}
