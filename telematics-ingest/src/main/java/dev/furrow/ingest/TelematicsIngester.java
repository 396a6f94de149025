package dev.furrow.ingest;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ingester: takes tractor usage from the MQTT broker (the device contract is on {@link
 * UsagePayloadParser}) and records it in the core with {@code UsageIngestService.RecordUsage},
 * acknowledging each delivery to the broker only once the core has durably recorded it.
 *
 * <p>Delivery is at least once end to end and exactly once in effect: whatever is not acknowledged
 * (the core was down, the ingester stopped) is redelivered by the broker, and the core deduplicates
 * on (tractor id, message id).
 */
public final class TelematicsIngester implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(TelematicsIngester.class);

  private final IngesterConfig config;
  private final IngestMetrics metrics;
  private final UsageBatcher batcher;
  private final MqttUsageSubscriber subscriber;
  private final @Nullable ManagedChannel ownedChannel;
  private boolean closed;

  private TelematicsIngester(
      IngesterConfig config,
      IngestMetrics metrics,
      UsageBatcher batcher,
      MqttUsageSubscriber subscriber,
      @Nullable ManagedChannel ownedChannel) {
    this.config = config;
    this.metrics = metrics;
    this.batcher = batcher;
    this.subscriber = subscriber;
    this.ownedChannel = ownedChannel;
  }

  /**
   * Opens a plaintext gRPC channel to {@link IngesterConfig#coreTarget()}, connects to the broker
   * and returns once subscribed. The core need not be up yet: batches wait and retry until it is.
   *
   * @throws IllegalStateException if the broker cannot be reached or refuses the subscription
   * @throws IllegalArgumentException if {@link IngesterConfig#mqttUrl()} is not a broker URL
   */
  public static TelematicsIngester start(IngesterConfig config) {
    requireNonNull(config, "config");
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(config.coreTarget()).usePlaintext().build();
    try {
      return start(config, channel, channel);
    } catch (RuntimeException e) {
      channel.shutdownNow();
      throw e;
    }
  }

  /**
   * Like {@link #start(IngesterConfig)}, calling the core over the given channel, which stays open
   * when the ingester closes ({@link IngesterConfig#coreTarget()} is not used).
   */
  public static TelematicsIngester start(IngesterConfig config, Channel coreChannel) {
    return start(
        requireNonNull(config, "config"), requireNonNull(coreChannel, "coreChannel"), null);
  }

  private static TelematicsIngester start(
      IngesterConfig config, Channel coreChannel, @Nullable ManagedChannel ownedChannel) {
    IngestMetrics metrics = new IngestMetrics();
    UsageRecorder recorder =
        new GrpcUsageRecorder(coreChannel, config.serviceToken(), config.coreCallTimeout());
    // The batcher publishes dead letters through the subscriber, which is handed over once
    // connect() returns; a first batch cut before that waits for it (within the same bound).
    CompletableFuture<MqttUsageSubscriber> connected = new CompletableFuture<>();
    DeadLetterPublisher deadLetters =
        (letters, timeout) -> {
          try {
            return connected
                .get(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .publishDeadLetters(letters, timeout);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
          } catch (ExecutionException | TimeoutException e) {
            return 0;
          }
        };
    UsageBatcher batcher = new UsageBatcher(recorder, deadLetters, config.batchPolicy(), metrics);
    UsagePayloadParser parser = new UsagePayloadParser();
    MqttUsageSubscriber subscriber;
    try {
      subscriber =
          MqttUsageSubscriber.connect(
              config,
              (topic, payload, contentType, ack) ->
                  batcher.submit(parser.parse(topic, payload, contentType), ack));
    } catch (RuntimeException e) {
      connected.completeExceptionally(e);
      batcher.close(Duration.ZERO);
      throw e;
    }
    connected.complete(subscriber);
    logger.info("Telematics ingester started: {}", config);
    return new TelematicsIngester(config, metrics, batcher, subscriber, ownedChannel);
  }

  /** Counters since this ingester started. */
  public IngestMetrics metrics() {
    return metrics;
  }

  /**
   * Stops at once as if the process had died, for failure tests: drops the broker connection
   * without a DISCONNECT and without acknowledging anything more, abandons the RecordUsage call
   * under way (the core may still commit it) and what is queued, and closes the channel it opened.
   * The broker redelivers whatever was not acknowledged to the next ingester with this client id,
   * and the core counts what it already recorded as duplicates. Never use it to stop an ingester:
   * {@link #close()} does that without making the broker redeliver.
   */
  public synchronized void crashForTesting() {
    if (closed) {
      return;
    }
    closed = true;
    subscriber.crash();
    batcher.close(Duration.ZERO);
    if (ownedChannel != null) {
      ownedChannel.shutdownNow();
    }
    logger.info("Telematics ingester crashed on purpose: {}", metrics);
  }

  /**
   * Stops taking deliveries, records and acknowledges those already received (for at most {@link
   * IngesterConfig#shutdownGracePeriod()}), disconnects from the broker and closes the channel it
   * opened. What is left unacknowledged is redelivered by the broker later. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    subscriber.stopTakingMessages();
    batcher.close(config.shutdownGracePeriod());
    subscriber.close();
    if (ownedChannel != null) {
      ownedChannel.shutdown();
      try {
        if (!ownedChannel.awaitTermination(5, TimeUnit.SECONDS)) {
          ownedChannel.shutdownNow();
        }
      } catch (InterruptedException e) {
        ownedChannel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    logger.info("Telematics ingester stopped: {}", metrics);
  }
}
