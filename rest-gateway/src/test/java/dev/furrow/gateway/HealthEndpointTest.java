package dev.furrow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthEndpointTest {

  @RegisterExtension static final GatewayUnderTest gateway = new GatewayUnderTest();

  @Test
  void servingCoreMeansOk() {
    final HttpResponse<String> response = gateway.get("/internal/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"core\":\"SERVING\"}");
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
  }

  @Test
  void coreNotServingMeansDegraded() {
    gateway.core().setServing(ServingStatus.NOT_SERVING);

    final HttpResponse<String> response = gateway.get("/internal/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"status\":\"degraded\",\"core\":\"NOT_SERVING\"}");
  }

  @Test
  void unreachableCoreMeansDegraded() throws Exception {
    try (GatewayServer lonely = GatewayServer.start(GatewayConfig.of(0, unusedTarget()))) {
      final HttpResponse<String> response = gateway.call(lonely.port(), "/internal/health", "GET");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).isEqualTo("{\"status\":\"degraded\",\"core\":\"UNAVAILABLE\"}");
    }
  }

  @Test
  void gatewayReconnectsAsSoonAsTheCoreIsBackWithoutWaitingOutTheBackoff() throws Exception {
    final int corePort = freePort();
    try (GatewayServer early = GatewayServer.start(GatewayConfig.of(0, "127.0.0.1:" + corePort))) {
      for (int i = 0; i < 3; i++) {
        assertThat(gateway.call(early.port(), "/internal/health", "GET").statusCode())
            .isEqualTo(503);
      }

      try (FakeCore back = FakeCore.start(corePort)) {
        assertThat(back.port()).isEqualTo(corePort);
        // grpc-java alone would fail every call for about a second (its first reconnect backoff).
        final List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 5 && !statuses.contains(200)) {
          statuses.add(gateway.call(early.port(), "/internal/health", "GET").statusCode());
        }
        assertThat(statuses).contains(200);
      }
    }
  }

  private static String unusedTarget() throws IOException {
    return "127.0.0.1:" + freePort();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
