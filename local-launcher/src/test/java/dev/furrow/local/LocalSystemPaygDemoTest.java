package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.partner.v1.GetPartnerRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ListFxRatesRequest;
import dev.furrow.proto.payg.v1.ListWebhookSecretsRequest;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local system's pay-as-you-go demo: the banner's documented curl example and signed webhook
 * work as printed, and a second start on the same database adds nothing.
 */
class LocalSystemPaygDemoTest {
  private static final String TOKEN = "local-demo-test-service-token-0123";
  private static final HttpClient http = HttpClient.newHttpClient();

  private static TestDatabases.TestDatabase database;
  private static Path workDir;

  @BeforeAll
  static void database() throws Exception {
    database = TestDatabases.create();
    workDir = Files.createTempDirectory("furrow-local-demo");
  }

  @AfterAll
  static void drop() {
    TestDatabases.drop(database);
  }

  private static LocalSystem start() {
    return LocalSystem.start(
        Map.of(
            "FURROW_DB_URL",
            database.jdbcUrl(),
            "FURROW_MQTT_URL",
            TestMqttBroker.url(),
            "FURROW_SERVICE_TOKEN",
            TOKEN,
            "FURROW_CORE_PORT",
            "0",
            "FURROW_GATEWAY_PORT",
            "0"),
        workDir);
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bannerExamplesWorkAndASecondStartAddsNothing() throws Exception {
    String secret;
    try (LocalSystem system = start()) {
      String base = "http://127.0.0.1:" + system.gatewayPort();
      String banner = system.banner();
      assertThat(banner)
          .contains(
              "  curl -G "
                  + base
                  + "/payg/lms/contracts \\\n"
                  + "    -H \"Authorization: Bearer "
                  + DemoData.PAYG_KEY
                  + "\" \\\n"
                  + "    -d page=1 \\\n"
                  + "    -d limit=25 \\\n"
                  + "    -d funding_source=boa \\\n"
                  + "    -d status=CURRENT");
      secret = Files.readString(workDir.resolve(DemoPayg.SECRET_FILE)).strip().split(" ")[1];
      assertThat(banner).contains("openssl dgst -sha256 -hmac '" + secret + "'");

      // What curl -G sends for the example.
      HttpResponse<String> list =
          send(
              HttpRequest.newBuilder(
                      URI.create(
                          base
                              + "/payg/lms/contracts?page=1&limit=25&funding_source=boa"
                              + "&status=CURRENT"))
                  .header("Authorization", "Bearer " + DemoData.PAYG_KEY)
                  .build());
      assertThat(list.statusCode()).isEqualTo(200);
      JsonNode contracts = LendingSystem.json(list.body());
      assertThat(contracts.get("count").asInt()).isEqualTo(1);
      JsonNode contract = contracts.get("results").get(0);
      assertThat(contract.get("loan_id").asText()).isEqualTo(DemoPayg.LOAN_ID);
      assertThat(contract.get("tractor_id").asText()).isEqualTo(DemoData.TRACTOR_ID);
      assertThat(contract.get("usd_snapshot").asText()).isEqualTo("1000.00");

      // The demo usage (2.5 + 3.25 + 1.75 ha) is in the contract's weekly draft.
      JsonNode periods =
          LendingSystem.json(
              send(HttpRequest.newBuilder(URI.create(base + "/payg/lms/billing-periods"))
                      .header("Authorization", "Bearer " + DemoData.PAYG_KEY)
                      .build())
                  .body());
      assertThat(periods.at("/results/0/hectares").asText()).isEqualTo("7.5000");
      assertThat(periods.at("/results/0/amount_due").asText()).isEqualTo("337500.00");

      // The banner's signed webhook, signed as its openssl line signs.
      String body =
          "{\"customer_name\":\"Amina Bello\",\"amount_paid\":\"50000.00\","
              + "\"transaction_code\":\"DEMO-TX-1\",\"initiated_at\":\"2026-11-21T10:00:00Z\","
              + "\"completed_at\":\"2026-11-21T10:01:00Z\",\"loan_id\":\"LOAN-DEMO-1\"}";
      assertThat(banner).contains("BODY='" + body + "'");
      String ts = Long.toString(Instant.now().getEpochSecond());
      HttpResponse<String> paid =
          send(
              HttpRequest.newBuilder(URI.create(base + "/payg/lms/webhooks/payment-confirmation"))
                  .header("Authorization", "Bearer " + DemoData.PAYG_KEY)
                  .header("Content-Type", "application/json")
                  .header("X-Furrow-Timestamp", ts)
                  .header(
                      "X-Furrow-Signature",
                      PaygSystem.signature(secret, ts, body.getBytes(StandardCharsets.UTF_8)))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
      assertThat(LendingSystem.json(paid.body()).get("remaining_contract_value_after").asText())
          .isEqualTo("1450000.00");
    }

    try (LocalSystem again = start()) {
      assertThat(again.banner())
          .contains("webhook secret (X-Furrow-Signature):            " + secret);
      String base = "http://127.0.0.1:" + again.gatewayPort();
      JsonNode contracts =
          LendingSystem.json(
              send(HttpRequest.newBuilder(URI.create(base + "/payg/lms/contracts"))
                      .header("Authorization", "Bearer " + DemoData.PAYG_KEY)
                      .build())
                  .body());
      assertThat(contracts.get("count").asInt()).isEqualTo(1);
      ManagedChannel channel =
          ManagedChannelBuilder.forTarget(coreTarget(again)).usePlaintext().build();
      try {
        Metadata operator = new Metadata();
        operator.put(Caller.SERVICE_TOKEN, TOKEN);
        var interceptor = MetadataUtils.newAttachHeadersInterceptor(operator);
        long partner =
            PartnerAdminServiceGrpc.newBlockingStub(channel)
                .withInterceptors(interceptor)
                .getPartner(GetPartnerRequest.newBuilder().setName(DemoData.PARTNER_NAME).build())
                .getId();
        assertThat(
                PaymentAdminServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(interceptor)
                    .listWebhookSecrets(
                        ListWebhookSecretsRequest.newBuilder().setPartnerId(partner).build())
                    .getSecretsCount())
            .isEqualTo(1);
        assertThat(
                ContractAdminServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(interceptor)
                    .listFxRates(ListFxRatesRequest.newBuilder().setCurrency("NGN").build())
                    .getRatesCount())
            .isEqualTo(1);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static String coreTarget(LocalSystem system) {
    return "127.0.0.1:" + system.corePort();
  }
}
