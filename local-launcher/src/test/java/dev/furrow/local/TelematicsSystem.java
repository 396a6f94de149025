package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.ingest.IngesterConfig;
import dev.furrow.ingest.TelematicsIngester;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.simulator.SimulationReport;
import dev.furrow.testing.BrokerProcess;
import dev.furrow.testing.TestDatabases;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real core on a fresh database and a fixed port (so it can be stopped and started again behind
 * the ingesters' backs), the ingesters a test starts, a private broker when a test needs one, and
 * the usage the core recorded, read straight from PostgreSQL.
 */
final class TelematicsSystem implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  static final String TOKEN = "telematics-reliability-token-0123";

  /** How long the usage may take to arrive in the core once the simulator is done. */
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

  /** One tractor's usage: report count and exact hectares (4 decimals). */
  record Totals(long messages, BigDecimal hectares) {
    Totals {
      hectares = hectares.setScale(4);
    }
  }

  private TestDatabases.TestDatabase database;
  private volatile CoreServer core;
  private int corePort;
  private long partnerId;
  private BrokerProcess privateBroker;
  private final List<TelematicsIngester> ingesters = new ArrayList<>();
  private final List<String[]> sessions = new ArrayList<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabases.create();
    core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN));
    corePort = core.port();
    ManagedChannel channel = channel();
    try {
      partnerId =
          PartnerAdminServiceGrpc.newBlockingStub(channel)
              .withInterceptors(operator())
              .createPartner(CreatePartnerRequest.newBuilder().setName("Tractor Lender").build())
              .getId();
    } finally {
      channel.shutdownNow();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (TelematicsIngester ingester : ingesters) {
      ingester.close();
    }
    ingesters.clear();
    // The subscriptions are kept when an ingester closes; without this, every later test's
    // messages would also queue up for the share groups of the earlier ones.
    for (String[] session : sessions) {
      discardSession(session[0], session[1]);
    }
    sessions.clear();
    if (core == null) {
      startCore();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (privateBroker != null) {
        privateBroker.stop();
      }
      if (core != null) {
        core.close();
      }
    } finally {
      TestDatabases.drop(database);
    }
  }

  /** An embedded HiveMQ of this test class (raised queue limits), started on first use. */
  BrokerProcess privateBroker() {
    if (privateBroker == null) {
      privateBroker = dev.furrow.testing.TestMqttBroker.startPrivateBroker();
    }
    return privateBroker;
  }

  /** Registers the tractors for the test partner, as an operator does. */
  void registerTractors(List<String> tractorIds) {
    ManagedChannel channel = channel();
    try {
      var admin = TractorAdminServiceGrpc.newBlockingStub(channel).withInterceptors(operator());
      for (String tractorId : tractorIds) {
        admin.registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractorId)
                .setPartnerId(partnerId)
                .build());
      }
    } finally {
      channel.shutdownNow();
    }
  }

  /** Settings of an ingester calling this core, with quick retries. */
  IngesterConfig.Builder ingesterConfig(String mqttUrl, String clientId, String shareGroup) {
    return IngesterConfig.builder()
        .mqttUrl(mqttUrl)
        .mqttClientId(clientId)
        .shareGroup(shareGroup)
        .coreTarget("127.0.0.1:" + corePort)
        .serviceToken(TOKEN)
        .sessionExpiry(Duration.ofMinutes(5))
        .retryInitialBackoff(Duration.ofMillis(50))
        .retryMaxBackoff(Duration.ofSeconds(1))
        .coreCallTimeout(Duration.ofSeconds(10))
        .shutdownGracePeriod(Duration.ofSeconds(5));
  }

  /** Starts an ingester that is closed, and whose broker session is discarded, after the test. */
  TelematicsIngester startIngester(IngesterConfig config) {
    TelematicsIngester ingester = TelematicsIngester.start(config);
    ingesters.add(ingester);
    sessions.add(new String[] {config.mqttUrl(), config.mqttClientId()});
    return ingester;
  }

  /** Stops the core as an outage would; the database keeps everything. */
  void stopCore() {
    CoreServer stopping = core;
    core = null;
    stopping.close();
  }

  /** Starts a new core on the same port and database. */
  void startCore() {
    RuntimeException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN).withGrpcPort(corePort));
        return;
      } catch (RuntimeException e) { // the port may take a moment to be free again
        last = e;
        sleep(Duration.ofMillis(250));
      }
    }
    throw last;
  }

  /**
   * Waits until the usage recorded for the report's tractors equals, tractor by tractor, what the
   * simulator reports the broker confirmed, then checks it: nothing lost, nothing counted twice,
   * nothing rejected.
   */
  void assertRecordedExactly(SimulationReport report, String prefix) {
    assertThat(report.complete()).as(report.toText()).isTrue();
    Map<String, Totals> expected = new TreeMap<>();
    for (SimulationReport.TractorTotals tractor : report.tractors()) {
      if (tractor.messages() > 0) {
        expected.put(tractor.tractorId(), new Totals(tractor.messages(), tractor.hectares()));
      }
    }
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    Map<String, Totals> recorded = recorded(prefix);
    while (!recorded.equals(expected) && System.nanoTime() - deadline < 0) {
      sleep(Duration.ofMillis(250));
      recorded = recorded(prefix);
    }
    assertThat(recorded).isEqualTo(expected);
    assertThat(recorded.values().stream().mapToLong(Totals::messages).sum())
        .isEqualTo(report.messages());
    assertThat(recorded.values().stream().map(Totals::hectares).reduce(BigDecimal::add))
        .contains(report.hectares());
    assertThat(rejected(prefix)).isZero();
  }

  /** Usage recorded per tractor whose id starts with the prefix. */
  Map<String, Totals> recorded(String prefix) {
    Map<String, Totals> totals = new TreeMap<>();
    String sql =
        "SELECT tractor_id, count(*), sum(hectares) FROM usage_event"
            + " WHERE starts_with(tractor_id, ?) GROUP BY tractor_id";
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, prefix);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          totals.put(rows.getString(1), new Totals(rows.getLong(2), rows.getBigDecimal(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
    return totals;
  }

  /** Rejected deliveries of tractors whose id starts with the prefix. */
  long rejected(String prefix) {
    String sql = "SELECT count(*) FROM rejected_usage WHERE starts_with(topic, ?)";
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, "furrow/v1/tractors/" + prefix);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Ends a broker session (and its subscription) by connecting with a clean start. */
  private static void discardSession(String url, String clientId) {
    try {
      MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setSessionExpiryInterval(0L);
      options.setConnectionTimeout(5);
      client.connect(options);
      client.disconnect();
      client.close();
    } catch (MqttException e) {
      // the broker is gone (a private one stopped): so is the session
    }
  }

  private ManagedChannel channel() {
    return ManagedChannelBuilder.forTarget("127.0.0.1:" + corePort).usePlaintext().build();
  }

  private static io.grpc.ClientInterceptor operator() {
    Metadata headers = new Metadata();
    headers.put(Caller.SERVICE_TOKEN, TOKEN);
    return MetadataUtils.newAttachHeadersInterceptor(headers);
  }

  /** Waits up to {@link #SETTLE_TIMEOUT} for the condition, failing the test if it stays false. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + SETTLE_TIMEOUT + " waiting for " + what);
      }
      sleep(Duration.ofMillis(50));
    }
  }

  static void sleep(Duration duration) {
    try {
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
