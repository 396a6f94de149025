package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.gateway.GatewayConfig;
import dev.furrow.gateway.GatewayServer;
import dev.furrow.ingest.IngesterConfig;
import dev.furrow.ingest.TelematicsIngester;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.testing.TestDatabases;
import dev.furrow.testing.TestMqttBroker;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three processes' code on real sockets against real PostgreSQL and a real broker: REST reaches
 * the core and its rows, MQTT usage flows through the ingester into what the gateway shows.
 */
class SmokeTest {
  private static final String TOKEN = "smoke-test-service-token-0123";
  private static final HttpClient http = HttpClient.newHttpClient();

  private static TestDatabases.TestDatabase database;
  private static CoreServer core;
  private static TelematicsIngester ingester;
  private static GatewayServer gateway;
  private static ManagedChannel channel;
  private static String paygKey;
  private static String tractor;

  @BeforeAll
  static void startSystem() {
    database = TestDatabases.create();
    core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN));
    String coreTarget = "127.0.0.1:" + core.port();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    ingester =
        TelematicsIngester.start(
            IngesterConfig.builder()
                .mqttUrl(TestMqttBroker.url())
                .mqttClientId("smoke-ingester-" + suffix)
                .shareGroup("smoke-" + suffix)
                .coreTarget(coreTarget)
                .serviceToken(TOKEN)
                .sessionExpiry(Duration.ofSeconds(30))
                .build());
    gateway = GatewayServer.start(GatewayConfig.of(0, coreTarget));

    channel = ManagedChannelBuilder.forTarget(coreTarget).usePlaintext().build();
    Metadata operator = new Metadata();
    operator.put(Caller.SERVICE_TOKEN, TOKEN);
    var admin =
        PartnerAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
    long partner =
        admin
            .createPartner(CreatePartnerRequest.newBuilder().setName("Smoke Lender").build())
            .getId();
    paygKey =
        admin
            .issueApiKey(
                IssueApiKeyRequest.newBuilder()
                    .setPartnerId(partner)
                    .setFace(ApiFace.API_FACE_PAYG)
                    .build())
            .getKey();
    tractor = "TR-SMOKE-" + suffix;
    TractorAdminServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractor)
                .setPartnerId(partner)
                .build());
  }

  @AfterAll
  static void stopSystem() {
    channel.shutdownNow();
    gateway.close();
    ingester.close();
    core.close();
    TestDatabases.drop(database);
  }

  @Test
  void healthReportsTheCoreServing() throws Exception {
    HttpResponse<String> response = get("/internal/health", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"core\":\"SERVING\"}");
  }

  @Test
  void authenticatedCallReadsWhatTheCoreStored() throws Exception {
    String other = "TR-NONE-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> missing =
        get("/payg/lms/tractors/" + other + "/usage", "Bearer " + paygKey);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }

  @Test
  void usagePublishedOverMqttIsVisibleThroughTheGateway() throws Exception {
    publish(
        tractor,
        "{\"schema_version\":1,\"message_id\":\"smoke-1\",\"window_start\":\"2026-11-16T08:00:00+01:00\","
            + "\"window_end\":\"2026-11-16T10:00:00+01:00\",\"hectares\":2.5,\"engine_hours\":1.75}");
    publish(
        tractor,
        "{\"schema_version\":1,\"message_id\":\"smoke-1\",\"window_start\":\"2026-11-16T08:00:00+01:00\","
            + "\"window_end\":\"2026-11-16T10:00:00+01:00\",\"hectares\":2.5,\"engine_hours\":1.75}");

    String expected =
        "{\"tractor_id\":\""
            + tractor
            + "\",\"report_count\":1,\"hectares\":\"2.50\",\"engine_hours\":\"1.75\","
            + "\"last_report_at\":\"2026-11-16T09:00:00Z\"}";
    String body = "";
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          get("/payg/lms/tractors/" + tractor + "/usage", "Bearer " + paygKey);
      assertThat(response.statusCode()).isEqualTo(200);
      body = response.body();
      if (body.equals(expected)) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(body).isEqualTo(expected);
  }

  @Test
  void wrongKeyGets401InTheErrorShape() throws Exception {
    HttpResponse<String> response =
        get(
            "/payg/lms/tractors/" + tractor + "/usage",
            "Bearer fw_payg_not_a_real_key_000000000000");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid API key.\"}");
  }

  @Test
  void missingKeyGets401OnBothFaces() throws Exception {
    HttpResponse<String> payg = get("/payg/lms/tractors/" + tractor + "/usage", null);
    HttpResponse<String> lending = get("/api/v1/products/product/", null);
    assertThat(payg.statusCode()).isEqualTo(401);
    assertThat(payg.body())
        .isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    assertThat(lending.statusCode()).isEqualTo(401);
    assertThat(lending.body())
        .isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void publish(String tractorId, String json) throws Exception {
    MqttClient device =
        new MqttClient(
            TestMqttBroker.url(), "smoke-device-" + UUID.randomUUID(), new MemoryPersistence());
    device.connect(new MqttConnectionOptions());
    MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    device.publish("furrow/v1/tractors/" + tractorId + "/usage", message);
    device.disconnect();
    device.close();
  }
}
