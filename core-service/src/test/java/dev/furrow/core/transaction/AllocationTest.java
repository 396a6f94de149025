package dev.furrow.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.loan.LoanBalances;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final LoanBalances OWED =
      new LoanBalances(
          new BigDecimal("1000.00"),
          new BigDecimal("120.00"),
          new BigDecimal("30.00"),
          new BigDecimal("100.00"),
          new BigDecimal("20.00"),
          new BigDecimal("10.00"));

  private static Allocation allocate(String amount) {
    return Allocation.of(OWED, new BigDecimal(amount));
  }

  @Test
  void dueFeesInterestAndPrincipalArePaidBeforeAnythingNotYetDue() {
    Allocation a = allocate("125.00");

    assertThat(a.pendingFee()).isEqualByComparingTo("10.00");
    assertThat(a.pendingInterest()).isEqualByComparingTo("20.00");
    assertThat(a.pendingPrincipal()).isEqualByComparingTo("95.00");
    assertThat(a.fee()).isEqualByComparingTo("10.00");
    assertThat(a.interest()).isEqualByComparingTo("20.00");
    assertThat(a.principal()).isEqualByComparingTo("95.00");
  }

  @Test
  void whatIsLeftAfterTheDuePartsGoesToFeesThenInterestThenPrincipal() {
    Allocation a = allocate("260.00");

    assertThat(a.fee()).isEqualByComparingTo("30.00");
    assertThat(a.interest()).isEqualByComparingTo("120.00");
    assertThat(a.principal()).isEqualByComparingTo("110.00");
    assertThat(a.pendingPrincipal()).isEqualByComparingTo("100.00");
    LoanBalances after = a.change().applyTo(OWED);
    assertThat(after)
        .isEqualTo(
            new LoanBalances(
                new BigDecimal("890.00"),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO));
  }

  @Test
  void everythingOwedCanBePaidButNotACentMore() {
    assertThat(allocate("1150.00").change().applyTo(OWED).outstanding()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> allocate("1150.01")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangeAndItsNegationCancelOut() {
    BalanceChange change = allocate("777.77").change();

    assertThat(change.negate().applyTo(change.applyTo(OWED))).isEqualTo(OWED);
  }
}
