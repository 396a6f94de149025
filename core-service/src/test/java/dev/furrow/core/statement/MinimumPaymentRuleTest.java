package dev.furrow.core.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MinimumPaymentRuleTest {
  private static final MinimumPaymentRule FIVE_PERCENT_FLOOR_500 =
      new MinimumPaymentRule(new BigDecimal("5"), new BigDecimal("500.00"));

  private static BigDecimal min(MinimumPaymentRule rule, String closing, String pastDue) {
    return rule.minimum(new BigDecimal(closing), new BigDecimal(pastDue));
  }

  @Test
  void thePercentageOfTheClosingBalanceWhenAboveTheFloor() {
    assertThat(min(FIVE_PERCENT_FLOOR_500, "100500.00", "0.00")).isEqualTo("5025.00");
  }

  @Test
  void theFloorWhenThePercentageIsBelowIt() {
    assertThat(min(FIVE_PERCENT_FLOOR_500, "8000.00", "0.00")).isEqualTo("500.00");
  }

  @Test
  void neverMoreThanTheBalance() {
    assertThat(min(FIVE_PERCENT_FLOOR_500, "320.55", "0.00")).isEqualTo("320.55");
  }

  @Test
  void neverMoreThanTheBalanceLeavesAfterWhatIsPastDue() {
    assertThat(min(FIVE_PERCENT_FLOOR_500, "1000.00", "700.00")).isEqualTo("300.00");
    assertThat(min(FIVE_PERCENT_FLOOR_500, "1000.00", "1000.00")).isEqualTo("0.00");
    assertThat(min(FIVE_PERCENT_FLOOR_500, "0.00", "0.00")).isEqualTo("0.00");
  }

  @Test
  void thePercentageIsRoundedHalfToEven() {
    MinimumPaymentRule noFloor = new MinimumPaymentRule(new BigDecimal("0.5"), null);
    // 0.5% of 100001.00 = 500.005 -> 500.00; of 100003.00 = 500.015 -> 500.02.
    assertThat(min(noFloor, "100001.00", "0.00")).isEqualTo("500.00");
    assertThat(min(noFloor, "100003.00", "0.00")).isEqualTo("500.02");
  }

  @Test
  void theMinimumAsksForFeesThenInterestThenPrincipal() {
    Balances closing =
        new Balances(
            new BigDecimal("99000.00"), new BigDecimal("1500.00"), new BigDecimal("250.00"));

    assertThat(MinimumPaymentRule.split(new BigDecimal("5037.50"), closing))
        .isEqualTo(
            new Balances(
                new BigDecimal("3287.50"), new BigDecimal("1500.00"), new BigDecimal("250.00")));
    assertThat(MinimumPaymentRule.split(new BigDecimal("1000.00"), closing))
        .isEqualTo(
            new Balances(
                new BigDecimal("0.00"), new BigDecimal("750.00"), new BigDecimal("250.00")));
    assertThat(MinimumPaymentRule.split(new BigDecimal("100.00"), closing))
        .isEqualTo(
            new Balances(new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("100.00")));
  }
}
