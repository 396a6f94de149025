package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.ingest.IngesterConfig;
import dev.furrow.ingest.TelematicsIngester;
import dev.furrow.simulator.PayloadFormat;
import dev.furrow.simulator.SimulationReport;
import dev.furrow.simulator.Simulator;
import dev.furrow.simulator.SimulatorOptions;
import dev.furrow.testing.BrokerProcess;
import dev.furrow.testing.TestMqttBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated tractors publish through a real broker and real ingesters into the real core and
 * PostgreSQL while things fail: duplicates, crashes, a broker restart, a core outage, two ingesters
 * sharing the load. After each scenario the usage the core recorded must equal, tractor by tractor
 * and to the last 0.0001 ha, what the simulator reports the broker confirmed.
 *
 * <p>The first scenario runs on the shared test broker (Mosquitto in CI, whose default queue limit
 * of 1000 keeps its rate modest); the others on a private embedded HiveMQ with raised limits, which
 * one of them restarts.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TelematicsReliabilityTest {
  private static final int TRACTORS = 20;
  private static final Logger logger = LoggerFactory.getLogger(TelematicsReliabilityTest.class);

  @RegisterExtension static final TelematicsSystem system = new TelematicsSystem();

  private final String run = UUID.randomUUID().toString().substring(0, 6);

  /** 20 registered tractors of a scenario, each scenario with its own ids and share group. */
  private SimulatorOptions.Builder simulation(String url, String scenario) {
    SimulatorOptions.Builder options =
        SimulatorOptions.builder()
            .url(url)
            .clientId("sim-" + scenario + "-" + run)
            .tractors(TRACTORS)
            .prefix(prefix(scenario))
            .runId(scenario + run)
            .seed(20261121)
            .drainTimeout(Duration.ofSeconds(60));
    system.registerTractors(options.build().tractorIds());
    return options;
  }

  private String prefix(String scenario) {
    return "TR-" + scenario + "-" + run + "-";
  }

  private IngesterConfig ingester(String url, String scenario, String replica) {
    return system
        .ingesterConfig(url, "ingest-" + scenario + "-" + replica + "-" + run, scenario + run)
        .build();
  }

  @Test
  void duplicateDeliveriesAndDeviceRetriesAreRecordedOnce() {
    String url = TestMqttBroker.url();
    TelematicsIngester ingester = system.startIngester(ingester(url, "dup", "a"));
    SimulatorOptions options =
        simulation(url, "dup").count(2_000).rate(500).retryPercent(20).build();

    SimulationReport sent = Simulator.run(options);
    // The same run again, as a device that resends its whole buffer: every copy is a duplicate.
    SimulationReport replayed =
        Simulator.run(
            options.toBuilder().retryPercent(0).clientId(options.clientId() + "-again").build());

    assertThat(sent.retries()).isGreaterThan(300);
    assertThat(replayed.complete()).as(replayed.toText()).isTrue();
    assertThat(replayed.tractors()).isEqualTo(sent.tractors());
    system.assertRecordedExactly(sent, options.prefix());
    long copies = sent.published() + replayed.published();
    TelematicsSystem.await(
        "the ingester to have taken all " + copies + " copies",
        () -> ingester.metrics().acknowledged() >= copies);
    assertThat(ingester.metrics().recorded()).isEqualTo(sent.messages());
    assertThat(ingester.metrics().duplicates())
        .isGreaterThanOrEqualTo(sent.retries() + replayed.messages());
    assertThat(ingester.metrics().rejected()).isZero();
  }

  @Test
  void anIngesterThatCrashesAndComesBackWithItsClientIdLosesNothing() throws Exception {
    BrokerProcess broker = system.privateBroker();
    IngesterConfig config = ingester(broker.url(), "crash", "a");
    TelematicsIngester ingester = system.startIngester(config);
    SimulatorOptions options = simulation(broker.url(), "crash").count(4_000).rate(1_000).build();

    CompletableFuture<SimulationReport> publishing =
        CompletableFuture.supplyAsync(() -> Simulator.run(options));
    for (int crash = 1; crash <= 3; crash++) {
      TelematicsSystem.sleep(Duration.ofMillis(1_200));
      ingester.crashForTesting();
      TelematicsSystem.sleep(Duration.ofMillis(200));
      ingester = system.startIngester(config);
    }
    SimulationReport sent = publishing.get(2, TimeUnit.MINUTES);

    system.assertRecordedExactly(sent, options.prefix());
    assertThat(sent.messages()).isEqualTo(4_000);
  }

  /**
   * The broker restarts while the simulator publishes, and the core goes down before the ingester
   * is back, so the backlog the broker kept meets a core that does not answer; then the core comes
   * back on the same port. Nobody tells the ingester anything.
   */
  @Test
  void aBrokerRestartAndACoreOutageMidStreamLoseNothing() throws Exception {
    BrokerProcess broker = system.privateBroker();
    TelematicsIngester ingester = system.startIngester(ingester(broker.url(), "outage", "a"));
    SimulatorOptions options =
        simulation(broker.url(), "outage")
            .count(4_000)
            .rate(400)
            .format(PayloadFormat.PROTOBUF)
            .build();

    CompletableFuture<SimulationReport> publishing =
        CompletableFuture.supplyAsync(() -> Simulator.run(options));
    // Early, so that the simulator (10 s of publishing) is cut off too.
    TelematicsSystem.await("first deliveries", () -> ingester.metrics().received() >= 100);
    logger.info("Restarting the broker");
    broker.restart();
    logger.info("Broker back; stopping the core");
    system.stopCore();
    long receivedBefore = ingester.metrics().received();
    TelematicsSystem.await(
        "the ingester to reconnect and fail to reach the core",
        () ->
            ingester.metrics().received() > receivedBefore && ingester.metrics().failedCalls() > 0);
    TelematicsSystem.sleep(Duration.ofSeconds(2));
    logger.info("Starting the core again");
    system.startCore();
    SimulationReport sent = publishing.get(2, TimeUnit.MINUTES);

    system.assertRecordedExactly(sent, options.prefix());
    assertThat(sent.connectionLosses()).isPositive();
    assertThat(ingester.metrics().lag()).isZero();
  }

  /**
   * HiveMQ CE does not spread a shared subscription evenly: one member often takes everything for a
   * while (see docs/telematics.md). So that each replica is sure to take a share on any broker, the
   * busier one is restarted midway, as in a rolling deployment, and the other takes over.
   */
  @Test
  void twoIngestersOnOneSharedSubscriptionEachTakeAShareAndTotalsStayExact() throws Exception {
    BrokerProcess broker = system.privateBroker();
    IngesterConfig configA = ingester(broker.url(), "share", "a");
    IngesterConfig configB = ingester(broker.url(), "share", "b");
    List<TelematicsIngester> replicaA = new ArrayList<>(List.of(system.startIngester(configA)));
    List<TelematicsIngester> replicaB = new ArrayList<>(List.of(system.startIngester(configB)));
    SimulatorOptions options = simulation(broker.url(), "share").count(4_000).rate(1_000).build();

    CompletableFuture<SimulationReport> publishing =
        CompletableFuture.supplyAsync(() -> Simulator.run(options));
    TelematicsSystem.await(
        "a first thousand deliveries", () -> received(replicaA) + received(replicaB) >= 1_000);
    boolean aIsBusier = received(replicaA) >= received(replicaB);
    List<TelematicsIngester> busier = aIsBusier ? replicaA : replicaB;
    List<TelematicsIngester> other = aIsBusier ? replicaB : replicaA;
    busier.get(0).close();
    TelematicsSystem.await("the other replica to take over", () -> received(other) > 0);
    busier.add(system.startIngester(aIsBusier ? configA : configB));
    SimulationReport sent = publishing.get(2, TimeUnit.MINUTES);

    system.assertRecordedExactly(sent, options.prefix());
    assertThat(recorded(replicaA)).isPositive();
    assertThat(recorded(replicaB)).isPositive();
    assertThat(recorded(replicaA) + recorded(replicaB)).isEqualTo(sent.messages());
  }

  private static long received(List<TelematicsIngester> replica) {
    return replica.stream().mapToLong(i -> i.metrics().received()).sum();
  }

  private static long recorded(List<TelematicsIngester> replica) {
    return replica.stream().mapToLong(i -> i.metrics().recorded()).sum();
  }
}
