package dev.furrow.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  @Test
  void anEntryMustBalance() {
    assertThatThrownBy(
            () ->
                new JournalEntry(
                    List.of(
                        JournalLine.debit(LedgerAccount.FEE_RECEIVABLE, new BigDecimal("10.00")),
                        JournalLine.credit(LedgerAccount.FEE_INCOME, new BigDecimal("9.99")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("debits 10.00 and credits 9.99 (expected: equal)");
  }

  @Test
  void aLineIsEitherADebitOrACreditOfWholeCents() {
    assertThatThrownBy(
            () ->
                new JournalLine(LedgerAccount.LOSS, new BigDecimal("1.00"), new BigDecimal("1.00")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JournalLine.debit(LedgerAccount.LOSS, new BigDecimal("0.005")))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aRepaymentCreditsOnlyTheBalancesItPays() {
    JournalEntry entry =
        PostingRules.repayment(new BigDecimal("5.00"), BigDecimal.ZERO, new BigDecimal("95.00"));

    assertThat(entry.lines())
        .containsExactly(
            JournalLine.debit(LedgerAccount.CASH_SETTLEMENT, new BigDecimal("100.00")),
            JournalLine.credit(LedgerAccount.FEE_RECEIVABLE, new BigDecimal("5.00")),
            JournalLine.credit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("95.00")));
    assertThat(entry.total()).isEqualByComparingTo("100.00");
  }

  @Test
  void theMirrorUndoesEveryLine() {
    JournalEntry fee = PostingRules.fee(new BigDecimal("12.34"));

    assertThat(fee.mirror().lines())
        .containsExactly(
            JournalLine.credit(LedgerAccount.FEE_RECEIVABLE, new BigDecimal("12.34")),
            JournalLine.debit(LedgerAccount.FEE_INCOME, new BigDecimal("12.34")));
    assertThat(fee.mirror().mirror()).isEqualTo(fee);
  }

  @Test
  void balancesFollowEachAccountsNormalSide() {
    assertThat(LedgerAccount.CASH_SETTLEMENT.balance(new BigDecimal("5"), new BigDecimal("8")))
        .isEqualByComparingTo("-3");
    assertThat(LedgerAccount.FEE_INCOME.balance(new BigDecimal("5"), new BigDecimal("8")))
        .isEqualByComparingTo("3");
  }
}
