package dev.furrow.core.ledger;

import static dev.furrow.core.ledger.LedgerAccount.CASH_SETTLEMENT;
import static dev.furrow.core.ledger.LedgerAccount.FEE_INCOME;
import static dev.furrow.core.ledger.LedgerAccount.FEE_RECEIVABLE;
import static dev.furrow.core.ledger.LedgerAccount.INTEREST_INCOME;
import static dev.furrow.core.ledger.LedgerAccount.INTEREST_RECEIVABLE;
import static dev.furrow.core.ledger.LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE;
import static dev.furrow.core.ledger.LedgerAccount.LOSS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which accounts each kind of posting debits and credits. A reversal posts the {@linkplain
 * JournalEntry#mirror() mirror} of the entry it undoes.
 */
public final class PostingRules {
  private PostingRules() {}

  /** Money paid out to the borrower becomes principal owed. */
  public static JournalEntry disbursement(BigDecimal amount) {
    return new JournalEntry(
        List.of(
            JournalLine.debit(LOAN_PRINCIPAL_RECEIVABLE, amount),
            JournalLine.credit(CASH_SETTLEMENT, amount)));
  }

  /** Money paid in settles the fees, interest and principal it was allocated to. */
  public static JournalEntry repayment(BigDecimal fee, BigDecimal interest, BigDecimal principal) {
    List<JournalLine> lines = new ArrayList<>();
    lines.add(JournalLine.debit(CASH_SETTLEMENT, fee.add(interest).add(principal)));
    addCredit(lines, FEE_RECEIVABLE, fee);
    addCredit(lines, INTEREST_RECEIVABLE, interest);
    addCredit(lines, LOAN_PRINCIPAL_RECEIVABLE, principal);
    return new JournalEntry(lines);
  }

  /** A fee charged is owed by the borrower and earned by the lender. */
  public static JournalEntry fee(BigDecimal amount) {
    return new JournalEntry(
        List.of(JournalLine.debit(FEE_RECEIVABLE, amount), JournalLine.credit(FEE_INCOME, amount)));
  }

  /** Interest accrued is owed by the borrower and earned by the lender. */
  public static JournalEntry interestAccrual(BigDecimal amount) {
    return new JournalEntry(
        List.of(
            JournalLine.debit(INTEREST_RECEIVABLE, amount),
            JournalLine.credit(INTEREST_INCOME, amount)));
  }

  /**
   * What is still owed when the loan is written off becomes the lender's loss: the loss account is
   * debited with the total, and each receivable credited with its outstanding part (zero parts have
   * no line), leaving every receivable at zero. Empty when nothing is owed: a write-off of nothing
   * moves nothing.
   */
  public static Optional<JournalEntry> writeOff(
      BigDecimal principal, BigDecimal interest, BigDecimal fee) {
    BigDecimal total = principal.add(interest).add(fee);
    if (total.signum() == 0) {
      return Optional.empty();
    }
    List<JournalLine> lines = new ArrayList<>();
    lines.add(JournalLine.debit(LOSS, total));
    addCredit(lines, LOAN_PRINCIPAL_RECEIVABLE, principal);
    addCredit(lines, INTEREST_RECEIVABLE, interest);
    addCredit(lines, FEE_RECEIVABLE, fee);
    return Optional.of(new JournalEntry(lines));
  }

  private static void addCredit(List<JournalLine> lines, LedgerAccount account, BigDecimal amount) {
    if (amount.signum() > 0) {
      lines.add(JournalLine.credit(account, amount));
    }
  }
}
