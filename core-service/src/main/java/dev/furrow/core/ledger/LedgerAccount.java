package dev.furrow.core.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The chart of accounts every loan's ledger uses, all in the loan's currency. Assets and the
 * expense grow with debits; income grows with credits.
 */
public enum LedgerAccount {
  /** Principal the borrower owes: up with disbursements, down with repaid principal. */
  LOAN_PRINCIPAL_RECEIVABLE(true),
  /** Interest the borrower owes: up with accrual, down with repaid interest. */
  INTEREST_RECEIVABLE(true),
  /** Fees the borrower owes: up with charged fees, down with repaid fees. */
  FEE_RECEIVABLE(true),
  /**
   * The partner's settlement account for the loan: credited with money paid out, debited with money
   * paid in, so its balance is the net cash the loan has brought back (negative while more has been
   * disbursed than repaid).
   */
  CASH_SETTLEMENT(true),
  /** Fees charged, earned when charged. */
  FEE_INCOME(false),
  /** Interest accrued. */
  INTEREST_INCOME(false),
  /** Amounts written off. */
  LOSS(true);

  private final boolean debitNormal;

  LedgerAccount(boolean debitNormal) {
    this.debitNormal = debitNormal;
  }

  /** The code stored and shown, e.g. {@code "fee_receivable"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The account with this code. */
  public static Optional<LedgerAccount> byCode(String code) {
    for (LedgerAccount account : values()) {
      if (account.code().equals(code)) {
        return Optional.of(account);
      }
    }
    return Optional.empty();
  }

  /** The balance in the account's normal direction: debits less credits for assets and losses. */
  public BigDecimal balance(BigDecimal debits, BigDecimal credits) {
    return debitNormal ? debits.subtract(credits) : credits.subtract(debits);
  }
}
