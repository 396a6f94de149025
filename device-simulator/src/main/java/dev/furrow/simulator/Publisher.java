package dev.furrow.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The one class that touches the Eclipse Paho MQTT v5 client. It publishes at QoS 1 over one
 * connection and sees to it that every message is eventually confirmed by a PUBACK, as a device
 * with a store-and-forward buffer does.
 *
 * <ul>
 *   <li>At most a window of publishes awaits its PUBACK: the smaller of {@code --max-in-flight} and
 *       the receive maximum the broker announced in its CONNACK. Paho refuses a publish beyond the
 *       broker's receive maximum with "Too many publishes in progress" (it frees a slot slightly
 *       after calling back); that publish is retried after a short wait, never dropped.
 *   <li>A lost connection is not resumed: the Paho client is thrown away with its threads and a
 *       fresh one connects with a clean start (Paho's automatic reconnect leaks threads). What was
 *       in flight on the lost connection is published again; the broker may then hold two copies,
 *       which the core counts once because the message id is the same.
 *   <li>A PUBACK with a failure reason code (0x80 and above) counts as not confirmed: the message
 *       is published again. Reason code 0x10 (no matching subscribers) is a confirmation, counted
 *       apart, because the broker discarded the message.
 * </ul>
 */
final class Publisher implements AutoCloseable {
  private static final int QOS = 1;
  private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
  private static final int FIRST_FAILURE_REASON = 0x80;
  private static final long OPERATION_TIMEOUT_MILLIS = 10_000;
  private static final long DISCONNECT_QUIESCE_MILLIS = 1_000;
  private static final int KEEP_ALIVE_SECONDS = 30;
  private static final int PAHO_THREADS = 6;
  private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(100);
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(20);
  private static final long WINDOW_POLL_MILLIS = 50;

  /** Why a message is published. */
  enum Kind {
    FIRST,
    RETRY,
    RESEND
  }

  private final SimulatorOptions options;
  private final Tally tally;
  private final PrintStream log;
  private final PublishListener listener;
  private final Queue<UsageMessage> toResend = new ConcurrentLinkedQueue<>();
  private final ThreadFactory threadFactory = new DaemonThreads("furrow-sim-mqtt");
  private volatile Connection current;

  /** When the last PUBACK arrived, or a publish was sent while none was awaited. */
  private volatile long lastProgressNanos = System.nanoTime();

  /**
   * @param log where connection losses are reported, or null for silence
   */
  Publisher(SimulatorOptions options, Tally tally, PrintStream log, PublishListener listener) {
    this.listener = listener;
    this.options = options;
    this.tally = tally;
    this.log = log;
  }

  /**
   * Opens the first connection.
   *
   * @throws IllegalStateException if the broker cannot be reached or refuses the connection
   */
  void connect() {
    try {
      current = open();
    } catch (MqttException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to " + options.url() + " as " + options.clientId() + ": " + e, e);
    }
  }

  /** Publishes one copy of a message, first publishing again what a lost connection took. */
  void publish(UsageMessage message, Kind kind) throws GaveUpException, InterruptedException {
    resendLost();
    send(message, kind);
  }

  /**
   * Publishes again whatever a lost connection took until every message is confirmed, or the
   * timeout passes.
   *
   * @return true when every message created so far is confirmed
   */
  boolean awaitConfirmed(Duration timeout) throws GaveUpException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (tally.unconfirmed() > 0) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      resendLost();
      checkStalled(connected());
      Thread.sleep(5);
    }
    return true;
  }

  /** Publishes awaiting their PUBACK on the current connection. */
  int inFlight() {
    Connection connection = current;
    return connection == null ? 0 : connection.attempts.size();
  }

  /** Disconnects cleanly, letting PUBACKs under way arrive first, and ends Paho's threads. */
  @Override
  public void close() {
    Connection connection = current;
    if (connection == null) {
      return;
    }
    try {
      if (connection.client.isConnected()) {
        connection
            .client
            .disconnect(DISCONNECT_QUIESCE_MILLIS)
            .waitForCompletion(OPERATION_TIMEOUT_MILLIS);
      }
    } catch (MqttException e) {
      say("Disconnecting failed: " + e);
    }
    discard(connection);
  }

  private void resendLost() throws GaveUpException, InterruptedException {
    UsageMessage lost;
    while ((lost = toResend.poll()) != null) {
      if (!lost.isConfirmed()) {
        send(lost, Kind.RESEND);
      }
    }
  }

  private void send(UsageMessage message, Kind kind) throws GaveUpException, InterruptedException {
    while (true) {
      Connection connection = connected();
      if (!connection.window.tryAcquire(WINDOW_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        checkStalled(connection);
        continue;
      }
      Attempt attempt = new Attempt(message, connection);
      if (connection.attempts.isEmpty()) {
        lastProgressNanos = System.nanoTime(); // a stall counts from the first publish awaiting
      }
      connection.attempts.add(attempt);
      if (connection.lost) {
        attempt.finish(); // the loss may have been handled before it was added
        continue;
      }
      long publishedAt = kind == Kind.FIRST ? epochMicros() : 0;
      try {
        connection.client.publish(message.topic(), mqttMessage(message), null, attempt);
      } catch (MqttException e) {
        attempt.finish(); // nothing went out; published again right here
        if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
          tally.windowWaits.increment();
          Thread.sleep(1);
        } else {
          connection.markLost("publishing failed: " + e);
        }
        continue;
      }
      tally.published.increment();
      switch (kind) {
        case RETRY -> tally.retries.increment();
        case RESEND -> tally.resends.increment();
        case FIRST ->
            listener.firstPublished(message.tractorId(), message.messageId(), publishedAt);
      }
      return;
    }
  }

  private static long epochMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  private MqttMessage mqttMessage(UsageMessage message) {
    MqttMessage mqtt = new MqttMessage(message.payload());
    mqtt.setQos(QOS);
    String contentType = options.format().contentType();
    if (contentType != null) {
      MqttProperties properties = new MqttProperties();
      properties.setContentType(contentType);
      mqtt.setProperties(properties);
    }
    return mqtt;
  }

  /** Treats a connection whose PUBACKs stopped coming as lost, so its messages go out again. */
  private void checkStalled(Connection connection) {
    if (!connection.attempts.isEmpty()
        && System.nanoTime() - lastProgressNanos > STALL_TIMEOUT.toNanos()) {
      connection.markLost("no PUBACK for " + STALL_TIMEOUT.toSeconds() + " s");
    }
  }

  /** The current connection, after replacing it if it was lost. */
  private Connection connected() throws GaveUpException, InterruptedException {
    Connection connection = current;
    if (!connection.lost) {
      return connection;
    }
    tally.connectionLosses.increment();
    connection.markLost("replaced");
    discard(connection);
    long giveUpAt = System.nanoTime() + options.drainTimeout().toNanos();
    long delayMillis = MIN_RECONNECT_DELAY.toMillis();
    Exception last = null;
    while (System.nanoTime() - giveUpAt < 0) {
      Thread.sleep(delayMillis);
      try {
        current = open();
        lastProgressNanos = System.nanoTime();
        say("Reconnected to " + options.url());
        return current;
      } catch (MqttException | RuntimeException e) {
        last = e;
        delayMillis = Math.min(delayMillis * 2, MAX_RECONNECT_DELAY.toMillis());
      }
    }
    throw new GaveUpException(
        "lost the connection to "
            + options.url()
            + " and could not reconnect within "
            + options.drainTimeout().toSeconds()
            + " s"
            + (last == null ? "" : " (" + last.getMessage() + ")"));
  }

  private Connection open() throws MqttException {
    ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(PAHO_THREADS);
    threads.setThreadFactory(threadFactory);
    MqttAsyncClient client;
    try {
      client =
          new MqttAsyncClient(
              options.url(), options.clientId(), new MemoryPersistence(), null, threads);
    } catch (MqttException | RuntimeException e) {
      threads.shutdownNow();
      throw e;
    }
    Connection connection = new Connection(client, threads);
    client.setCallback(connection);
    MqttConnectionOptions connect = new MqttConnectionOptions();
    connect.setCleanStart(true);
    connect.setAutomaticReconnect(false);
    connect.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
    connect.setConnectionTimeout((int) (OPERATION_TIMEOUT_MILLIS / 1000));
    try {
      IMqttToken connected = client.connect(connect);
      connected.waitForCompletion(OPERATION_TIMEOUT_MILLIS);
      MqttProperties properties = connected.getResponseProperties();
      Integer brokerMaximum = properties == null ? null : properties.getReceiveMaximum();
      int window =
          brokerMaximum == null || brokerMaximum < 1
              ? options.maxInFlight()
              : Math.min(options.maxInFlight(), brokerMaximum);
      connection.window.release(window);
      return connection;
    } catch (MqttException | RuntimeException e) {
      discard(connection);
      throw e;
    }
  }

  /** Ends a client for good, whatever state it is in. */
  private static void discard(Connection connection) {
    try {
      connection.client.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      // already disconnected
    }
    try {
      connection.client.close(true);
    } catch (MqttException e) {
      // closed anyway
    }
    connection.threads.shutdownNow();
  }

  private void say(String line) {
    if (log != null) {
      log.println(line);
    }
  }

  /** One Paho client, its threads, its publish window and the publishes awaiting a PUBACK. */
  private final class Connection implements MqttCallback {
    final MqttAsyncClient client;
    final ScheduledThreadPoolExecutor threads;
    final Semaphore window = new Semaphore(0);
    final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
    volatile boolean lost;

    Connection(MqttAsyncClient client, ScheduledThreadPoolExecutor threads) {
      this.client = client;
      this.threads = threads;
    }

    /** Gives up on every publish awaiting its PUBACK here: they are published again. */
    void markLost(String why) {
      if (!lost) {
        lost = true;
        say("Connection to " + options.url() + " lost (" + why + "); reconnecting");
      }
      for (Attempt attempt : attempts) {
        attempt.fail();
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      markLost(String.valueOf(response));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      say("MQTT error: " + exception);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }

  /** One copy of a message handed to Paho, finished once: confirmed, failed or given up. */
  private final class Attempt implements MqttActionListener {
    private final UsageMessage message;
    private final Connection connection;
    private final AtomicBoolean finished = new AtomicBoolean();

    Attempt(UsageMessage message, Connection connection) {
      this.message = message;
      this.connection = connection;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      int[] reasonCodes = token.getReasonCodes();
      int reason = reasonCodes == null || reasonCodes.length == 0 ? 0 : reasonCodes[0];
      if (reason >= FIRST_FAILURE_REASON) {
        tally.refused.increment();
        fail();
        return;
      }
      lastProgressNanos = System.nanoTime();
      tally.acknowledged.increment();
      finish();
      // A PUBACK that arrives after its connection was given up still confirms the message.
      if (message.confirm()) {
        if (reason == NO_MATCHING_SUBSCRIBERS) {
          tally.noSubscribers.increment();
        }
        tally.onConfirmed(message);
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
      fail();
    }

    /** Finishes the attempt and queues the message to be published again unless confirmed. */
    void fail() {
      if (finish() && !message.isConfirmed()) {
        toResend.add(message);
      }
    }

    /** Frees the window slot once; true for the call that did. */
    boolean finish() {
      if (!finished.compareAndSet(false, true)) {
        return false;
      }
      connection.attempts.remove(this);
      connection.window.release();
      return true;
    }
  }
}
