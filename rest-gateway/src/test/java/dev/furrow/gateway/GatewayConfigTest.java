package dev.furrow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void emptyEnvironmentGivesDefaults() {
    assertThat(GatewayConfig.fromEnvironment(Map.of()))
        .isEqualTo(GatewayConfig.of(8080, "127.0.0.1:9090"))
        .isEqualTo(GatewayConfig.defaults());
  }

  @Test
  void environmentOverridesPortAndCoreTarget() {
    final GatewayConfig config =
        GatewayConfig.fromEnvironment(
            Map.of("FURROW_GATEWAY_PORT", "18080", "FURROW_CORE_TARGET", "core.internal:9443"));

    assertThat(config).isEqualTo(GatewayConfig.of(18080, "core.internal:9443"));
  }

  @Test
  void blankVariablesCountAsUnset() {
    assertThat(
            GatewayConfig.fromEnvironment(
                Map.of("FURROW_GATEWAY_PORT", " ", "FURROW_CORE_TARGET", "")))
        .isEqualTo(GatewayConfig.defaults());
  }

  @Test
  void nonNumericPortIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("FURROW_GATEWAY_PORT", "http")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FURROW_GATEWAY_PORT: http (expected: an integer 0-65535)");
  }

  @Test
  void portOutOfRangeIsRefused() {
    assertThatThrownBy(() -> GatewayConfig.of(65536, "127.0.0.1:9090"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 65536 (expected: 0-65535)");
  }
}
