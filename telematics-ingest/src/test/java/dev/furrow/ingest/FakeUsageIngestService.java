package dev.furrow.ingest;

import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageResponse;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageOutcome;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Stands in for the core: records what it is sent, deduplicates on (tractor id, message id) like
 * the core does, and can be told to fail or to stop answering.
 */
final class FakeUsageIngestService extends UsageIngestServiceGrpc.UsageIngestServiceImplBase {
  private final List<RecordUsageRequest> calls = new ArrayList<>();
  private final List<UsageSubmission> committed = new ArrayList<>();
  private final List<UsageSubmission> recorded = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final ConcurrentLinkedDeque<Status> failures = new ConcurrentLinkedDeque<>();
  private volatile boolean answering = true;

  /** The next {@code count} calls fail with {@code status}, recording nothing. */
  void failNextCalls(int count, Status status) {
    for (int i = 0; i < count; i++) {
      failures.add(status);
    }
  }

  /** From now on calls are received but never answered. */
  void stopAnswering() {
    answering = false;
  }

  /** Calls from now on are answered again. */
  void resumeAnswering() {
    answering = true;
  }

  /** Every call received, answered or not. */
  synchronized List<RecordUsageRequest> calls() {
    return List.copyOf(calls);
  }

  /** Submissions of the calls that succeeded, in order. */
  synchronized List<UsageSubmission> committed() {
    return List.copyOf(committed);
  }

  /** Committed submissions published under the given tractor's topic. */
  synchronized List<UsageSubmission> committedFor(String tractorId) {
    String topic = "furrow/v1/tractors/" + tractorId + "/usage";
    return committed.stream().filter(s -> s.getTopic().equals(topic)).toList();
  }

  /** Reports stored as new usage (not duplicates) for the given tractor, in order. */
  synchronized List<UsageReport> recordedFor(String tractorId) {
    return recorded.stream()
        .map(UsageSubmission::getReport)
        .filter(report -> report.getTractorId().equals(tractorId))
        .toList();
  }

  /** Submissions received under the given tractor's topic, in calls answered or not. */
  synchronized List<UsageSubmission> receivedFor(String tractorId) {
    String topic = "furrow/v1/tractors/" + tractorId + "/usage";
    return calls.stream()
        .flatMap(call -> call.getSubmissionsList().stream())
        .filter(s -> s.getTopic().equals(topic))
        .toList();
  }

  @Override
  public void recordUsage(
      RecordUsageRequest request, StreamObserver<RecordUsageResponse> responseObserver) {
    RecordUsageResponse response;
    synchronized (this) {
      calls.add(request);
      if (!answering) {
        return;
      }
      Status failure = failures.poll();
      if (failure != null) {
        responseObserver.onError(failure.asRuntimeException());
        return;
      }
      RecordUsageResponse.Builder outcomes = RecordUsageResponse.newBuilder();
      for (UsageSubmission submission : request.getSubmissionsList()) {
        committed.add(submission);
        UsageOutcome outcome = outcomeOf(submission);
        if (outcome.getKind() == UsageOutcome.Kind.RECORDED) {
          recorded.add(submission);
        }
        outcomes.addOutcomes(outcome);
      }
      response = outcomes.build();
    }
    responseObserver.onNext(response);
    responseObserver.onCompleted();
  }

  private UsageOutcome outcomeOf(UsageSubmission submission) {
    if (submission.hasParseError()) {
      return UsageOutcome.newBuilder()
          .setKind(UsageOutcome.Kind.REJECTED)
          .setReason(submission.getParseError())
          .build();
    }
    String key =
        submission.getReport().getTractorId() + "/" + submission.getReport().getMessageId();
    UsageOutcome.Kind kind =
        keys.add(key) ? UsageOutcome.Kind.RECORDED : UsageOutcome.Kind.DUPLICATE;
    return UsageOutcome.newBuilder().setKind(kind).build();
  }
}
