package dev.furrow.local;

import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.gateway.GatewayConfig;
import dev.furrow.gateway.GatewayServer;
import dev.furrow.ingest.IngesterConfig;
import dev.furrow.ingest.TelematicsIngester;
import dev.furrow.testing.BrokerProcess;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: PostgreSQL (configured, local or embedded), an MQTT broker
 * (configured or embedded HiveMQ), the core, the ingester and the gateway, with demo data. Closing
 * it stops everything in reverse order.
 */
public final class LocalSystem implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

  /** Port of the embedded broker; 1883 is usually taken by a system Mosquitto. */
  static final int EMBEDDED_BROKER_PORT = 18830;

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private CoreServer core;
  private GatewayServer gateway;
  private String mqttUrl;
  private String databaseDescription;
  private String brokerDescription;
  private DemoData.Loaded demo;
  private String serviceToken;

  /** Starts every part; on failure, stops what was already started and rethrows. */
  public static LocalSystem start(Map<String, String> env, Path workDir) {
    LocalSystem system = new LocalSystem();
    try {
      system.startAll(env, workDir);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> env, Path workDir) {
    LocalDatabase database = LocalDatabase.resolve(env, workDir);
    running.push(database);
    databaseDescription = database.description();

    mqttUrl = env.get("FURROW_MQTT_URL");
    if (mqttUrl == null || mqttUrl.isBlank()) {
      BrokerProcess broker = BrokerProcess.start(EMBEDDED_BROKER_PORT, workDir.resolve("broker"));
      running.push(broker::stop);
      mqttUrl = broker.url();
      brokerDescription = "embedded HiveMQ CE";
    } else {
      brokerDescription = "FURROW_MQTT_URL";
    }

    String token = env.getOrDefault("FURROW_SERVICE_TOKEN", randomToken());
    serviceToken = token;
    int corePort = Integer.parseInt(env.getOrDefault("FURROW_CORE_PORT", "9090"));
    core = CoreServer.start(new CoreConfig(database.url(), "", "", 16, corePort, token));
    running.push(core);
    String coreTarget = "127.0.0.1:" + core.port();

    TelematicsIngester ingester =
        TelematicsIngester.start(
            IngesterConfig.builder()
                .mqttUrl(mqttUrl)
                .mqttClientId("furrow-local-ingester")
                .coreTarget(coreTarget)
                .serviceToken(token)
                .build());
    running.push(ingester);

    int gatewayPort = Integer.parseInt(env.getOrDefault("FURROW_GATEWAY_PORT", "8080"));
    gateway = GatewayServer.start(GatewayConfig.of(gatewayPort, coreTarget));
    running.push(gateway);

    demo = DemoData.load(coreTarget, token, mqttUrl, workDir);
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** What a person needs to start using the running system. */
  public String banner() {
    String base = "http://127.0.0.1:" + gateway.port();
    return String.join(
        "\n",
        "",
        "Furrow is running.",
        "  REST gateway   " + base + "   (health: " + base + "/internal/health)",
        "  core gRPC      127.0.0.1:"
            + core.port()
            + "   (reflection on: grpcurl -plaintext 127.0.0.1:"
            + core.port()
            + " list)",
        "  MQTT broker    " + mqttUrl + "   (" + brokerDescription + ")",
        "  operator token " + serviceToken + "   (x-furrow-service-token, FURROW_SERVICE_TOKEN)",
        "  PostgreSQL     " + databaseDescription,
        "",
        "Demo partner \"" + DemoData.PARTNER_NAME + "\"",
        "  lending API key (X-Api-Key, /api/v1):          " + DemoData.LENDING_KEY,
        "  pay-as-you-go key (Authorization: Bearer):     " + DemoData.PAYG_KEY,
        "  demo product \"" + DemoLending.PRODUCT_NAME + "\" (published) and borrower Amina Bello",
        "  demo tractor "
            + DemoData.TRACTOR_ID
            + " with "
            + demo.reportsSent()
            + " usage reports sent over MQTT",
        "  pay-as-you-go contract "
            + DemoPayg.LOAN_ID
            + " (funding source "
            + DemoPayg.FUNDING_SOURCE
            + ", NGN at "
            + DemoPayg.NGN_PER_USD
            + " per USD) for the tractor",
        "  webhook secret (X-Furrow-Signature):            " + demo.webhookSecret(),
        "",
        "Try:",
        "  curl -H 'X-Api-Key: " + DemoData.LENDING_KEY + "' " + base + "/api/v1/products/product/",
        "  curl -H 'Authorization: Bearer "
            + DemoData.PAYG_KEY
            + "' "
            + base
            + "/payg/lms/tractors/"
            + DemoData.TRACTOR_ID
            + "/usage",
        "",
        "Pay-as-you-go contracts (the documented example; docs at " + base + "/payg/lms/docs):",
        curlExample(base, DemoData.PAYG_KEY),
        "",
        "A signed payment confirmation (bash, openssl):",
        webhookExample(base, DemoData.PAYG_KEY, demo.webhookSecret()),
        "",
        "Stop with Ctrl-C.");
  }

  /** The reference's contract list example against this system, with the demo key. */
  static String curlExample(String base, String paygKey) {
    return String.join(
        "\n",
        "  curl -G " + base + "/payg/lms/contracts \\",
        "    -H \"Authorization: Bearer " + paygKey + "\" \\",
        "    -d page=1 \\",
        "    -d limit=25 \\",
        "    -d funding_source=" + DemoPayg.FUNDING_SOURCE + " \\",
        "    -d status=CURRENT");
  }

  /** A payment report for the demo contract, signed with the secret, as shell commands. */
  static String webhookExample(String base, String paygKey, String secret) {
    return String.join(
        "\n",
        "  BODY='{\"customer_name\":\""
            + DemoPayg.CUSTOMER_NAME
            + "\",\"amount_paid\":\"50000.00\",\"transaction_code\":\"DEMO-TX-1\","
            + "\"initiated_at\":\"2026-11-21T10:00:00Z\",\"completed_at\":\"2026-11-21T10:01:00Z\","
            + "\"loan_id\":\""
            + DemoPayg.LOAN_ID
            + "\"}'",
        "  TS=$(date +%s)",
        "  SIG=$(printf '%s.%s' \"$TS\" \"$BODY\" | openssl dgst -sha256 -hmac '"
            + secret
            + "' | sed 's/^.* //')",
        "  curl -X POST " + base + "/payg/lms/webhooks/payment-confirmation \\",
        "    -H 'Authorization: Bearer " + paygKey + "' -H 'Content-Type: application/json' \\",
        "    -H \"X-Furrow-Timestamp: $TS\" -H \"X-Furrow-Signature: sha256=$SIG\" \\",
        "    --data-binary \"$BODY\"");
  }

  public int gatewayPort() {
    return gateway.port();
  }

  /** The core's gRPC port (the chosen one when started with port 0). */
  public int corePort() {
    return core.port();
  }

  @Override
  public void close() {
    while (!running.isEmpty()) {
      AutoCloseable part = running.pop();
      try {
        part.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", part, e.toString());
      }
    }
  }

  /** Starts the local system and keeps it running until Ctrl-C. */
  public static void main(String[] args) throws InterruptedException {
    long started = System.nanoTime();
    LocalSystem system = start(System.getenv(), Path.of(".furrow").toAbsolutePath());
    Runtime.getRuntime().addShutdownHook(new Thread(system::close, "furrow-local-shutdown"));
    System.out.println(system.banner());
    System.out.printf("(started in %.1f s)%n", (System.nanoTime() - started) / 1e9);
    Thread.currentThread().join();
  }
}
