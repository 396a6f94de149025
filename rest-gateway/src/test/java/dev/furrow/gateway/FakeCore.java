package dev.furrow.gateway;

import dev.furrow.proto.telematics.v1.GetTractorUsageRequest;
import dev.furrow.proto.telematics.v1.TractorUsage;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC peer standing in for the core on a real socket. Like the core it accepts only its one PAYG
 * key (anything else is UNAUTHENTICATED "Invalid API key.") and answers NOT_FOUND for tractors it
 * was not told about; tests tell it what to answer per tractor.
 */
final class FakeCore implements AutoCloseable {

  static final String PAYG_KEY = "payg-test-key-0123456789abcdefghijklmnopqrstuv";
  static final String LENDING_KEY = "lending-test-key-0123456789abcdefghijklmnopq";

  private static final Metadata.Key<String> API_KEY =
      Metadata.Key.of("x-furrow-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> CALLER_KEY = Context.key("caller-key");

  private final Server server;
  private final HealthStatusManager health;
  private final List<String> receivedApiKeys = new CopyOnWriteArrayList<>();
  private final Map<String, Object> usageAnswers = new ConcurrentHashMap<>();

  private FakeCore(int port) {
    health = new HealthStatusManager();
    server =
        Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
            .addService(health.getHealthService())
            .addService(ServerInterceptors.intercept(new UsageQuery(), new RecordingApiKeys()))
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fake core on any free port, serving. */
  static FakeCore start() {
    return start(0);
  }

  /** A fake core on the given port, serving. */
  static FakeCore start(int port) {
    return new FakeCore(port);
  }

  int port() {
    return server.getPort();
  }

  String target() {
    return "127.0.0.1:" + port();
  }

  /** Sets what the overall ("") health check answers. */
  void setServing(ServingStatus status) {
    health.setStatus("", status);
  }

  /** Answers GetTractorUsage for the tractor with these totals. */
  void answerUsage(String tractorId, TractorUsage totals) {
    usageAnswers.put(tractorId, totals);
  }

  /** Fails GetTractorUsage for the tractor with this status. */
  void failUsage(String tractorId, StatusRuntimeException failure) {
    usageAnswers.put(tractorId, failure);
  }

  /** Every {@code x-furrow-api-key} value received so far, in order ("<none>" when absent). */
  List<String> receivedApiKeys() {
    return List.copyOf(receivedApiKeys);
  }

  void reset() {
    usageAnswers.clear();
    receivedApiKeys.clear();
    setServing(ServingStatus.SERVING);
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class RecordingApiKeys implements ServerInterceptor {
    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
        ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
      final String key = headers.get(API_KEY);
      receivedApiKeys.add(key == null ? "<none>" : key);
      return Contexts.interceptCall(
          Context.current().withValue(CALLER_KEY, key), call, headers, next);
    }
  }

  private final class UsageQuery extends UsageQueryServiceGrpc.UsageQueryServiceImplBase {
    @Override
    public void getTractorUsage(
        GetTractorUsageRequest request, StreamObserver<TractorUsage> responseObserver) {
      if (!PAYG_KEY.equals(CALLER_KEY.get())) {
        responseObserver.onError(
            Status.UNAUTHENTICATED.withDescription("Invalid API key.").asRuntimeException());
        return;
      }
      final Object answer = usageAnswers.get(request.getTractorId());
      if (answer instanceof TractorUsage) {
        responseObserver.onNext((TractorUsage) answer);
        responseObserver.onCompleted();
      } else if (answer instanceof StatusRuntimeException) {
        responseObserver.onError((StatusRuntimeException) answer);
      } else {
        responseObserver.onError(
            Status.NOT_FOUND.withDescription("Not found.").asRuntimeException());
      }
    }
  }
}
