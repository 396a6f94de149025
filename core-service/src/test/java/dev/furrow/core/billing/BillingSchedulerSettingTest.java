package dev.furrow.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.CoreConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingSchedulerSettingTest {
  private static final String TOKEN = "0123456789abcdef";

  @Test
  void productionRunsTheSchedulerUnlessTurnedOff() {
    assertThat(CoreConfig.fromEnvironment(Map.of("FURROW_SERVICE_TOKEN", TOKEN)).billingScheduler())
        .isTrue();
    assertThat(
            CoreConfig.fromEnvironment(
                    Map.of("FURROW_SERVICE_TOKEN", TOKEN, "FURROW_BILLING_SCHEDULER", "off"))
                .billingScheduler())
        .isFalse();
    assertThatThrownBy(
            () ->
                CoreConfig.fromEnvironment(
                    Map.of("FURROW_SERVICE_TOKEN", TOKEN, "FURROW_BILLING_SCHEDULER", "weekly")))
        .hasMessage("FURROW_BILLING_SCHEDULER: \"weekly\" (expected: on or off)");
  }

  @Test
  void testConfigurationsLeaveTheSchedulerOff() {
    assertThat(CoreConfig.of("jdbc:postgresql://x/y", TOKEN).billingScheduler()).isFalse();
  }
}
