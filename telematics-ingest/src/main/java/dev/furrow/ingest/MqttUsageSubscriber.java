package dev.furrow.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that touches the Eclipse Paho MQTT v5 client, so that its workarounds live in one
 * place. It takes usage deliveries from a shared subscription at QoS 1 and acknowledges each one
 * only when told to, after the core recorded it. It also republishes the deliveries the core
 * rejected on their dead-letter topics ({@link #publishDeadLetters}).
 *
 * <ul>
 *   <li>A stable client id, {@code cleanStart=false} and a session expiry above zero make the
 *       broker keep unacknowledged deliveries across reconnects and restarts and redeliver them
 *       (Paho sends no session expiry by default, which means the session dies with the
 *       connection).
 *   <li>Deliveries are handled in the global {@link MqttCallback#messageArrived}: Paho never calls
 *       per-subscription listeners for {@code $share/...} subscriptions.
 *   <li>Manual acknowledgements: the PUBACK goes out through {@code messageArrivedComplete} once
 *       the delivery is recorded. That works for QoS 1 only (Paho's QoS 2 path is broken), so the
 *       subscription is QoS 1.
 *   <li>The receive maximum sent on CONNECT bounds how many unacknowledged deliveries the broker
 *       sends before waiting for acknowledgements.
 *   <li>An acknowledgement is sent only on the connection its delivery arrived on. MQTT packet ids
 *       are per session and reused: after a reconnect the broker redelivers what was not
 *       acknowledged, and a late PUBACK with an old id could acknowledge a different, newer message
 *       that has not been recorded. Skipped acknowledgements are harmless: the redelivered copy is
 *       recorded as a duplicate and acknowledged then.
 *   <li>An acknowledgement is only handed to Paho while it is connected. A PUBACK queued while Paho
 *       is disconnected wedges its next connect: the new sender thread finds the stale PUBACK,
 *       stops at once, and the connect waits forever for it to run ("Connect already in progress"
 *       from then on). As that check can still race with a connection dropping, a connect that
 *       times out or reports itself in progress replaces the Paho client with a fresh one.
 *   <li>Reconnecting is done here rather than by Paho's automatic reconnect, whose timer thread
 *       outlives a client closed while reconnecting, and which could not replace a wedged client.
 *       (Re)connecting and subscribing run on a thread of our own: subscribing from inside Paho's
 *       {@code connectComplete} callback can deadlock, because the SUBACK is completed on that same
 *       callback thread.
 * </ul>
 *
 * <p>What production needs from the broker and the deployment:
 *
 * <ul>
 *   <li>Mosquitto and HiveMQ silently drop QoS 1 messages queued for a subscriber beyond a limit
 *       (Mosquitto {@code max_queued_messages}, default 1000; HiveMQ {@code max-queue-size},
 *       default 1000). Raise it well above the backlog an outage of the core can build up, or
 *       messages are lost without a trace.
 *   <li>Mosquitto (2.0.11, checked) gives a share group member its turn even while it is offline:
 *       its share waits in its session until the same client id comes back, and is lost if the
 *       session expires first. Give every replica a stable client id that does come back (a
 *       StatefulSet ordinal, say) and a session expiry longer than any outage. The subscription is
 *       deliberately kept on close: were it dropped, a group whose only member is restarting would
 *       have no subscriber, and the broker would discard what devices publish meanwhile.
 *   <li>HiveMQ CE (2025.5, checked) sends a client at most 50 unacknowledged messages whatever its
 *       receive maximum, and a shared-subscription member nothing at all while it has any in
 *       flight: batches there hold at most 50 and come in rounds. It also does not spread a shared
 *       subscription evenly: one member may take everything while another idles (see
 *       docs/telematics.md).
 * </ul>
 */
final class MqttUsageSubscriber implements AutoCloseable {
  /** The topic filter devices publish under; the tractor id is the {@code +} level. */
  static final String TOPIC_FILTER = "furrow/v1/tractors/+/usage";

  private static final int QOS = 1;
  private static final long OPERATION_TIMEOUT_MILLIS = 10_000;
  private static final long DISCONNECT_QUIESCE_MILLIS = 2_000;
  private static final int KEEP_ALIVE_SECONDS = 30;
  private static final int PAHO_THREADS = 10;
  private static final Duration MIN_RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
  private static final Logger logger = LoggerFactory.getLogger(MqttUsageSubscriber.class);

  /** Receives each delivery; must return quickly, as Paho calls it on its only callback thread. */
  @FunctionalInterface
  interface DeliveryHandler {
    void onDelivery(
        String topic, byte[] payload, @Nullable String contentType, Acknowledgement ack);
  }

  /** One Paho client and the threads it runs on, so both can be thrown away together. */
  private record Paho(MqttAsyncClient client, ScheduledThreadPoolExecutor threads) {}

  private final String serverUrl;
  private final String clientId;
  private final String subscriptionFilter;
  private final DeliveryHandler handler;
  private final MqttConnectionOptions options;
  private final ScheduledExecutorService reconnector;
  private final AtomicBoolean reconnecting = new AtomicBoolean();
  private final Object ackLock = new Object();

  /**
   * Counts lost connections and replaced clients, so an acknowledgement can tell whether the
   * connection its delivery came on still holds.
   */
  private int connection; // guarded by ackLock

  private volatile Paho paho;
  private volatile boolean taking = true;
  private volatile boolean closed;

  /**
   * Connects, subscribes and returns once the broker granted the subscription.
   *
   * @throws IllegalStateException if the broker cannot be reached or refuses the subscription
   * @throws IllegalArgumentException if the broker URL is not one
   */
  static MqttUsageSubscriber connect(IngesterConfig config, DeliveryHandler handler) {
    MqttUsageSubscriber subscriber = new MqttUsageSubscriber(config, handler);
    try {
      subscriber.connectAndSubscribe();
    } catch (MqttException | RuntimeException e) {
      subscriber.close();
      throw new IllegalStateException(
          "could not subscribe to "
              + config.subscriptionFilter()
              + " at "
              + config.mqttUrl()
              + " as "
              + config.mqttClientId()
              + ": "
              + e.getMessage(),
          e);
    }
    return subscriber;
  }

  private MqttUsageSubscriber(IngesterConfig config, DeliveryHandler handler) {
    this.serverUrl = config.mqttUrl();
    this.clientId = config.mqttClientId();
    this.subscriptionFilter = config.subscriptionFilter();
    this.handler = requireNonNull(handler, "handler");
    this.options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
    options.setReceiveMaximum(config.receiveMaximum());
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
    options.setConnectionTimeout((int) (OPERATION_TIMEOUT_MILLIS / 1000));
    this.paho = newPaho();
    this.reconnector =
        new ScheduledThreadPoolExecutor(1, NamedThreads.daemon("furrow-mqtt-reconnect"));
  }

  private Paho newPaho() {
    // Paho's threads run in a pool of our own, so that closing can end every one of them.
    ScheduledThreadPoolExecutor threads =
        new ScheduledThreadPoolExecutor(PAHO_THREADS, NamedThreads.daemon("furrow-mqtt"));
    MqttAsyncClient client;
    try {
      client = new MqttAsyncClient(serverUrl, clientId, new MemoryPersistence(), null, threads);
    } catch (MqttException | RuntimeException e) {
      threads.shutdownNow();
      throw new IllegalArgumentException("mqttUrl: " + serverUrl + " (" + e.getMessage() + ")", e);
    }
    client.setManualAcks(true);
    client.setCallback(new Callback(client));
    return new Paho(client, threads);
  }

  /** Stops handing deliveries on; those arriving from now on stay unacknowledged. */
  void stopTakingMessages() {
    taking = false;
  }

  /**
   * Disconnects, letting acknowledgements already given go out first, and ends Paho's threads. The
   * broker keeps the session, so unacknowledged deliveries reach the next ingester with this id.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    taking = false;
    reconnector.shutdownNow();
    try {
      reconnector.awaitTermination(OPERATION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Paho last = paho;
    try {
      if (last.client().isConnected()) {
        last.client()
            .disconnect(DISCONNECT_QUIESCE_MILLIS)
            .waitForCompletion(OPERATION_TIMEOUT_MILLIS);
      }
    } catch (MqttException e) {
      logger.warn("Disconnecting from the MQTT broker failed: {}", e.toString());
    }
    discard(last);
  }

  /**
   * Drops the connection at once, as a crash would: no DISCONNECT packet, no acknowledgement from
   * now on (one already handed to Paho may still go out), no reconnecting. The broker keeps the
   * session and redelivers whatever was not acknowledged.
   */
  void crash() {
    if (closed) {
      return;
    }
    closed = true;
    taking = false;
    synchronized (ackLock) {
      connection++; // acknowledgements of earlier deliveries are skipped from here on
    }
    reconnector.shutdownNow();
    discard(paho);
  }

  /** Ends a client for good, whatever state it is in. */
  private static void discard(Paho discarded) {
    try {
      discarded.client().disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      logger.debug("Forced disconnect: {}", e.toString());
    }
    try {
      discarded.client().close(true);
    } catch (MqttException e) {
      logger.debug("Closing the MQTT client: {}", e.toString());
    }
    discarded.threads().shutdownNow();
  }

  /** Blocks until connected (if needed) and subscribed; never call it on a Paho thread. */
  private void connectAndSubscribe() throws MqttException {
    MqttAsyncClient client = paho.client();
    boolean sessionPresent = false;
    if (!client.isConnected()) {
      try {
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(OPERATION_TIMEOUT_MILLIS);
        sessionPresent = connected.getSessionPresent();
      } catch (MqttException e) {
        if (mayBeWedged(e)) {
          replacePaho();
        }
        throw e;
      }
    }
    // Subscribing again on a resumed session is harmless, and needed when the session expired.
    IMqttToken subscribed = client.subscribe(new MqttSubscription(subscriptionFilter, QOS));
    subscribed.waitForCompletion(OPERATION_TIMEOUT_MILLIS);
    int[] reasonCodes = subscribed.getReasonCodes();
    int granted = reasonCodes == null || reasonCodes.length == 0 ? -1 : reasonCodes[0];
    if (granted != QOS) {
      throw new IllegalStateException(
          "the broker answered the subscription with reason code " + granted + " (expected: 1)");
    }
    logger.info(
        "Subscribed to {} at QoS {} as {} (session present: {})",
        subscriptionFilter,
        QOS,
        clientId,
        sessionPresent);
  }

  /**
   * Publishes each dead letter at QoS 1 on its topic, with the MQTT content type and the user
   * properties {@code reason}, {@code original_topic}, {@code content_type} and {@code
   * rejected_usage_id}, and waits at most {@code timeout} in all for the PUBACKs. Publishing is
   * asynchronous within Paho's in-flight window; when that is full ("too many publishes in
   * progress") it waits for the oldest outstanding publish and tries again. Never throws.
   *
   * @return how many the broker acknowledged without an error reason code
   */
  int publishDeadLetters(List<DeadLetter> letters, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ArrayDeque<IMqttToken> pending = new ArrayDeque<>();
    int confirmed = 0;
    int failed = 0;
    for (DeadLetter letter : letters) {
      IMqttToken token = null;
      while (token == null) {
        MqttAsyncClient client = paho.client();
        try {
          if (closed || !client.isConnected()) {
            break;
          }
          token = client.publish(letter.topic(), deadLetterMessage(letter));
        } catch (MqttException e) {
          if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
              || pending.isEmpty()
              || System.nanoTime() >= deadline) {
            logger.warn("Publishing a dead letter on {} failed: {}", letter.topic(), e.toString());
            break;
          }
          if (acknowledged(pending.removeFirst(), deadline)) {
            confirmed++;
          } else {
            failed++;
          }
        }
      }
      if (token == null) {
        failed++;
      } else {
        pending.addLast(token);
      }
    }
    while (!pending.isEmpty()) {
      if (acknowledged(pending.removeFirst(), deadline)) {
        confirmed++;
      } else {
        failed++;
      }
    }
    if (failed > 0) {
      logger.warn(
          "{} of {} dead letters were not confirmed by the broker; they are kept in rejected_usage",
          failed,
          letters.size());
    }
    return confirmed;
  }

  private static MqttMessage deadLetterMessage(DeadLetter letter) {
    MqttMessage message = new MqttMessage(letter.payload());
    message.setQos(QOS);
    message.setRetained(false);
    MqttProperties properties = new MqttProperties();
    if (!letter.contentType().isEmpty()) {
      properties.setContentType(letter.contentType());
    }
    List<UserProperty> user = new ArrayList<>(4);
    user.add(new UserProperty("reason", letter.reason()));
    user.add(new UserProperty("original_topic", letter.originalTopic()));
    user.add(new UserProperty("content_type", letter.contentType()));
    if (letter.rejectedUsageId() > 0) {
      user.add(new UserProperty("rejected_usage_id", Long.toString(letter.rejectedUsageId())));
    }
    properties.setUserProperties(user);
    message.setProperties(properties);
    return message;
  }

  /** Waits for a publish until the deadline; true when the broker acknowledged it without error. */
  private static boolean acknowledged(IMqttToken token, long deadline) {
    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    try {
      token.waitForCompletion(Math.max(1, remainingMillis));
    } catch (MqttException e) {
      logger.debug("Dead letter not confirmed: {}", e.toString());
      return false;
    }
    int[] codes = token.getReasonCodes();
    // 0x10 "no matching subscribers" is a success: nobody listens to that dead-letter topic now.
    return token.isComplete() && (codes == null || codes.length == 0 || codes[0] < 0x80);
  }

  private static boolean mayBeWedged(MqttException e) {
    int code = e.getReasonCode();
    return code == MqttClientException.REASON_CODE_CLIENT_TIMEOUT
        || code == MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS;
  }

  private void replacePaho() {
    if (closed) {
      return;
    }
    Paho wedged = paho;
    logger.warn("Replacing the MQTT client, whose connect did not complete");
    synchronized (ackLock) {
      connection++;
      paho = newPaho();
    }
    discard(wedged);
  }

  private void startReconnecting() {
    if (!closed && reconnecting.compareAndSet(false, true)) {
      Backoff backoff = new Backoff(MIN_RECONNECT_DELAY, MAX_RECONNECT_DELAY);
      scheduleReconnect(backoff, backoff.next());
    }
  }

  private void scheduleReconnect(Backoff backoff, Duration delay) {
    try {
      reconnector.schedule(() -> reconnect(backoff), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      reconnecting.set(false); // closing
    }
  }

  private void reconnect(Backoff backoff) {
    if (closed) {
      return;
    }
    try {
      connectAndSubscribe();
      logger.info("Reconnected to the MQTT broker");
    } catch (MqttException | RuntimeException e) {
      Duration delay = backoff.next();
      logger.warn(
          "Reconnecting to the MQTT broker failed ({}); next attempt in {} ms",
          e.getMessage(),
          delay.toMillis());
      scheduleReconnect(backoff, delay);
      return;
    }
    reconnecting.set(false);
    if (!paho.client().isConnected()) {
      startReconnecting(); // lost again before the flag was cleared
    }
  }

  private void acknowledge(
      MqttAsyncClient client, int messageId, int qos, int arrivedOnConnection) {
    synchronized (ackLock) {
      if (arrivedOnConnection != connection || !client.isConnected()) {
        logger.debug(
            "Not acknowledging message {} from a connection since lost; the broker redelivers it",
            messageId);
        return;
      }
      try {
        client.messageArrivedComplete(messageId, qos);
      } catch (MqttException e) {
        logger.warn("Acknowledging message {} failed: {}", messageId, e.toString());
      }
    }
  }

  private final class Callback implements MqttCallback {
    private final MqttAsyncClient client;

    Callback(MqttAsyncClient client) {
      this.client = client;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (!taking) {
        return; // left unacknowledged: the broker redelivers it
      }
      int arrivedOnConnection;
      synchronized (ackLock) {
        arrivedOnConnection = connection;
      }
      int messageId = message.getId();
      int qos = message.getQos();
      Acknowledgement ack =
          qos == 0
              ? Acknowledgement.NONE
              : () -> acknowledge(client, messageId, qos, arrivedOnConnection);
      MqttProperties properties = message.getProperties();
      String contentType = properties == null ? null : properties.getContentType();
      try {
        handler.onDelivery(topic, message.getPayload(), contentType, ack);
      } catch (RuntimeException e) {
        // Paho would swallow it silently; the delivery stays unacknowledged until the next session.
        logger.error("Handling a delivery on {} failed", topic, e);
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      synchronized (ackLock) {
        connection++;
      }
      if (!closed && client == paho.client()) {
        logger.warn("Lost the connection to the MQTT broker: {}", response);
        startReconnecting();
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      logger.warn("MQTT error: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
