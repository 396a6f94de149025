package dev.furrow.core.delinquency;

import static dev.furrow.core.loan.LoanEvent.FALL_LATE;
import static dev.furrow.core.loan.LoanEvent.MAKE_ARREARS;
import static dev.furrow.core.loan.LoanEvent.MAKE_DEFAULT;
import static dev.furrow.core.loan.LoanStatus.ACTIVE;
import static dev.furrow.core.loan.LoanStatus.DEFAULT;
import static dev.furrow.core.loan.LoanStatus.IN_ARREARS;
import static dev.furrow.core.loan.LoanStatus.LATE;
import static dev.furrow.core.loan.LoanStatus.PAID_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelinquencyRulesTest {
  private final DelinquencyRules rules = new DelinquencyRules(90);

  @Test
  void aCurrentLoanStaysAsItIs() {
    assertThat(rules.events(ACTIVE, 0, 3)).isEmpty();
    assertThat(rules.events(IN_ARREARS, 0, 3)).isEmpty();
  }

  @Test
  void oneDayPastDueIsLateAndBeyondTheToleranceInArrears() {
    assertThat(rules.events(ACTIVE, 1, 3)).containsExactly(FALL_LATE);
    assertThat(rules.events(LATE, 3, 3)).isEmpty();
    assertThat(rules.events(LATE, 4, 3)).containsExactly(MAKE_ARREARS);
    assertThat(rules.events(ACTIVE, 1, 0)).containsExactly(FALL_LATE, MAKE_ARREARS);
  }

  @Test
  void ninetyDaysInArrearsIsDefaultPassingThroughEveryStatus() {
    assertThat(rules.events(IN_ARREARS, 92, 3)).isEmpty();
    assertThat(rules.events(IN_ARREARS, 93, 3)).containsExactly(MAKE_DEFAULT);
    assertThat(rules.events(ACTIVE, 93, 3)).containsExactly(FALL_LATE, MAKE_ARREARS, MAKE_DEFAULT);
    assertThat(DelinquencyRules.daysInArrears(93, 3)).isEqualTo(90);
  }

  @Test
  void closeOfBusinessNeverMovesDefaultOrPaidOffLoans() {
    assertThat(rules.events(DEFAULT, 200, 3)).isEmpty();
    assertThat(rules.events(PAID_OFF, 200, 3)).isEmpty();
  }

  @Test
  void bucketsFollowDaysPastDue() {
    assertThat(AgeingBucket.of(0).code()).isEqualTo("current");
    assertThat(AgeingBucket.of(1).code()).isEqualTo("1-30");
    assertThat(AgeingBucket.of(30).code()).isEqualTo("1-30");
    assertThat(AgeingBucket.of(31).code()).isEqualTo("31-60");
    assertThat(AgeingBucket.of(60).code()).isEqualTo("31-60");
    assertThat(AgeingBucket.of(61).code()).isEqualTo("61-90");
    assertThat(AgeingBucket.of(90).code()).isEqualTo("61-90");
    assertThat(AgeingBucket.of(91).code()).isEqualTo("90+");
  }
}
