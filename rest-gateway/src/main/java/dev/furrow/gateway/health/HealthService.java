package dev.furrow.gateway.health;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.annotation.Get;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.http.JsonResponses;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /internal/health}: whether the gateway can serve, i.e. whether the core answers the
 * standard gRPC health check. Needs no key; meant for load balancers and orchestrators.
 */
public final class HealthService {

  private static final Logger logger = LoggerFactory.getLogger(HealthService.class);

  /** Short, so a probe learns quickly that the core is gone. */
  static final Duration CHECK_DEADLINE = Duration.ofSeconds(1);

  private final HealthGrpc.HealthFutureStub health;

  /** A health endpoint asking the core behind the given channel. */
  public HealthService(Channel core) {
    this.health = HealthGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** 200 {@code {"status": "ok", "core": "SERVING"}}, else 503 with what the core said. */
  @Get("/internal/health")
  public HttpResponse check() {
    return HttpResponse.of(
        CoreCalls.toCompletable(
                health
                    .withDeadlineAfter(CHECK_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()))
            .handle(
                (response, cause) -> {
                  if (cause != null) {
                    final Status status = Status.fromThrowable(cause);
                    logger.debug(
                        "Core health check failed: {} {}",
                        status.getCode(),
                        status.getDescription());
                    return degraded(status.getCode().name());
                  }
                  if (response.getStatus() != ServingStatus.SERVING) {
                    return degraded(response.getStatus().name());
                  }
                  return JsonResponses.of(
                      HttpStatus.OK, new HealthReport("ok", ServingStatus.SERVING.name()));
                }));
  }

  private static HttpResponse degraded(String core) {
    return JsonResponses.of(HttpStatus.SERVICE_UNAVAILABLE, new HealthReport("degraded", core));
  }

  /** The health body: the gateway's own verdict and the core's status. */
  record HealthReport(String status, String core) {}
}
