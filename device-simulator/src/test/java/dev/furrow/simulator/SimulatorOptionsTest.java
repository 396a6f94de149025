package dev.furrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

  @Test
  void defaultsPublishAThousandMessagesFromTenTractorsAtAHundredPerSecond() {
    SimulatorOptions options = SimulatorOptions.parse();

    assertThat(options.url()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(options.tractors()).isEqualTo(10);
    assertThat(options.prefix()).isEqualTo("TR-SIM-");
    assertThat(options.rate()).isEqualTo(100);
    assertThat(options.count()).isEqualTo(1000);
    assertThat(options.duration()).isZero();
    assertThat(options.retryPercent()).isZero();
    assertThat(options.format()).isEqualTo(PayloadFormat.JSON);
    assertThat(options.maxInFlight()).isEqualTo(1000);
    assertThat(options.runId()).matches("r[0-9a-z]{7}");
    assertThat(options.clientId()).isEqualTo("furrow-sim-" + options.runId());
    assertThat(options.progress()).isTrue();
    assertThat(options.reportFile()).isNull();
  }

  @Test
  void readsEveryOptionInBothSpellings() {
    SimulatorOptions options =
        SimulatorOptions.parse(
            "--url=tcp://broker:1883",
            "--tractors",
            "20",
            "--prefix",
            "TR-A-",
            "--rate",
            "2500.5",
            "--count=5000",
            "--seed",
            "-42",
            "--retry-percent",
            "20",
            "--client-id",
            "sim-1",
            "--format",
            "PROTOBUF",
            "--max-in-flight",
            "50",
            "--run-id",
            "night-1",
            "--drain-timeout",
            "1.5",
            "--report",
            "target/report.json",
            "--quiet");

    assertThat(options)
        .isEqualTo(
            new SimulatorOptions(
                "tcp://broker:1883",
                "sim-1",
                20,
                "TR-A-",
                2500.5,
                5000,
                Duration.ZERO,
                -42,
                20,
                PayloadFormat.PROTOBUF,
                50,
                "night-1",
                Duration.ofMillis(1500),
                false,
                Path.of("target/report.json")));
  }

  @Test
  void aDurationReplacesTheDefaultCountAndBoundsTheMessagesByTheRate() {
    SimulatorOptions options = SimulatorOptions.parse("--duration", "30", "--rate", "200");

    assertThat(options.count()).isZero();
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.plannedMessages()).isEqualTo(6000);
  }

  @Test
  void tractorIdsAreThePrefixFollowedByOneToN() {
    SimulatorOptions options = SimulatorOptions.builder().tractors(3).prefix("T-").build();

    assertThat(options.tractorIds()).containsExactly("T-1", "T-2", "T-3");
  }

  @Test
  void refusesWhatCannotRun() {
    assertThatThrownBy(() -> SimulatorOptions.parse("--tractor", "3"))
        .hasMessage("--tractor: unknown option (see --help)");
    assertThatThrownBy(() -> SimulatorOptions.parse("--rate")).hasMessage("--rate: missing value");
    assertThatThrownBy(() -> SimulatorOptions.parse("--rate", "fast"))
        .hasMessage("--rate: fast (expected: a number)");
    assertThatThrownBy(() -> SimulatorOptions.parse("--count", "5", "--duration", "5"))
        .hasMessage("--count and --duration: give one of them, not both");
    assertThatThrownBy(() -> SimulatorOptions.parse("--duration", "5", "--rate", "0"))
        .hasMessageStartingWith("rate: 0 with a duration");
    assertThatThrownBy(() -> SimulatorOptions.parse("--prefix", "TR/1"))
        .hasMessageStartingWith("prefix: TR/1 (expected: [A-Za-z0-9._-]");
    assertThatThrownBy(() -> SimulatorOptions.parse("--retry-percent", "101"))
        .hasMessage("retryPercent: 101.0 (expected: 0-100)");
    assertThatThrownBy(() -> SimulatorOptions.parse("--tractors", "0"))
        .hasMessage("tractors: 0 (expected: 1-1000000)");
    assertThatThrownBy(() -> SimulatorOptions.parse("--format", "xml"))
        .hasMessage("--format: xml (expected: json or protobuf)");
    assertThatThrownBy(() -> SimulatorOptions.parse("count", "5"))
        .hasMessage("count: not an option (expected: --name value)");
  }
}
