package dev.furrow.ingest;

import static java.util.Objects.requireNonNull;

import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageResponse;
import dev.furrow.proto.telematics.v1.UsageOutcome;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups deliveries into RecordUsage calls and acknowledges each delivery only after the call that
 * carried it succeeded, so the core has durably recorded it first.
 *
 * <p>A batch is sent when it holds {@link BatchPolicy#maxSize()} deliveries, or about 1 MiB, or
 * when its first delivery has waited {@link BatchPolicy#maxDelay()}. A failed call is retried with
 * the same batch, with exponential backoff, until it succeeds or the batcher is closed; nothing is
 * acknowledged meanwhile. Retrying can record a batch twice, and the broker redelivers whatever was
 * not acknowledged: both are harmless because the core deduplicates on (tractor id, message id).
 *
 * <p>Before acknowledging, the deliveries the core rejected are republished on the dead-letter
 * topic ({@link DeadLetter}) at QoS 1, waiting for the broker's PUBACKs at most {@link
 * #DEAD_LETTER_TIMEOUT}. A dead letter the broker does not confirm in time is logged and counted,
 * and its delivery is acknowledged all the same: the core has already kept it in {@code
 * rejected_usage}, and holding the acknowledgement back would only make the broker redeliver a
 * message whose verdict cannot change.
 *
 * <p>At most {@link #capacity()} deliveries wait in the batcher (two batches' worth): {@link
 * #submit} blocks beyond that, which stops Paho reading the socket and leaves the backlog in the
 * broker. The broker's in-flight limit (the receive maximum) cannot be relied on for this:
 * Mosquitto 2.0.11 was seen sending a Paho subscriber tens of thousands of unacknowledged QoS 1
 * messages under load, which grew the ingester's heap until it spent its time collecting garbage.
 * While dead letters are being published the bound is lifted, so that the PUBACKs they wait for,
 * read by the same Paho thread, are never stuck behind a full batcher.
 *
 * <p>One worker thread sends the batches one after another, so acknowledgements go out in the order
 * the deliveries arrived, as MQTT requires. While a call is under way the next batch gathers; the
 * broker's receive maximum bounds how many deliveries can wait unacknowledged.
 */
final class UsageBatcher implements AutoCloseable {
  /** Batches are cut at this many bytes, far below gRPC's default 4 MiB message limit. */
  static final int MAX_BATCH_BYTES = 1024 * 1024;

  /** Longest the acknowledgements of a batch wait for the PUBACKs of its dead letters. */
  static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(5);

  private static final int MIN_CAPACITY = 100;
  private static final long ROOM_POLL_MILLIS = 5;

  private static final Logger logger = LoggerFactory.getLogger(UsageBatcher.class);
  private static final Duration IDLE_POLL = Duration.ofMillis(50);
  private static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);

  private record Delivery(UsageSubmission submission, Acknowledgement ack, long receivedNanos) {}

  private final UsageRecorder recorder;
  private final DeadLetterPublisher deadLetters;
  private final BatchPolicy policy;
  private final IngestMetrics metrics;
  private final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private final int capacity;
  private final Object room = new Object();
  private volatile boolean admitAll;
  private volatile boolean accepting = true;
  private volatile boolean draining;
  private volatile boolean abandoned;
  private volatile int inFlight;

  UsageBatcher(UsageRecorder recorder, BatchPolicy policy, IngestMetrics metrics) {
    this(recorder, DeadLetterPublisher.NONE, policy, metrics);
  }

  UsageBatcher(
      UsageRecorder recorder,
      DeadLetterPublisher deadLetters,
      BatchPolicy policy,
      IngestMetrics metrics) {
    this.recorder = requireNonNull(recorder, "recorder");
    this.deadLetters = requireNonNull(deadLetters, "deadLetters");
    this.policy = requireNonNull(policy, "policy");
    this.metrics = requireNonNull(metrics, "metrics");
    this.capacity = Math.max(2 * policy.maxSize(), MIN_CAPACITY);
    this.worker = NamedThreads.daemon("furrow-usage-batcher").newThread(this::run);
    worker.start();
  }

  /**
   * Queues a delivery for the next batch, first waiting while {@link #capacity()} deliveries are
   * waiting already. Once closing has begun the delivery is ignored: it stays unacknowledged, so
   * the broker redelivers it.
   */
  void submit(UsageSubmission submission, Acknowledgement ack) {
    requireNonNull(submission, "submission");
    requireNonNull(ack, "ack");
    awaitRoom();
    if (!accepting) {
      return;
    }
    metrics.onReceived();
    queue.add(new Delivery(submission, ack, System.nanoTime()));
  }

  /** Most deliveries waiting for a batch before {@link #submit} blocks. */
  int capacity() {
    return capacity;
  }

  private void awaitRoom() {
    if (queue.size() < capacity) {
      return;
    }
    synchronized (room) {
      while (accepting && !admitAll && queue.size() >= capacity) {
        try {
          room.wait(ROOM_POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void signalRoom() {
    synchronized (room) {
      room.notifyAll();
    }
  }

  /** Stops taking deliveries and records what is queued, waiting at most ten seconds. */
  @Override
  public void close() {
    close(DEFAULT_GRACE_PERIOD);
  }

  /**
   * Stops taking deliveries and records what is already queued, retrying as usual, for at most
   * {@code gracePeriod}; then gives up on what is left without acknowledging it.
   */
  void close(Duration gracePeriod) {
    accepting = false;
    signalRoom();
    draining = true;
    try {
      long graceMillis = gracePeriod.toMillis();
      if (graceMillis > 0) {
        worker.join(graceMillis);
      }
      if (worker.isAlive()) {
        int unrecorded = queue.size() + inFlight;
        if (unrecorded > 0) {
          logger.warn(
              "Stopping with {} deliveries not recorded; the broker will redeliver them",
              unrecorded);
        }
        abandon();
      }
    } catch (InterruptedException e) {
      abandoned = true;
      worker.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  private void abandon() throws InterruptedException {
    abandoned = true;
    worker.interrupt(); // cancels a call under way or cuts a backoff short
    worker.join();
  }

  private void run() {
    try {
      List<Delivery> batch;
      while ((batch = nextBatch()) != null) {
        inFlight = batch.size();
        RecordUsageResponse response = recordWithRetries(batch);
        if (response == null) {
          return;
        }
        publishDeadLetters(batch, response);
        acknowledge(batch);
        inFlight = 0;
        Delivery next = queue.peek();
        if (next == null) {
          metrics.onNothingPending();
        } else {
          metrics.onOldestPending(next.receivedNanos());
        }
      }
    } catch (InterruptedException e) {
      // Abandoned: whatever was not acknowledged is redelivered by the broker.
    } catch (RuntimeException | Error e) {
      logger.error("Usage batcher stopped unexpectedly; deliveries stay unacknowledged", e);
      throw e;
    }
  }

  /** The next batch, or null once closing and nothing is left. */
  private @Nullable List<Delivery> nextBatch() throws InterruptedException {
    Delivery first = null;
    while (first == null) {
      if (draining) {
        first = queue.poll();
        if (first == null) {
          return null;
        }
      } else {
        first = queue.poll(IDLE_POLL.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    metrics.onOldestPending(first.receivedNanos());
    List<Delivery> batch = new ArrayList<>();
    batch.add(first);
    long bytes = first.submission().getSerializedSize();
    long deadline = System.nanoTime() + policy.maxDelay().toNanos();
    while (batch.size() < policy.maxSize() && bytes < MAX_BATCH_BYTES) {
      Delivery next = queue.poll(); // what is already waiting joins even past the deadline
      if (next == null) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || draining) {
          break;
        }
        // In short slices, so that closing is noticed while a long max delay runs.
        next = queue.poll(Math.min(remaining, IDLE_POLL.toNanos()), TimeUnit.NANOSECONDS);
        if (next == null) {
          continue;
        }
      }
      batch.add(next);
      bytes += next.submission().getSerializedSize();
    }
    signalRoom();
    return batch;
  }

  /** The core's answer once it recorded the batch; null if the batcher was abandoned first. */
  private @Nullable RecordUsageResponse recordWithRetries(List<Delivery> batch)
      throws InterruptedException {
    RecordUsageRequest.Builder request = RecordUsageRequest.newBuilder();
    batch.forEach(delivery -> request.addSubmissions(delivery.submission()));
    RecordUsageRequest built = request.build();
    Backoff backoff = new Backoff(policy.initialBackoff(), policy.maxBackoff());
    while (!abandoned) {
      long started = System.nanoTime();
      try {
        RecordUsageResponse response = recorder.record(built);
        countOutcomes(batch, response, Duration.ofNanos(System.nanoTime() - started));
        return response;
      } catch (RuntimeException e) {
        if (abandoned || Thread.currentThread().isInterrupted()) {
          return null;
        }
        metrics.onFailedCall();
        Duration wait = backoff.next();
        logger.warn(
            "Recording a batch ({} deliveries) failed ({}); retrying in {} ms",
            batch.size(),
            e.getMessage(),
            wait.toMillis());
        TimeUnit.NANOSECONDS.sleep(wait.toNanos());
      }
    }
    return null;
  }

  /** Republishes the rejected deliveries of a recorded batch, waiting a bounded time. */
  private void publishDeadLetters(List<Delivery> batch, RecordUsageResponse response) {
    List<DeadLetter> letters = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      UsageOutcome outcome = response.getOutcomes(i);
      if (outcome.getKind() == UsageOutcome.Kind.REJECTED) {
        UsageSubmission submission = batch.get(i).submission();
        letters.add(
            new DeadLetter(
                submission.getTopic(),
                submission.getRawPayload().toByteArray(),
                submission.getContentType(),
                outcome.getReason(),
                outcome.getRejectedUsageId()));
      }
    }
    if (letters.isEmpty()) {
      return;
    }
    int confirmed;
    admitAll = true;
    signalRoom();
    try {
      confirmed = deadLetters.publish(letters, DEAD_LETTER_TIMEOUT);
    } catch (RuntimeException e) {
      logger.warn("Publishing {} dead letters failed", letters.size(), e);
      confirmed = 0;
    } finally {
      admitAll = false;
    }
    metrics.onDeadLetters(confirmed, letters.size() - confirmed);
  }

  private void countOutcomes(List<Delivery> batch, RecordUsageResponse response, Duration latency) {
    if (response.getOutcomesCount() != batch.size()) {
      // Not acknowledged: the contract promises one outcome per submission, so something is wrong.
      throw new IllegalStateException(
          "the core returned "
              + response.getOutcomesCount()
              + " outcomes for "
              + batch.size()
              + " submissions");
    }
    long recorded = 0;
    long duplicates = 0;
    long rejected = 0;
    for (int i = 0; i < batch.size(); i++) {
      UsageOutcome outcome = response.getOutcomes(i);
      switch (outcome.getKind()) {
        case RECORDED -> recorded++;
        case DUPLICATE -> duplicates++;
        case REJECTED -> {
          rejected++;
          metrics.onRejected(outcome.getReason());
          logger.debug(
              "Core rejected usage on {}: {}",
              batch.get(i).submission().getTopic(),
              outcome.getReason());
        }
        default -> logger.warn("Core returned outcome {}", outcome.getKind());
      }
    }
    metrics.onCommitted(latency, batch.size(), recorded, duplicates, rejected);
  }

  private void acknowledge(List<Delivery> batch) {
    for (Delivery delivery : batch) {
      try {
        delivery.ack().acknowledge();
      } catch (RuntimeException e) {
        logger.warn("Acknowledging a delivery failed; the broker will redeliver it", e);
      }
    }
    metrics.onAcknowledged(batch.size());
  }
}
