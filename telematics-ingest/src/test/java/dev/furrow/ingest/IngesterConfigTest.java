package dev.furrow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngesterConfigTest {

  @Test
  void fillsInDefaultsForEverythingButTheServiceToken() {
    IngesterConfig config =
        IngesterConfig.fromEnvironment(Map.of("FURROW_SERVICE_TOKEN", "s3cret"));

    assertThat(config.mqttUrl()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(config.mqttClientId()).isEqualTo("furrow-ingester-1");
    assertThat(config.shareGroup()).isEqualTo("furrow-ingest");
    assertThat(config.coreTarget()).isEqualTo("127.0.0.1:9090");
    assertThat(config.serviceToken()).isEqualTo("s3cret");
    assertThat(config.batchSize()).isEqualTo(500);
    assertThat(config.batchMaxDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(config.retryMaxBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.sessionExpiry()).isEqualTo(Duration.ofDays(1));
    assertThat(config.subscriptionFilter())
        .isEqualTo("$share/furrow-ingest/furrow/v1/tractors/+/usage");
  }

  @Test
  void readsEveryVariable() {
    IngesterConfig config =
        IngesterConfig.fromEnvironment(
            Map.of(
                "FURROW_MQTT_URL", "ssl://broker.example:8883",
                "FURROW_MQTT_CLIENT_ID", "ingester-7",
                "FURROW_MQTT_SHARE_GROUP", "ingest-eu",
                "FURROW_CORE_TARGET", "dns:///core:9090",
                "FURROW_SERVICE_TOKEN", "s3cret",
                "FURROW_INGEST_BATCH_SIZE", "200",
                "FURROW_INGEST_BATCH_MAX_DELAY_MS", "5",
                "FURROW_MQTT_RECEIVE_MAXIMUM", "400",
                "FURROW_MQTT_SESSION_EXPIRY_SECONDS", "3600"));

    assertThat(config)
        .isEqualTo(
            IngesterConfig.builder()
                .mqttUrl("ssl://broker.example:8883")
                .mqttClientId("ingester-7")
                .shareGroup("ingest-eu")
                .coreTarget("dns:///core:9090")
                .serviceToken("s3cret")
                .batchSize(200)
                .batchMaxDelay(Duration.ofMillis(5))
                .receiveMaximum(400)
                .sessionExpiry(Duration.ofHours(1))
                .build());
  }

  @Test
  void requiresTheServiceToken() {
    assertThatThrownBy(() -> IngesterConfig.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FURROW_SERVICE_TOKEN: required");
  }

  @Test
  void namesTheVariableThatIsNotANumber() {
    assertThatThrownBy(
            () ->
                IngesterConfig.fromEnvironment(
                    Map.of("FURROW_SERVICE_TOKEN", "t", "FURROW_INGEST_BATCH_SIZE", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FURROW_INGEST_BATCH_SIZE: lots (For input string: \"lots\")");
  }

  @Test
  void rejectsSettingsOutOfRange() {
    assertThatThrownBy(
            () ->
                IngesterConfig.fromEnvironment(
                    Map.of("FURROW_SERVICE_TOKEN", "t", "FURROW_INGEST_BATCH_SIZE", "0")))
        .hasMessage("invalid ingester environment: batchSize: 0 (expected: 1-10000)");
    assertThatThrownBy(() -> IngesterConfig.builder().serviceToken("t").shareGroup("a/b").build())
        .hasMessage("shareGroup: a/b (expected: no '/', '+' or '#')");
    assertThatThrownBy(
            () -> IngesterConfig.builder().serviceToken("t").sessionExpiry(Duration.ZERO).build())
        .hasMessage("sessionExpiry: PT0S (expected: > 0)");
  }

  @Test
  void keepsTheServiceTokenOutOfItsString() {
    IngesterConfig config = IngesterConfig.builder().serviceToken("s3cret").build();

    assertThat(config.toString()).doesNotContain("s3cret").contains("serviceToken=***");
  }
}
