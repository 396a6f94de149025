package dev.furrow.ingest;

import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageResponse;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc.UsageIngestServiceBlockingStub;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Calls {@code UsageIngestService.RecordUsage} on the core with the operator service token. */
final class GrpcUsageRecorder implements UsageRecorder {
  static final Metadata.Key<String> SERVICE_TOKEN =
      Metadata.Key.of("x-furrow-service-token", Metadata.ASCII_STRING_MARSHALLER);

  private final UsageIngestServiceBlockingStub stub;
  private final Duration callTimeout;

  GrpcUsageRecorder(Channel channel, String serviceToken, Duration callTimeout) {
    Metadata headers = new Metadata();
    headers.put(SERVICE_TOKEN, serviceToken);
    this.stub =
        UsageIngestServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    this.callTimeout = callTimeout;
  }

  /** Blocks until the core answers or the call timeout passes; interrupting it cancels the call. */
  @Override
  public RecordUsageResponse record(RecordUsageRequest request) {
    return stub.withDeadlineAfter(callTimeout.toNanos(), TimeUnit.NANOSECONDS).recordUsage(request);
  }
}
