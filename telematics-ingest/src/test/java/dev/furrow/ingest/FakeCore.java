package dev.furrow.ingest;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fake core served in-process for each test, with a channel to it. */
final class FakeCore implements BeforeEachCallback, AfterEachCallback {
  private final List<String> serviceTokens = new CopyOnWriteArrayList<>();
  private FakeUsageIngestService service = new FakeUsageIngestService();
  private Server server;
  private ManagedChannel channel;

  @Override
  public void beforeEach(ExtensionContext context) {
    service = new FakeUsageIngestService();
    serviceTokens.clear();
    String name = InProcessServerBuilder.generateName();
    try {
      server =
          InProcessServerBuilder.forName(name)
              .directExecutor()
              .addService(ServerInterceptors.intercept(service, new TokenRecorder()))
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    channel.shutdownNow();
    server.shutdownNow();
  }

  FakeUsageIngestService service() {
    return service;
  }

  ManagedChannel channel() {
    return channel;
  }

  /** The {@code x-furrow-service-token} of every call received. */
  List<String> serviceTokens() {
    return List.copyOf(serviceTokens);
  }

  private final class TokenRecorder implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String token = headers.get(GrpcUsageRecorder.SERVICE_TOKEN);
      serviceTokens.add(token == null ? "<none>" : token);
      return next.startCall(call, headers);
    }
  }
}
