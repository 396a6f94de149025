package dev.furrow.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.Timestamps;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import dev.furrow.testing.TestMqttBroker;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the ingester against a real broker ({@code FURROW_TEST_MQTT_URL}, else an embedded HiveMQ
 * started by {@link TestMqttBroker}) with a fake core. Every test uses its own client ids, share
 * group and tractor id, so tests sharing the broker do not see each other's messages.
 */
class MqttIngestIntegrationTest {
  private static final String MQTT_URL = TestMqttBroker.url();
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension final FakeCore core = new FakeCore();

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tractorId = "T1-" + run;
  private final String topic = "furrow/v1/tractors/" + tractorId + "/usage";
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private MqttAsyncClient publisher;

  @BeforeEach
  void connectPublisher() throws MqttException {
    publisher = new MqttAsyncClient(MQTT_URL, "test-publisher-" + run, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    publisher.connect(options).waitForCompletion(5_000);
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    publisher.disconnect().waitForCompletion(5_000);
    publisher.close();
  }

  private IngesterConfig.Builder config(String clientId) {
    return IngesterConfig.builder()
        .mqttUrl(MQTT_URL)
        .mqttClientId("test-ingester-" + clientId + "-" + run)
        .shareGroup("test-" + run)
        .serviceToken("test-token")
        .retryInitialBackoff(Duration.ofMillis(20))
        .retryMaxBackoff(Duration.ofMillis(200))
        // Short, so that sessions left by tests do not pile up on a shared broker.
        .sessionExpiry(Duration.ofMinutes(2))
        .shutdownGracePeriod(Duration.ofSeconds(2));
  }

  private TelematicsIngester start(IngesterConfig config) {
    TelematicsIngester ingester = TelematicsIngester.start(config, core.channel());
    toClose.add(ingester);
    return ingester;
  }

  private void publish(byte[] payload, @Nullable String contentType) throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    if (contentType != null) {
      MqttProperties properties = new MqttProperties();
      properties.setContentType(contentType);
      message.setProperties(properties);
    }
    publisher.publish(topic, message).waitForCompletion(5_000);
  }

  private void publishJson(String messageId, String hectares) throws MqttException {
    publish(json(messageId, hectares).getBytes(UTF_8), null);
  }

  private static String json(String messageId, String hectares) {
    return "{\"schema_version\": 1, \"message_id\": \""
        + messageId
        + "\", \"window_start\": \"2026-11-20T08:00:00+01:00\","
        + " \"window_end\": \"2026-11-20T10:00:00+01:00\", \"hectares\": "
        + hectares
        + "}";
  }

  private List<String> committedMessageIds() {
    return core.service().committedFor(tractorId).stream()
        .map(s -> s.getReport().getMessageId())
        .toList();
  }

  private void awaitCommitted(int count) {
    Eventually.await(
        count + " committed submissions for " + tractorId,
        WAIT,
        () -> core.service().committedFor(tractorId).size() >= count);
  }

  @Test
  void recordsEachPublishedDeliveryOnceWithExactlyWhatWasSent() throws MqttException {
    start(config("a").build());
    UsageReport protobufReport =
        UsageReport.newBuilder()
            .setSchemaVersion(1)
            .setMessageId("m-4")
            .setWindowStart(Timestamps.parseUnchecked("2026-11-20T07:00:00Z"))
            .setWindowEnd(Timestamps.parseUnchecked("2026-11-20T09:00:00Z"))
            .setHectares("3.75")
            .build();

    publishJson("m-1", "2.5");
    publishJson("m-2", "\"0.1\"");
    publishJson("m-3", "\"abc\"");
    publish(protobufReport.toByteArray(), "application/x-protobuf");

    awaitCommitted(4);
    List<UsageSubmission> committed = core.service().committedFor(tractorId);
    assertThat(committed).hasSize(4);
    assertThat(committed.get(0).getReport().getMessageId()).isEqualTo("m-1");
    assertThat(committed.get(0).getReport().getTractorId()).isEqualTo(tractorId);
    assertThat(committed.get(0).getReport().getHectares()).isEqualTo("2.5");
    assertThat(committed.get(0).getRawPayload().toStringUtf8()).isEqualTo(json("m-1", "2.5"));
    assertThat(committed.get(1).getReport().getHectares()).isEqualTo("0.1");
    assertThat(committed.get(2).getParseError())
        .isEqualTo("hectares: not a decimal number (\"abc\")");
    assertThat(committed.get(2).getRawPayload().toStringUtf8()).isEqualTo(json("m-3", "\"abc\""));
    assertThat(committed.get(3).getContentType()).isEqualTo("application/x-protobuf");
    assertThat(committed.get(3).getReport())
        .isEqualTo(protobufReport.toBuilder().setTractorId(tractorId).build());
    assertThat(committed).allSatisfy(s -> assertThat(s.getTopic()).isEqualTo(topic));
    assertThat(core.serviceTokens()).isNotEmpty().containsOnly("test-token");
  }

  @Test
  void recordsEveryMessageOnceAfterTheCoreComesBackAndAcknowledgesThem() throws Exception {
    core.service().failNextCalls(3, Status.UNAVAILABLE.withDescription("core restarting"));
    TelematicsIngester first = start(config("a").build());

    for (int i = 1; i <= 5; i++) {
      publishJson("m-" + i, "1." + i);
    }

    awaitCommitted(5);
    assertThat(committedMessageIds()).containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
    assertThat(first.metrics().failedCalls()).isGreaterThanOrEqualTo(3);

    // Everything was acknowledged: an ingester resuming the same session gets nothing again.
    first.close();
    int receivedBefore = core.service().receivedFor(tractorId).size();
    start(config("a").build());
    Thread.sleep(1_000);
    assertThat(core.service().receivedFor(tractorId)).hasSize(receivedBefore);
    assertThat(committedMessageIds()).containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
  }

  @Test
  void aRestartedIngesterWithTheSameClientIdGetsWhatWasNeverAcknowledged() throws Exception {
    core.service().stopAnswering();
    TelematicsIngester first =
        start(config("a").shutdownGracePeriod(Duration.ofMillis(300)).build());

    for (int i = 1; i <= 3; i++) {
      publishJson("m-" + i, "2");
    }
    // Mosquitto sends all three at once; HiveMQ CE sends a shared subscription member nothing more
    // until it acknowledges what it has, so the other two may still wait in the broker.
    Eventually.await(
        "the unanswered call", WAIT, () -> !core.service().receivedFor(tractorId).isEmpty());
    first.close();
    assertThat(first.metrics().acknowledged()).isZero();

    core.service().resumeAnswering();
    TelematicsIngester second = start(config("a").build());

    awaitCommitted(3);
    assertThat(committedMessageIds()).containsExactly("m-1", "m-2", "m-3");
    assertThat(second.metrics().received()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void ingestersInOneShareGroupEachGetADifferentPartOfTheMessages() throws MqttException {
    TelematicsIngester first = start(config("a").build());
    TelematicsIngester second = start(config("b").build());

    List<String> sent = IntStream.rangeClosed(1, 20).mapToObj(i -> "m-" + i).toList();
    for (String messageId : sent.subList(0, 10)) {
      publishJson(messageId, "1");
    }
    Eventually.await(
        "the first ten acknowledged",
        WAIT,
        () -> first.metrics().acknowledged() + second.metrics().acknowledged() >= 10);
    // Mosquitto takes turns, but HiveMQ CE may hand a whole group's queue to one member. Then the
    // busy one is restarted, as in a rolling deployment, and the other takes over meanwhile (on
    // Mosquitto the absent member's turn waits for it, hence the restart).
    TelematicsIngester busy = null;
    if (first.metrics().received() == 0 || second.metrics().received() == 0) {
      busy = first.metrics().received() == 0 ? second : first;
      busy.close();
    }
    for (String messageId : sent.subList(10, 20)) {
      publishJson(messageId, "1");
    }
    if (busy != null) {
      start(config(busy == first ? "a" : "b").build());
    }

    awaitCommitted(20);
    assertThat(committedMessageIds()).containsExactlyInAnyOrderElementsOf(sent);
    Eventually.await(
        "both ingesters to have recorded some",
        WAIT,
        () -> first.metrics().recorded() > 0 && second.metrics().recorded() > 0);
  }

  @Test
  void startFailsNamingTheBrokerWhenItCannotBeReached() {
    IngesterConfig config = config("a").mqttUrl("tcp://127.0.0.1:1").build();

    assertThatThrownBy(() -> TelematicsIngester.start(config, core.channel()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "could not subscribe to $share/test-"
                + run
                + "/furrow/v1/tractors/+/usage at"
                + " tcp://127.0.0.1:1 as test-ingester-a-"
                + run
                + ": ");
  }

  @Test
  void closingEndsEveryThreadTheIngesterStarted() throws MqttException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    TelematicsIngester ingester = start(config("a").build());
    publishJson("m-1", "1");
    awaitCommitted(1);

    ingester.close();

    Eventually.await(
        "the ingester's threads to end",
        WAIT,
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .allMatch(before::contains));
  }

  @Test
  void reconnectsAndResubscribesAfterTheConnectionIsCut() throws Exception {
    TcpProxy proxy = new TcpProxy(MQTT_URL);
    toClose.add(proxy);
    start(config("a").mqttUrl(proxy.url()).build());
    publishJson("m-1", "1");
    awaitCommitted(1);

    proxy.cutConnections(); // likely before the acknowledgement of m-1 went out
    publishJson("m-2", "1");
    publishJson("m-3", "1");

    // A connect wedged inside Paho is only given up after its 10 s timeout.
    Eventually.await(
        "m-1 to m-3 recorded",
        Duration.ofSeconds(30),
        () -> core.service().recordedFor(tractorId).size() >= 3);
    assertThat(core.service().recordedFor(tractorId).stream().map(UsageReport::getMessageId))
        .containsExactly("m-1", "m-2", "m-3");
    // Whatever was redelivered came back as a duplicate of what had been recorded.
    assertThat(committedMessageIds()).containsOnly("m-1", "m-2", "m-3");
  }
}
