package dev.furrow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageBatcherTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @RegisterExtension final FakeCore core = new FakeCore();

  private final IngestMetrics metrics = new IngestMetrics();
  private final List<String> acknowledged = new CopyOnWriteArrayList<>();
  private UsageBatcher batcher;

  @AfterEach
  void closeBatcher() {
    if (batcher != null) {
      batcher.close(Duration.ZERO);
    }
  }

  private UsageBatcher batcher(int maxSize, Duration maxDelay) {
    UsageRecorder recorder = new GrpcUsageRecorder(core.channel(), "token-1", WAIT);
    BatchPolicy policy =
        new BatchPolicy(maxSize, maxDelay, Duration.ofMillis(20), Duration.ofMillis(80));
    batcher = new UsageBatcher(recorder, policy, metrics);
    return batcher;
  }

  private UsageBatcher batcherWithDeadLetters(DeadLetterPublisher deadLetters) {
    UsageRecorder recorder = new GrpcUsageRecorder(core.channel(), "token-1", WAIT);
    BatchPolicy policy =
        new BatchPolicy(10, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(80));
    batcher = new UsageBatcher(recorder, deadLetters, policy, metrics);
    return batcher;
  }

  private static UsageSubmission unparseable(String raw) {
    return UsageSubmission.newBuilder()
        .setTopic("furrow/v1/tractors/T1/usage")
        .setRawPayload(com.google.protobuf.ByteString.copyFromUtf8(raw))
        .setContentType("application/json")
        .setParseError("malformed JSON: " + raw)
        .build();
  }

  @Test
  void publishesTheRejectedDeliveriesAsDeadLettersBeforeAcknowledgingTheBatch() {
    List<String> events = new CopyOnWriteArrayList<>();
    batcherWithDeadLetters(
        (letters, timeout) -> {
          letters.forEach(
              l ->
                  events.add(
                      "dead letter "
                          + l.topic()
                          + " "
                          + new String(l.payload(), java.nio.charset.StandardCharsets.UTF_8)
                          + " ("
                          + l.reason()
                          + ")"));
          assertThat(timeout).isEqualTo(UsageBatcher.DEAD_LETTER_TIMEOUT);
          return letters.size();
        });

    batcher.submit(report("m-1"), () -> events.add("ack m-1"));
    batcher.submit(unparseable("{oops"), () -> events.add("ack oops"));
    batcher.submit(report("m-2"), () -> events.add("ack m-2"));

    Eventually.await("three acknowledgements", WAIT, () -> events.size() == 4);
    assertThat(events)
        .containsExactly(
            "dead letter furrow/v1/dead-letter/tractors/T1/usage {oops (malformed JSON: {oops)",
            "ack m-1",
            "ack oops",
            "ack m-2");
    assertThat(metrics.deadLettered()).isEqualTo(1);
    assertThat(metrics.deadLetterFailures()).isZero();
  }

  @Test
  void aDeadLetterThatCannotBePublishedStillLetsTheBatchBeAcknowledged() {
    batcherWithDeadLetters(
        (letters, timeout) -> {
          throw new IllegalStateException("broker gone");
        });

    batcher.submit(unparseable("{a"), () -> acknowledged.add("a"));
    batcher.submit(report("m-1"), () -> acknowledged.add("m-1"));

    Eventually.await("two acknowledgements", WAIT, () -> acknowledged.size() == 2);
    assertThat(acknowledged).containsExactly("a", "m-1");
    assertThat(metrics.deadLettered()).isZero();
    assertThat(metrics.deadLetterFailures()).isEqualTo(1);
    assertThat(metrics.rejected()).isEqualTo(1);
  }

  @Test
  void submittingBeyondTheCapacityWaitsUntilABatchIsTaken() throws Exception {
    core.service().stopAnswering();
    batcher(50, Duration.ofMillis(1));
    int capacity = batcher.capacity();
    assertThat(capacity).isEqualTo(100);
    Thread producer =
        new Thread(
            () -> {
              for (int i = 1; i <= 300; i++) {
                batcher.submit(report("m-" + i), () -> {});
              }
            });
    producer.start();

    // One batch (of up to 50) is with the unanswering core; the producer stops at the capacity.
    Eventually.await("the first call", WAIT, () -> !core.service().calls().isEmpty());
    Thread.sleep(300);
    int inCall = core.service().calls().get(0).getSubmissionsCount();
    assertThat(core.service().calls()).hasSize(1);
    assertThat(metrics.received()).isEqualTo(inCall + capacity);
    assertThat(producer.isAlive()).isTrue();

    core.service().resumeAnswering();
    batcher.close(Duration.ZERO); // abandons the unanswered call; the producer is let go
    producer.join(WAIT.toMillis());
    assertThat(producer.isAlive()).isFalse();
    assertThat(metrics.received()).isEqualTo(inCall + capacity);
  }

  private void submit(String... messageIds) {
    for (String messageId : messageIds) {
      batcher.submit(report(messageId), () -> acknowledged.add(messageId));
    }
  }

  private static UsageSubmission report(String messageId) {
    return UsageSubmission.newBuilder()
        .setTopic("furrow/v1/tractors/T1/usage")
        .setReport(
            UsageReport.newBuilder()
                .setSchemaVersion(1)
                .setTractorId("T1")
                .setMessageId(messageId)
                .setHectares("1.5"))
        .build();
  }

  private static List<String> messageIds(RecordUsageRequest call) {
    return call.getSubmissionsList().stream().map(s -> s.getReport().getMessageId()).toList();
  }

  @Test
  void sendsABatchAsSoonAsItIsFull() {
    batcher(3, Duration.ofSeconds(30));

    submit("m-1", "m-2", "m-3");

    Eventually.await("three acknowledgements", WAIT, () -> acknowledged.size() == 3);
    assertThat(core.service().calls()).hasSize(1);
    assertThat(messageIds(core.service().calls().get(0))).containsExactly("m-1", "m-2", "m-3");
    assertThat(acknowledged).containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  void sendsAPartialBatchOnceItsFirstDeliveryWaitedTheMaxDelay() {
    batcher(500, Duration.ofMillis(200));
    long started = System.nanoTime();

    submit("m-1", "m-2");

    Eventually.await("two acknowledgements", WAIT, () -> acknowledged.size() == 2);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(core.service().calls()).hasSize(1);
    assertThat(messageIds(core.service().calls().get(0))).containsExactly("m-1", "m-2");
  }

  @Test
  void splitsABurstIntoBatchesOfTheMaxSizeInArrivalOrder() {
    batcher(3, Duration.ofMillis(300));

    submit("m-1", "m-2", "m-3", "m-4", "m-5", "m-6", "m-7");

    Eventually.await("seven acknowledgements", WAIT, () -> acknowledged.size() == 7);
    assertThat(core.service().calls().stream().map(UsageBatcherTest::messageIds))
        .containsExactly(
            List.of("m-1", "m-2", "m-3"), List.of("m-4", "m-5", "m-6"), List.of("m-7"));
    assertThat(acknowledged).containsExactly("m-1", "m-2", "m-3", "m-4", "m-5", "m-6", "m-7");
  }

  @Test
  void retriesTheSameBatchWhileTheCoreIsUnavailableAndAcknowledgesOnlyAfterSuccess() {
    core.service().failNextCalls(3, Status.UNAVAILABLE.withDescription("core restarting"));
    batcher(10, Duration.ofMillis(10));
    List<Integer> callsSeenAtAcknowledgement = new CopyOnWriteArrayList<>();

    for (String messageId : List.of("m-1", "m-2")) {
      batcher.submit(
          report(messageId),
          () -> {
            callsSeenAtAcknowledgement.add(core.service().calls().size());
            acknowledged.add(messageId);
          });
    }

    Eventually.await("two acknowledgements", WAIT, () -> acknowledged.size() == 2);
    assertThat(core.service().calls()).hasSize(4);
    assertThat(core.service().calls())
        .allSatisfy(call -> assertThat(messageIds(call)).containsExactly("m-1", "m-2"));
    assertThat(callsSeenAtAcknowledgement).containsExactly(4, 4);
    assertThat(core.service().committed()).hasSize(2);
    assertThat(metrics.failedCalls()).isEqualTo(3);
    assertThat(metrics.batches()).isEqualTo(1);
  }

  @Test
  void keepsRetryingWithoutAcknowledgingWhileTheCoreStaysDown() throws InterruptedException {
    core.service().failNextCalls(1_000, Status.UNAVAILABLE);
    batcher(10, Duration.ofMillis(10));

    submit("m-1");
    Eventually.await("several attempts", WAIT, () -> core.service().calls().size() >= 5);

    assertThat(acknowledged).isEmpty();
    assertThat(metrics.acknowledged()).isZero();
  }

  @Test
  void sendsTheServiceTokenWithEveryCall() {
    core.service().failNextCalls(1, Status.UNAVAILABLE);
    batcher(1, Duration.ZERO);

    submit("m-1", "m-2");

    Eventually.await("two acknowledgements", WAIT, () -> acknowledged.size() == 2);
    assertThat(core.serviceTokens()).containsExactly("token-1", "token-1", "token-1");
  }

  @Test
  void countsTheCoresOutcomes() {
    batcher(4, Duration.ofSeconds(30));
    UsageSubmission unparseable =
        UsageSubmission.newBuilder()
            .setTopic("furrow/v1/tractors/T1/usage")
            .setParseError("hectares: not a decimal number (\"abc\")")
            .build();

    submit("m-1", "m-2", "m-1");
    batcher.submit(unparseable, () -> acknowledged.add("unparseable"));

    Eventually.await("four acknowledgements", WAIT, () -> metrics.acknowledged() == 4);
    assertThat(metrics.received()).isEqualTo(4);
    assertThat(metrics.recorded()).isEqualTo(2);
    assertThat(metrics.duplicates()).isEqualTo(1);
    assertThat(metrics.rejected()).isEqualTo(1);
    assertThat(metrics.acknowledged()).isEqualTo(4);
    assertThat(metrics.batches()).isEqualTo(1);
    assertThat(metrics.lastCommitLatency()).isPositive();
    assertThat(metrics.rejectedByReason()).containsExactly(entry("hectares", 1L));
    assertThat(metrics.lastBatchSize()).isEqualTo(4);
    assertThat(metrics.maxBatchSize()).isEqualTo(4);
    assertThat(metrics.averageBatchSize()).isEqualTo(4.0);
    assertThat(metrics.lag()).isZero();
  }

  @Test
  void lagIsTheAgeOfTheOldestDeliveryNotYetAcknowledged() throws InterruptedException {
    core.service().stopAnswering();
    batcher(10, Duration.ofMillis(10));
    assertThat(metrics.lag()).isZero();

    submit("m-1");
    Eventually.await("the call", WAIT, () -> core.service().calls().size() == 1);
    Thread.sleep(200);

    assertThat(metrics.lag()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void bucketsRejectionReasonsByTheirFieldAndCapsTheBuckets() {
    IngestMetrics counted = new IngestMetrics();
    counted.onRejected("tractor_id: unknown tractor \"T9\"");
    counted.onRejected("tractor_id: unknown tractor \"T8\"");
    counted.onRejected("malformed JSON: Unexpected end-of-input (line 1, column 9)");
    counted.onRejected("unparseable payload");
    for (int i = 0; i < 2 * IngestMetrics.MAX_REASON_BUCKETS; i++) {
      counted.onRejected("field" + i + ": unknown field");
    }

    assertThat(counted.rejectedByReason())
        .hasSize(IngestMetrics.MAX_REASON_BUCKETS)
        .contains(
            entry("tractor_id", 2L),
            entry("malformed JSON", 1L),
            entry("unparseable payload", 1L),
            entry("other", 2L * IngestMetrics.MAX_REASON_BUCKETS - 28));
    assertThat(counted.rejectedByReason().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(4 + 2L * IngestMetrics.MAX_REASON_BUCKETS);
  }

  @Test
  void closingRecordsWhatIsAlreadyQueuedWithoutWaitingForTheMaxDelay() {
    batcher(500, Duration.ofMinutes(1));
    submit("m-1", "m-2");

    long started = System.nanoTime();
    batcher.close(WAIT);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(acknowledged).containsExactly("m-1", "m-2");
  }

  @Test
  void closingGivesUpAfterTheGracePeriodWithoutAcknowledgingWhenTheCoreNeverAnswers() {
    core.service().stopAnswering();
    batcher(500, Duration.ofMillis(10));
    submit("m-1", "m-2");
    Eventually.await("the call", WAIT, () -> core.service().calls().size() == 1);

    long started = System.nanoTime();
    batcher.close(Duration.ofMillis(200));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
    assertThat(acknowledged).isEmpty();
  }

  @Test
  void ignoresDeliveriesOnceClosing() {
    batcher(1, Duration.ZERO);
    batcher.close(WAIT);

    submit("m-1");

    assertThat(metrics.received()).isZero();
    assertThat(core.service().calls()).isEmpty();
    assertThat(acknowledged).isEmpty();
  }
}
