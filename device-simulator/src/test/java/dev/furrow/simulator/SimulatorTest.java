package dev.furrow.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.testing.BrokerProcess;
import dev.furrow.testing.TestMqttBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator against a real broker, checked by a subscriber that sees every copy. */
class SimulatorTest {
  private static final Pattern PAYLOAD =
      Pattern.compile(".*\"message_id\":\"([^\"]+)\".*\"hectares\":([0-9.]+)\\}");

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String prefix = "TR-S" + run + "-";

  private SimulatorOptions.Builder options(String url) {
    return SimulatorOptions.builder()
        .url(url)
        .prefix(prefix)
        .runId("t" + run)
        .seed(11)
        .progress(false)
        .drainTimeout(Duration.ofSeconds(30));
  }

  @Test
  void reportsPerTractorExactlyWhatReachedTheBrokerAndCountsRetriesApart() throws Exception {
    String url = TestMqttBroker.url();
    try (Copies copies = Copies.subscribe(url, prefix)) {
      SimulationReport report =
          Simulator.run(options(url).tractors(4).count(600).rate(0).retryPercent(20).build());

      assertThat(report.complete()).as(report.toText()).isTrue();
      assertThat(report.messages()).isEqualTo(600);
      assertThat(report.retries()).isBetween(80L, 160L);
      assertThat(report.published()).isEqualTo(600 + report.retries() + report.resends());
      copies.awaitAtLeast(report.published());
      assertThat(copies.count()).isEqualTo(report.published());
      assertThat(copies.distinct()).isEqualTo(report.messages());
      for (SimulationReport.TractorTotals tractor : report.tractors()) {
        assertThat(tractor.messages()).isEqualTo(150);
        assertThat(copies.hectaresOf(tractor.tractorId())).isEqualByComparingTo(tractor.hectares());
      }
      assertThat(report.tractors().stream().map(t -> t.hectares()).reduce(BigDecimal::add))
          .contains(report.hectares());
    }
  }

  @Test
  void keepsTheRateAndPublishesForTheGivenDuration() {
    String url = TestMqttBroker.url();

    SimulationReport report =
        Simulator.run(options(url).tractors(2).rate(200).duration(Duration.ofSeconds(2)).build());

    assertThat(report.unconfirmed()).isZero();
    assertThat(report.stoppedEarly()).isEmpty();
    assertThat(report.messages()).isBetween(360L, 400L);
    assertThat(report.elapsed()).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(4));
  }

  @Test
  void publishesAgainWhatABrokerRestartTookAndConfirmsEverything() throws Exception {
    BrokerProcess broker = TestMqttBroker.startPrivateBroker();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<SimulationReport> running =
          background.submit(
              () ->
                  Simulator.run(
                      options(broker.url())
                          .tractors(5)
                          .count(3_000)
                          .rate(1_000)
                          .format(PayloadFormat.PROTOBUF)
                          .progress(true)
                          .build()));
      Thread.sleep(1_000);
      broker.restart();

      SimulationReport report = running.get(60, TimeUnit.SECONDS);

      assertThat(report.connectionLosses()).isGreaterThanOrEqualTo(1);
      assertThat(report.unconfirmed()).isZero();
      assertThat(report.stoppedEarly()).isEmpty();
      assertThat(report.messages()).isEqualTo(3_000);
      assertThat(report.tractors()).allSatisfy(t -> assertThat(t.messages()).isEqualTo(600));
    } finally {
      background.shutdownNow();
      broker.stop();
    }
  }

  @Test
  void failsAtOnceWhenTheBrokerCannotBeReached() {
    assertThatThrownBy(() -> Simulator.run(options("tcp://127.0.0.1:1").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot connect to tcp://127.0.0.1:1 as furrow-sim-t" + run);
  }

  @Test
  void theCommandPrintsTheTotalsAndWritesTheReportFile(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path csv = dir.resolve("report.csv");

    int status;
    try (Copies ignored = Copies.subscribe(TestMqttBroker.url(), prefix)) {
      status =
          SimulatorMain.run(
              new String[] {
                "--url",
                TestMqttBroker.url(),
                "--tractors",
                "2",
                "--prefix",
                prefix,
                "--count",
                "10",
                "--rate",
                "0",
                "--seed",
                "3",
                "--run-id",
                "c" + run,
                "--quiet",
                "--report",
                csv.toString()
              },
              new PrintStream(out, true, UTF_8),
              new PrintStream(err, true, UTF_8));
    }

    assertThat(status).as(out.toString(UTF_8) + err.toString(UTF_8)).isZero();
    String printed = out.toString(UTF_8);
    assertThat(printed).contains("10 messages confirmed by the broker");
    assertThat(printed).containsPattern("TOTAL +10 +[0-9]+\\.[0-9]{4}");
    assertThat(Files.readAllLines(csv))
        .hasSize(4)
        .startsWith("tractor_id,messages,hectares")
        .anySatisfy(line -> assertThat(line).startsWith(prefix + "1,5,"))
        .anySatisfy(line -> assertThat(line).startsWith("TOTAL,10,"));
  }

  @Test
  void theCommandAnswersUsageErrorsWithStatus2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        SimulatorMain.run(
            new String[] {"--count"},
            new PrintStream(new ByteArrayOutputStream(), true, UTF_8),
            new PrintStream(err, true, UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(UTF_8)).startsWith("furrow-simulator: --count: missing value");
  }

  /** Every copy published under the run's tractors, as a plain (not shared) subscriber sees it. */
  private static final class Copies implements AutoCloseable, MqttCallback {
    private final MqttAsyncClient client;
    private final String prefix;
    private final CopyOnWriteArrayList<String> keys = new CopyOnWriteArrayList<>();
    private final Map<String, BigDecimal> hectares = new ConcurrentHashMap<>();

    private Copies(MqttAsyncClient client, String prefix) {
      this.client = client;
      this.prefix = prefix;
    }

    static Copies subscribe(String url, String prefix) throws MqttException {
      MqttAsyncClient client =
          new MqttAsyncClient(url, "copies-" + UUID.randomUUID(), new MemoryPersistence());
      Copies copies = new Copies(client, prefix);
      client.setCallback(copies);
      client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
      client.subscribe("furrow/v1/tractors/+/usage", 1).waitForCompletion(10_000);
      return copies;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      String tractor = topic.split("/")[3];
      if (!tractor.startsWith(prefix)) {
        return;
      }
      Matcher payload = PAYLOAD.matcher(new String(message.getPayload(), UTF_8));
      if (!payload.matches()) {
        throw new AssertionError("unexpected payload " + new String(message.getPayload(), UTF_8));
      }
      String key = tractor + "/" + payload.group(1);
      if (!keys.contains(key)) {
        hectares.merge(tractor, new BigDecimal(payload.group(2)), BigDecimal::add);
      }
      keys.add(key);
    }

    void awaitAtLeast(long count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (keys.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(200); // anything beyond would be a surplus copy
    }

    long count() {
      return keys.size();
    }

    long distinct() {
      return keys.stream().distinct().count();
    }

    BigDecimal hectaresOf(String tractorId) {
      return hectares.getOrDefault(tractorId, BigDecimal.ZERO);
    }

    @Override
    public void close() throws MqttException {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
