package dev.furrow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorReportTest {
  private static final SimulationReport REPORT =
      new SimulationReport(
          "r1",
          42,
          PayloadFormat.JSON,
          List.of(
              new SimulationReport.TractorTotals("TR-1", 2, new BigDecimal("1.2500")),
              new SimulationReport.TractorTotals("TR-2", 1, new BigDecimal("0.0001"))),
          3,
          new BigDecimal("1.2501"),
          5,
          1,
          1,
          0,
          0,
          1,
          Duration.ofMillis(1500),
          "");

  @Test
  void csvHasOneRowPerTractorAndATotal() {
    assertThat(REPORT.toCsv())
        .isEqualTo(
            "tractor_id,messages,hectares\n"
                + "TR-1,2,1.2500\n"
                + "TR-2,1,0.0001\n"
                + "TOTAL,3,1.2501\n");
  }

  @Test
  void jsonKeepsHectaresAsDecimalStrings() {
    assertThat(REPORT.toJson())
        .isEqualTo(
            "{\"run_id\":\"r1\",\"seed\":42,\"format\":\"json\",\"messages\":3,"
                + "\"hectares\":\"1.2501\",\"published\":5,\"retries\":1,\"resends\":1,"
                + "\"unconfirmed\":0,\"no_subscribers\":0,\"connection_losses\":1,"
                + "\"elapsed_ms\":1500,\"stopped_early\":\"\",\"tractors\":[\n"
                + "{\"tractor_id\":\"TR-1\",\"messages\":2,\"hectares\":\"1.2500\"},\n"
                + "{\"tractor_id\":\"TR-2\",\"messages\":1,\"hectares\":\"0.0001\"}\n"
                + "]}\n");
  }

  @Test
  void textEndsWithTheTableOfTractorsAndTheTotal() {
    assertThat(REPORT.toText())
        .startsWith(
            "Run r1 (seed 42, json): 3 messages confirmed by the broker in 1.5 s (2 msg/s);"
                + " 5 publishes: 1 retries, 1 resends after 1 lost connections")
        .endsWith(
            String.format(
                "tractor_id   messages         hectares%n"
                    + "TR-1                2           1.2500%n"
                    + "TR-2                1           0.0001%n"
                    + "TOTAL               3           1.2501%n"));
    assertThat(REPORT.complete()).isTrue();
    assertThat(REPORT.byTractor().get("TR-2").hectares()).isEqualByComparingTo("0.0001");
  }

  @Test
  void writesJsonOrCsvByTheFileExtension(@TempDir Path dir) throws Exception {
    REPORT.writeTo(dir.resolve("out/report.json"));
    REPORT.writeTo(dir.resolve("report.csv"));

    assertThat(Files.readString(dir.resolve("out/report.json"))).isEqualTo(REPORT.toJson());
    assertThat(Files.readString(dir.resolve("report.csv"))).isEqualTo(REPORT.toCsv());
  }
}
