package dev.furrow.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker runs in this JVM here: this module's test classpath holds HiveMQ and Paho only, no
 * Armeria, so Netty 4.1 does not clash with anything.
 */
class EmbeddedBrokerTest {

  private static final String TOPIC = "furrow/test/telemetry";

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void offlinePersistentSubscriberGetsEveryQos1MessageBeyondHiveMqsDefaultQueueOf1000()
      throws Exception {
    int count = 5_000;
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.onPort(freePort()))) {
      assertThat(broker.url()).isEqualTo("tcp://127.0.0.1:" + broker.port());

      Set<String> received = ConcurrentHashMap.newKeySet();
      subscribeAndGoOffline(broker.url(), "ingest-offline", received);

      publish(broker.url(), count);

      MqttClient subscriber = reconnect(broker.url(), "ingest-offline", received);
      awaitSize(received, count, 20);
      subscriber.disconnect();
      subscriber.close();

      assertThat(received).hasSize(count);
      assertThat(received).contains("message-0", "message-" + (count - 1));
      assertThat(broker.droppedMessages()).isZero();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void messagesBeyondTheQueueLimitAreCountedAsDropped() throws Exception {
    try (EmbeddedBroker broker =
        EmbeddedBroker.start(BrokerOptions.onPort(freePort()).withMaxQueueSize(100))) {
      Set<String> received = ConcurrentHashMap.newKeySet();
      subscribeAndGoOffline(broker.url(), "ingest-small-queue", received);

      publish(broker.url(), 150);

      MqttClient subscriber = reconnect(broker.url(), "ingest-small-queue", received);
      awaitSize(received, 100, 10);
      Thread.sleep(500); // nothing beyond the limit may arrive late
      subscriber.disconnect();
      subscriber.close();

      assertThat(received).hasSize(100).contains("message-0", "message-99");
      assertThat(broker.droppedMessages()).isEqualTo(50);
    }
  }

  @Test
  void writtenConfigurationRaisesTheQueueLimit() throws Exception {
    Path dir = Files.createTempDirectory("furrow-broker-config-test");
    try {
      EmbeddedBroker.writeConfiguration(dir, BrokerOptions.onPort(2883));
      String config = Files.readString(dir.resolve("config.xml"));
      assertThat(config)
          .contains("<port>2883</port>")
          .contains("<bind-address>127.0.0.1</bind-address>")
          .contains("<max-queue-size>1000000</max-queue-size>")
          .doesNotContain("@");
      assertThat(dir.resolve("logback.xml")).exists();
    } finally {
      EmbeddedBroker.deleteQuietly(dir);
    }
  }

  @Test
  void mainArgumentsAreParsed() {
    EmbeddedBrokerMain.Arguments arguments =
        EmbeddedBrokerMain.Arguments.parse(
            new String[] {"--port", "1999", "--bind=0.0.0.0", "--data-dir", "/tmp/x"});
    assertThat(arguments.options.port()).isEqualTo(1999);
    assertThat(arguments.options.url()).isEqualTo("tcp://127.0.0.1:1999");
    assertThat(arguments.options.dataDir()).hasToString("/tmp/x");
    assertThat(arguments.options.maxQueueSize()).isEqualTo(1_000_000L);
    assertThat(arguments.ignoreStdin).isFalse();
  }

  /** A persistent session: stable client id, cleanStart=false, a session expiry above zero. */
  private static MqttConnectionOptions persistentSession() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    options.setAutomaticReconnect(false);
    return options;
  }

  private static void subscribeAndGoOffline(String url, String clientId, Set<String> received)
      throws MqttException {
    MqttClient subscriber = new MqttClient(url, clientId, new MemoryPersistence());
    subscriber.setCallback(new Collector(received));
    subscriber.connect(persistentSession());
    subscriber.subscribe(TOPIC, 1);
    subscriber.disconnect();
    subscriber.close();
  }

  private static MqttClient reconnect(String url, String clientId, Set<String> received)
      throws MqttException {
    MqttClient subscriber = new MqttClient(url, clientId, new MemoryPersistence());
    subscriber.setCallback(new Collector(received));
    subscriber.connect(persistentSession());
    return subscriber;
  }

  /** QoS 1 publishes with up to 500 awaiting their PUBACK, as a fast device gateway would. */
  private static void publish(String url, int count) throws MqttException {
    MqttAsyncClient publisher =
        new MqttAsyncClient(url, "tractor-publisher", new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    publisher.connect(options).waitForCompletion(10_000);
    Deque<IMqttToken> inFlight = new ArrayDeque<>();
    for (int i = 0; i < count; i++) {
      if (inFlight.size() >= 500) {
        inFlight.removeFirst().waitForCompletion(10_000);
      }
      MqttMessage message = new MqttMessage(("message-" + i).getBytes(StandardCharsets.UTF_8));
      message.setQos(1);
      inFlight.addLast(publisher.publish(TOPIC, message));
    }
    for (IMqttToken token : inFlight) {
      token.waitForCompletion(10_000);
    }
    publisher.disconnect().waitForCompletion(10_000);
    publisher.close();
  }

  private static void awaitSize(Set<String> received, int expected, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (received.size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private record Collector(Set<String> received) implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
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
