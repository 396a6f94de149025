package dev.furrow.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.ListRejectedUsageRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.RejectedUsage;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.testing.TestDatabases;
import dev.furrow.testing.TestMqttBroker;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real core (in-process, over a fresh database) and a real broker: deliveries the core rejects
 * reach the dead-letter topic exactly as they were sent, with the reason, before they are
 * acknowledged, and the good deliveries around them are recorded as usual.
 */
class DeadLetterIntegrationTest {
  private static final String MQTT_URL = TestMqttBroker.url();
  private static final String TOKEN = "test-service-token-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Metadata.Key<String> SERVICE_TOKEN =
      Metadata.Key.of("x-furrow-service-token", Metadata.ASCII_STRING_MARSHALLER);

  private static TestDatabases.TestDatabase database;
  private static CoreServer core;
  private static ManagedChannel channel;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String tractorId = "DL-" + run;
  private final String topic = "furrow/v1/tractors/" + tractorId + "/usage";
  private final String deadLetterTopic = "furrow/v1/dead-letter/tractors/" + tractorId + "/usage";
  private final List<MqttMessage> deadLetters = new CopyOnWriteArrayList<>();
  private final List<String> deadLetterTopics = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private MqttAsyncClient publisher;
  private MqttAsyncClient fleetOwner;

  @BeforeAll
  static void startCore() {
    database = TestDatabases.create();
    String name = "core-" + UUID.randomUUID();
    core = CoreServer.startInProcess(CoreConfig.of(database.jdbcUrl(), TOKEN), name);
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterAll
  static void stopCore() {
    channel.shutdownNow();
    core.close();
    TestDatabases.drop(database);
  }

  @BeforeEach
  void connectClients() throws MqttException {
    long partnerId =
        operator(PartnerAdminServiceGrpc.newBlockingStub(channel))
            .createPartner(CreatePartnerRequest.newBuilder().setName("fleet-" + run).build())
            .getId();
    operator(TractorAdminServiceGrpc.newBlockingStub(channel))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractorId)
                .setPartnerId(partnerId)
                .build());

    fleetOwner = new MqttAsyncClient(MQTT_URL, "test-fleet-" + run, new MemoryPersistence());
    fleetOwner.setCallback(new Collector());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    fleetOwner.connect(options).waitForCompletion(5_000);
    IMqttToken subscribed = fleetOwner.subscribe("furrow/v1/dead-letter/tractors/+/usage", 1);
    subscribed.waitForCompletion(5_000);
    assertThat(subscribed.getReasonCodes()).containsExactly(1);

    publisher = new MqttAsyncClient(MQTT_URL, "test-publisher-" + run, new MemoryPersistence());
    publisher.connect(options).waitForCompletion(5_000);
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    for (MqttAsyncClient client : List.of(publisher, fleetOwner)) {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }
  }

  private IngesterConfig config() {
    return IngesterConfig.builder()
        .mqttUrl(MQTT_URL)
        .mqttClientId("test-ingester-" + run)
        .shareGroup("test-" + run)
        .serviceToken(TOKEN)
        .retryInitialBackoff(Duration.ofMillis(20))
        .retryMaxBackoff(Duration.ofMillis(200))
        .sessionExpiry(Duration.ofMinutes(2))
        .shutdownGracePeriod(Duration.ofSeconds(2))
        .build();
  }

  private TelematicsIngester start() {
    TelematicsIngester ingester = TelematicsIngester.start(config(), channel);
    toClose.add(ingester);
    return ingester;
  }

  @Test
  void rejectedDeliveriesReachTheDeadLetterTopicByteForByteAndTheStreamGoesOn() throws Exception {
    TelematicsIngester ingester = start();
    byte[] garbage = {'{', (byte) 0xff, (byte) 0xfe, 0, 'x'};
    byte[] negative = json("m-3", "-1.5").getBytes(UTF_8);
    byte[] yaml = "hectares: 2".getBytes(UTF_8);

    publish(json("m-1", "2.5").getBytes(UTF_8), null);
    publish(garbage, "application/json");
    publish(json("m-2", "0.0001").getBytes(UTF_8), null);
    publish(negative, null);
    publish(yaml, "application/yaml");
    publish(json("m-4", "1.25").getBytes(UTF_8), null);

    Eventually.await("three dead letters", WAIT, () -> deadLetters.size() >= 3);
    Eventually.await("all six acknowledged", WAIT, () -> ingester.metrics().acknowledged() >= 6);
    Map<String, RejectedUsage> kept =
        operator(TractorAdminServiceGrpc.newBlockingStub(channel))
            .listRejectedUsage(ListRejectedUsageRequest.getDefaultInstance())
            .getRejectedList()
            .stream()
            .filter(r -> r.getTopic().equals(topic))
            .collect(Collectors.toMap(r -> r.getRawPayload().toStringUtf8(), r -> r));
    assertThat(kept).hasSize(3);

    assertThat(deadLetterTopics).containsOnly(deadLetterTopic);
    assertThat(deadLetters).extracting(MqttMessage::getQos).containsOnly(1);
    assertThat(deadLetters.get(0).getPayload()).isEqualTo(garbage);
    assertThat(deadLetters.get(1).getPayload()).isEqualTo(negative);
    assertThat(deadLetters.get(2).getPayload()).isEqualTo(yaml);
    assertThat(properties(deadLetters.get(1)))
        .containsExactly(
            "reason=hectares: -1.5 (expected: >= 0)",
            "original_topic=" + topic,
            "content_type=",
            "rejected_usage_id=" + kept.get(new String(negative, UTF_8)).getId());
    assertThat(properties(deadLetters.get(2)))
        .containsExactly(
            "reason=content_type: unsupported (\"application/yaml\"; supported: application/json,"
                + " application/x-protobuf)",
            "original_topic=" + topic,
            "content_type=application/yaml",
            "rejected_usage_id=" + kept.get("hectares: 2").getId());
    assertThat(deadLetters.get(2).getProperties().getContentType()).isEqualTo("application/yaml");
    assertThat(properties(deadLetters.get(0)).get(0)).startsWith("reason=malformed JSON");

    // The good deliveries around the poison ones were recorded, in full.
    assertThat(recordedHectares()).isEqualTo("3.7501 3");
    assertThat(ingester.metrics().deadLettered()).isEqualTo(3);
    assertThat(ingester.metrics().deadLetterFailures()).isZero();
    assertThat(ingester.metrics().acknowledged()).isEqualTo(6);

    // Everything, poison included, was acknowledged: the same session gets nothing again.
    ingester.close();
    TelematicsIngester again = start();
    publish(json("m-5", "1").getBytes(UTF_8), null);
    Eventually.await("m-5 recorded", WAIT, () -> again.metrics().recorded() >= 1);
    Thread.sleep(500);
    assertThat(again.metrics().received()).isEqualTo(1);
    assertThat(deadLetters).hasSize(3);
  }

  private String recordedHectares() {
    return core.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT sum(hectares) || ' ' || count(*) FROM usage_event"
                            + " WHERE tractor_id = :t")
                    .bind("t", tractorId)
                    .mapTo(String.class)
                    .one());
  }

  private static List<String> properties(MqttMessage message) {
    return message.getProperties().getUserProperties().stream()
        .map(p -> p.getKey() + "=" + p.getValue())
        .toList();
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

  private static String json(String messageId, String hectares) {
    return "{\"schema_version\": 1, \"message_id\": \""
        + messageId
        + "\", \"window_start\": \"2026-11-20T08:00:00+01:00\","
        + " \"window_end\": \"2026-11-20T10:00:00+01:00\", \"hectares\": "
        + hectares
        + "}";
  }

  private static <S extends io.grpc.stub.AbstractStub<S>> S operator(S stub) {
    Metadata headers = new Metadata();
    headers.put(SERVICE_TOKEN, TOKEN);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private final class Collector implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      deadLetterTopics.add(topic);
      deadLetters.add(message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
