package dev.furrow.core.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StatementFiguresTest {
  private static Balances b(String principal, String interest, String fee) {
    return new Balances(new BigDecimal(principal), new BigDecimal(interest), new BigDecimal(fee));
  }

  @Test
  void interestIsWhatTheInterestBalanceGrewByBeyondTheTransactions() {
    // Opening 100,500.00; 2,000.00 repaid (300.00 of it interest), a 250.00 fee, a 100.00 fee
    // reverted; 1,500.00 interest accrued.
    Balances opening = b("100000.00", "500.00", "0.00");
    PeriodTransactions period =
        new PeriodTransactions(
            new BigDecimal("0.00"),
            new BigDecimal("2000.00"),
            new BigDecimal("350.00"),
            new BigDecimal("-100.00"),
            b("-1700.00", "-300.00", "250.00"));
    Balances closing = b("98300.00", "1700.00", "250.00");

    StatementFigures f = StatementFigures.of(opening, period, closing);

    assertThat(f.interest()).isEqualByComparingTo("1500.00");
    assertThat(f.openingBalance()).isEqualByComparingTo("100500.00");
    assertThat(f.closingBalance()).isEqualByComparingTo("100250.00");
  }

  @Test
  void aClosingBalanceThatDoesNotAddUpFailsLoudly() {
    PeriodTransactions period =
        new PeriodTransactions(
            new BigDecimal("1000.00"),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            b("1000.00", "0.00", "0.00"));

    // The principal grew by 0.01 more than the period's transactions say.
    assertThatThrownBy(
            () -> StatementFigures.of(Balances.ZERO, period, b("1000.01", "0.00", "0.00")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Statement does not add up: opening 0.00 + disbursements 1000.00 - repayments 0.00"
                + " + fees 0.00 + interest 0.00 + reversals 0.00 = 1000.00, but the closing"
                + " balance is 1000.01.");
  }
}
