package dev.furrow.core.ledger;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * One loan's ledger checked against the loan: the balances the loan row states, what of them was
 * written off, the balances its journal adds up to, every account's sums, and how many entries do
 * not balance. Read from one snapshot, so a posting running at the same time cannot make the two
 * sides disagree.
 *
 * <p>A written-off loan keeps the balances it was closed with (the record of the debt), while its
 * write-off moved them from the receivables to the loss account; so the journal's receivables must
 * equal the stored balances less {@code writtenOff}, and the loss account {@code writtenOff}'s
 * total. For every other loan {@code writtenOff} is zero and the two sides must simply be equal.
 */
public record LedgerCheck(
    UUID loanId,
    String currency,
    LedgerBalances stored,
    LedgerBalances writtenOff,
    List<AccountBalance> accounts,
    long entries,
    long unbalancedEntries) {

  public LedgerCheck {
    requireNonNull(loanId, "loanId");
    requireNonNull(currency, "currency");
    requireNonNull(stored, "stored");
    requireNonNull(writtenOff, "writtenOff");
    accounts = List.copyOf(accounts);
  }

  /** The balances recomputed from the journal: those of the three receivable accounts. */
  public LedgerBalances journal() {
    return new LedgerBalances(
        balance(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE),
        balance(LedgerAccount.INTEREST_RECEIVABLE),
        balance(LedgerAccount.FEE_RECEIVABLE));
  }

  /**
   * The journal's receivables equal the stored balances less what was written off, and the loss
   * account holds exactly what was written off.
   */
  public boolean balancesMatch() {
    return stored.minus(writtenOff).matches(journal())
        && balance(LedgerAccount.LOSS).compareTo(writtenOff.outstanding()) == 0;
  }

  public BigDecimal totalDebits() {
    return accounts.stream().map(AccountBalance::debits).reduce(zero(), BigDecimal::add);
  }

  public BigDecimal totalCredits() {
    return accounts.stream().map(AccountBalance::credits).reduce(zero(), BigDecimal::add);
  }

  /** Debits equal credits in every entry, and so in total. */
  public boolean balanced() {
    return unbalancedEntries == 0 && totalDebits().compareTo(totalCredits()) == 0;
  }

  /** Balanced, and the loan row agrees with the journal. */
  public boolean consistent() {
    return balanced() && balancesMatch();
  }

  private BigDecimal balance(LedgerAccount account) {
    return accounts.stream()
        .filter(a -> a.account() == account)
        .map(AccountBalance::balance)
        .findFirst()
        .orElse(zero());
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The sums of one account's lines. */
  public record AccountBalance(LedgerAccount account, BigDecimal debits, BigDecimal credits) {
    public AccountBalance {
      requireNonNull(account, "account");
      debits = requireNonNull(debits, "debits").setScale(2, RoundingMode.UNNECESSARY);
      credits = requireNonNull(credits, "credits").setScale(2, RoundingMode.UNNECESSARY);
    }

    /** In the account's normal direction. */
    public BigDecimal balance() {
      return account.balance(debits, credits);
    }
  }
}
