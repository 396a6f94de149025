package dev.furrow.core.cob;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DailyAccrualTest {
  @Test
  void eighteenPointTwoFivePercentOfOneHundredThousandIsFiftyADay() {
    assertThat(DailyAccrual.dayInterest(new BigDecimal("100000.00"), new BigDecimal("18.25")))
        .isEqualByComparingTo("50");
  }

  @Test
  void wholeCentsArePostedAndTheFractionCarried() {
    BigDecimal carried = BigDecimal.ZERO;
    BigDecimal posted = BigDecimal.ZERO;
    for (int day = 0; day < 30; day++) {
      DailyAccrual.Day d =
          DailyAccrual.accrue(carried, new BigDecimal("1000.00"), new BigDecimal("12"));
      posted = posted.add(d.posted());
      carried = d.carried();
      assertThat(carried).isLessThan(new BigDecimal("0.01"));
    }
    // 30 × 0.3287671232 = 9.863013696.
    assertThat(posted).isEqualByComparingTo("9.86");
    assertThat(carried).isEqualByComparingTo("0.003013696");
  }

  @Test
  void aDayBelowOneCentPostsNothingUntilTheCentsAddUp() {
    // 10.00 at 10%: 0.0027397260 a day; the first cent on the fourth day.
    DailyAccrual.Day first =
        DailyAccrual.accrue(BigDecimal.ZERO, new BigDecimal("10.00"), new BigDecimal("10"));
    assertThat(first.posted()).isEqualByComparingTo("0");
    BigDecimal carried = first.carried();
    for (int day = 2; day <= 3; day++) {
      carried =
          DailyAccrual.accrue(carried, new BigDecimal("10.00"), new BigDecimal("10")).carried();
    }
    DailyAccrual.Day fourth =
        DailyAccrual.accrue(carried, new BigDecimal("10.00"), new BigDecimal("10"));
    assertThat(fourth.posted()).isEqualByComparingTo("0.01");
    assertThat(fourth.carried()).isEqualByComparingTo("0.000958904");
  }
}
