package dev.furrow.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.proto.telematics.v1.UsageReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The messages a run publishes: what the device contract and the core's policy expect. */
class SimulatorWorkloadTest {
  private static final Instant STARTED = Instant.parse("2026-11-20T10:17:42.5Z");
  private static final Pattern JSON =
      Pattern.compile(
          "\\{\"schema_version\":1,\"message_id\":\"([^\"]+)\",\"window_start\":\"([^\"]+)\","
              + "\"window_end\":\"([^\"]+)\",\"hectares\":([0-9.]+)\\}");

  private static SimulatorOptions.Builder options() {
    return SimulatorOptions.builder().tractors(3).prefix("TR-W-").count(10).seed(7).runId("w1");
  }

  private static List<UsageMessage> all(Workload workload) {
    List<UsageMessage> messages = new ArrayList<>();
    while (workload.hasNext()) {
      messages.add(workload.next());
    }
    return messages;
  }

  @Test
  void tractorsTakeTurnsAndEachCountsItsOwnMessageIds() {
    List<UsageMessage> messages = all(new Workload(options().build(), STARTED));

    assertThat(messages).hasSize(10);
    assertThat(messages.subList(0, 4))
        .extracting(UsageMessage::toString)
        .containsExactly("TR-W-1/w1-0", "TR-W-2/w1-0", "TR-W-3/w1-0", "TR-W-1/w1-1");
    assertThat(messages.get(9).toString()).isEqualTo("TR-W-1/w1-3");
    assertThat(messages.get(0).topic()).isEqualTo("furrow/v1/tractors/TR-W-1/usage");
  }

  @Test
  void theSameSeedGivesTheSameHectaresWhateverTheRetries() {
    List<BigDecimal> first =
        all(new Workload(options().build(), STARTED)).stream().map(UsageMessage::hectares).toList();
    List<BigDecimal> again =
        all(new Workload(options().retryPercent(50).build(), STARTED)).stream()
            .map(UsageMessage::hectares)
            .toList();
    List<BigDecimal> otherSeed =
        all(new Workload(options().seed(8).build(), STARTED)).stream()
            .map(UsageMessage::hectares)
            .toList();

    assertThat(again).isEqualTo(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void jsonPayloadsFollowTheContractWithWindowsInThePastThatFollowOneAnother() {
    List<UsageMessage> messages =
        all(new Workload(options().tractors(2).count(2000).build(), STARTED));
    Instant latestEnd = Instant.parse("2026-11-20T10:16:00Z");
    Set<String> ids = new HashSet<>();
    Instant[] previousEnd = new Instant[2];

    for (UsageMessage message : messages) {
      Matcher json = JSON.matcher(new String(message.payload(), UTF_8));
      assertThat(json.matches()).as(new String(message.payload(), UTF_8)).isTrue();
      assertThat(json.group(1)).isEqualTo(message.messageId());
      assertThat(ids.add(message.toString())).isTrue();
      Instant start = Instant.parse(json.group(2));
      Instant end = Instant.parse(json.group(3));
      assertThat(Duration.between(start, end)).isEqualTo(Workload.WINDOW);
      assertThat(end).isBeforeOrEqualTo(latestEnd);
      if (previousEnd[message.tractorIndex()] != null) {
        assertThat(start).isEqualTo(previousEnd[message.tractorIndex()]);
      }
      previousEnd[message.tractorIndex()] = end;
      BigDecimal hectares = new BigDecimal(json.group(4));
      assertThat(hectares).isEqualTo(message.hectares());
      assertThat(hectares.scale()).isEqualTo(4);
      assertThat(hectares).isBetween(new BigDecimal("0.0001"), Workload.MAX_HECTARES);
    }
    assertThat(previousEnd).containsOnly(latestEnd);
  }

  @Test
  void protobufPayloadsCarryTheSameReport() throws Exception {
    UsageMessage message =
        new Workload(options().format(PayloadFormat.PROTOBUF).build(), STARTED).next();

    UsageReport report = UsageReport.parseFrom(message.payload());

    assertThat(report.getSchemaVersion()).isEqualTo(1);
    assertThat(report.getTractorId()).isEqualTo("TR-W-1");
    assertThat(report.getMessageId()).isEqualTo("w1-0");
    assertThat(report.getHectares()).isEqualTo(message.hectares().toPlainString());
    assertThat(report.getWindowEnd().getSeconds())
        .isEqualTo(Instant.parse("2026-11-20T10:01:00Z").getEpochSecond());
    assertThat(PayloadFormat.PROTOBUF.contentType()).isEqualTo("application/x-protobuf");
    assertThat(PayloadFormat.JSON.contentType()).isNull();
  }

  @Test
  void retriesAboutTheAskedShareOfMessagesSoonAfterThem() {
    Workload workload = new Workload(options().count(10_000).retryPercent(20).build(), STARTED);
    int retried = 0;
    while (workload.hasNext()) {
      workload.next();
      int after = workload.retryAfter();
      assertThat(after).isBetween(0, 50);
      if (after > 0) {
        retried++;
      }
    }

    assertThat(retried).isBetween(1_800, 2_200);
  }
}
