package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.gateway.http.JsonResponses;
import dev.furrow.proto.telematics.v1.GetTractorUsageRequest;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import io.grpc.Channel;

/** The machine usage of one of the caller's tractors, as the core has totalled it. */
public final class TractorUsageService {

  private final UsageQueryServiceGrpc.UsageQueryServiceFutureStub usage;

  /** An endpoint asking the core behind the given channel. */
  public TractorUsageService(Channel core) {
    this.usage = UsageQueryServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** {@code GET /payg/lms/tractors/{tractor_id}/usage}. */
  @Get("/payg/lms/tractors/{tractor_id}/usage")
  public HttpResponse tractorUsage(
      ServiceRequestContext ctx, @Param("tractor_id") String tractorId) {
    final GetTractorUsageRequest request =
        GetTractorUsageRequest.newBuilder().setTractorId(tractorId).build();
    return HttpResponse.of(
        CoreCalls.toCompletable(CoreCalls.forRequest(usage, ctx).getTractorUsage(request))
            .handle(
                (totals, cause) ->
                    cause != null
                        ? RestErrors.fromThrowable(cause)
                        : JsonResponses.of(HttpStatus.OK, TractorUsageJson.from(totals))));
  }
}
