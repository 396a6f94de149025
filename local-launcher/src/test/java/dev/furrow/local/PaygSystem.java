package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.gateway.GatewayConfig;
import dev.furrow.gateway.GatewayServer;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.payg.v1.BillingAdminServiceGrpc;
import dev.furrow.proto.payg.v1.BillingAdminServiceGrpc.BillingAdminServiceBlockingStub;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc.ContractAdminServiceBlockingStub;
import dev.furrow.proto.payg.v1.CreateContractRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceRequest;
import dev.furrow.proto.payg.v1.IssueWebhookSecretRequest;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc.PaymentAdminServiceBlockingStub;
import dev.furrow.proto.payg.v1.RunBillingCycleRequest;
import dev.furrow.proto.payg.v1.RunBillingCycleResponse;
import dev.furrow.proto.payg.v1.SetFxRateRequest;
import dev.furrow.proto.payg.v1.UpsertFundingSourceRequest;
import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageResponse;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageOutcome;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import dev.furrow.testing.TestDatabases;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real core on a fresh database and the real gateway in front of it, for the REST tests of the
 * pay-as-you-go face. Funding sources, partners, tractors, contracts, usage, billing cycles and
 * webhook secrets are made through the operator gRPC API, as an operator (and the ingester) would.
 */
final class PaygSystem implements BeforeAllCallback, AfterAllCallback {

  static final String TOKEN = "payg-rest-test-service-token-0123";
  private static final AtomicInteger sequence = new AtomicInteger();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private TestDatabases.TestDatabase database;
  private CoreServer core;
  private GatewayServer gateway;
  private ManagedChannel channel;
  private Metadata operator;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabases.create();
    core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN));
    gateway = GatewayServer.start(GatewayConfig.of(0, "127.0.0.1:" + core.port()));
    channel = ManagedChannelBuilder.forTarget("127.0.0.1:" + core.port()).usePlaintext().build();
    operator = new Metadata();
    operator.put(Caller.SERVICE_TOKEN, TOKEN);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      channel.shutdownNow();
      gateway.close();
      core.close();
    } finally {
      TestDatabases.drop(database);
    }
  }

  private <S extends AbstractStub<S>> S asOperator(S stub) {
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
  }

  ContractAdminServiceBlockingStub contracts() {
    return asOperator(ContractAdminServiceGrpc.newBlockingStub(channel));
  }

  BillingAdminServiceBlockingStub billing() {
    return asOperator(BillingAdminServiceGrpc.newBlockingStub(channel));
  }

  PaymentAdminServiceBlockingStub payments() {
    return asOperator(PaymentAdminServiceGrpc.newBlockingStub(channel));
  }

  /** {@code http://127.0.0.1:<port>}, the base of every link the gateway builds. */
  String baseUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  /** A unique suffix for names in this database. */
  static String unique() {
    return Integer.toString(sequence.incrementAndGet());
  }

  /** Creates (or renames) a funding source. */
  void fundingSource(String code) {
    contracts()
        .upsertFundingSource(
            UpsertFundingSourceRequest.newBuilder()
                .setCode(code)
                .setName("Program " + code)
                .build());
  }

  /** Records a rate from a minute ago. */
  void fxRate(String currency, String unitsPerUsd) {
    contracts()
        .setFxRate(
            SetFxRateRequest.newBuilder()
                .setCurrency(currency)
                .setUnitsPerUsd(unitsPerUsd)
                .setEffectiveFrom(timestamp(Instant.now().minusSeconds(60)))
                .build());
  }

  /** A new partner with a PAYG key and a webhook secret, entitled to the funding sources. */
  Partner newPartner(String... fundingSources) {
    var admin = asOperator(PartnerAdminServiceGrpc.newBlockingStub(channel));
    long id =
        admin
            .createPartner(
                CreatePartnerRequest.newBuilder().setName("PAYG Lender " + unique()).build())
            .getId();
    String key =
        admin
            .issueApiKey(
                IssueApiKeyRequest.newBuilder()
                    .setPartnerId(id)
                    .setFace(ApiFace.API_FACE_PAYG)
                    .build())
            .getKey();
    for (String source : fundingSources) {
      fundingSource(source);
      contracts()
          .grantFundingSource(
              GrantFundingSourceRequest.newBuilder()
                  .setPartnerId(id)
                  .setFundingSource(source)
                  .build());
    }
    String secret =
        payments()
            .issueWebhookSecret(IssueWebhookSecretRequest.newBuilder().setPartnerId(id).build())
            .getSecret();
    return new Partner(id, key, secret);
  }

  /** A LENDING key of the partner, which the PAYG face refuses like an unknown key. */
  String lendingKey(Partner partner) {
    return asOperator(PartnerAdminServiceGrpc.newBlockingStub(channel))
        .issueApiKey(
            IssueApiKeyRequest.newBuilder()
                .setPartnerId(partner.id)
                .setFace(ApiFace.API_FACE_LENDING)
                .build())
        .getKey();
  }

  /** A registered tractor of the partner and a contract for it, with the given terms changed. */
  Contract newContract(Partner owner, String fundingSource, ContractTerms terms) {
    String tractor = "TR-" + unique();
    asOperator(TractorAdminServiceGrpc.newBlockingStub(channel))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractor)
                .setPartnerId(owner.id)
                .build());
    CreateContractRequest.Builder request =
        CreateContractRequest.newBuilder()
            .setOwnerPartnerId(owner.id)
            .setLoanId("LOAN-" + unique())
            .setName("Operator " + unique())
            .setLoaner("Customer " + unique())
            .setFundingSource(fundingSource)
            .setTractorId(tractor)
            .setEquipmentCost("1500000.00")
            .setPrincipalAmount("300000.00")
            .setTotalRepaymentAmount("1500000.00")
            .setRepaymentPerHectare("45000.00")
            .setCurrency("NGN")
            .setLoanStartDate(weekStart(-8).toString())
            .setLoanEndDate(weekStart(96).toString())
            .setTimeZone("UTC");
    terms.apply(request);
    return contracts().createContract(request.build());
  }

  /** A contract with the default terms. */
  Contract newContract(Partner owner, String fundingSource) {
    return newContract(owner, fundingSource, request -> {});
  }

  /** Changes to a contract request. */
  interface ContractTerms {
    void apply(CreateContractRequest.Builder request);
  }

  /** Monday of the ISO week {@code weeks} from the current one (UTC): -1 is last week. */
  static LocalDate weekStart(int weeks) {
    return LocalDate.now(ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .plusWeeks(weeks);
  }

  /** Records usage as the ingester does: one report of the hectares, two hours from the start. */
  UsageOutcome.Kind recordUsage(
      String tractorId, String messageId, Instant start, String hectares) {
    RecordUsageResponse response =
        asOperator(UsageIngestServiceGrpc.newBlockingStub(channel))
            .recordUsage(
                RecordUsageRequest.newBuilder()
                    .addSubmissions(submission(tractorId, messageId, start, hectares))
                    .build());
    assertThat(response.getOutcomes(0).getReason()).isEmpty();
    return response.getOutcomes(0).getKind();
  }

  /** Records several reports of one tractor in one batch (one transaction). */
  void recordUsageBatch(String tractorId, Object... messageStartHectares) {
    RecordUsageRequest.Builder request = RecordUsageRequest.newBuilder();
    for (int i = 0; i < messageStartHectares.length; i += 3) {
      request.addSubmissions(
          submission(
              tractorId,
              (String) messageStartHectares[i],
              (Instant) messageStartHectares[i + 1],
              (String) messageStartHectares[i + 2]));
    }
    RecordUsageResponse response =
        asOperator(UsageIngestServiceGrpc.newBlockingStub(channel)).recordUsage(request.build());
    for (UsageOutcome outcome : response.getOutcomesList()) {
      assertThat(outcome.getKind()).as(outcome.getReason()).isEqualTo(UsageOutcome.Kind.RECORDED);
    }
  }

  private static UsageSubmission submission(
      String tractorId, String messageId, Instant start, String hectares) {
    return UsageSubmission.newBuilder()
        .setTopic("furrow/v1/tractors/" + tractorId + "/usage")
        .setRawPayload(ByteString.copyFromUtf8("{}"))
        .setContentType("application/json")
        .setReport(
            UsageReport.newBuilder()
                .setSchemaVersion(1)
                .setTractorId(tractorId)
                .setMessageId(messageId)
                .setWindowStart(timestamp(start))
                .setWindowEnd(timestamp(start.plus(Duration.ofHours(2))))
                .setHectares(hectares))
        .build();
  }

  /** Runs the operator's billing cycle for the business date. */
  RunBillingCycleResponse runBillingCycle(LocalDate businessDate) {
    return billing()
        .runBillingCycle(
            RunBillingCycleRequest.newBuilder().setBusinessDate(businessDate.toString()).build());
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  /** Sends a request with the Bearer key (none if null), extra header pairs and a body. */
  LendingSystem.Reply call(
      String method, String path, String bearer, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(15))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new LendingSystem.Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>}. */
  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A partner with its PAYG key and webhook secret, and the calls it makes. */
  final class Partner {
    final long id;
    final String key;
    final String secret;

    Partner(long id, String key, String secret) {
      this.id = id;
      this.key = key;
      this.secret = secret;
    }

    LendingSystem.Reply get(String path) {
      return call("GET", path, key, null);
    }

    JsonNode getOk(String path) {
      LendingSystem.Reply reply = get(path);
      assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
      return reply.json();
    }

    /** Delivers a payment report signed now with the partner's secret. */
    LendingSystem.Reply report(String body) {
      String ts = Long.toString(Instant.now().getEpochSecond());
      return deliver(body, ts, signature(secret, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Delivers a payment report with the given timestamp and signature headers. */
    LendingSystem.Reply deliver(String body, String timestamp, String signature) {
      return call(
          "POST",
          "/payg/lms/webhooks/payment-confirmation",
          key,
          body.getBytes(StandardCharsets.UTF_8),
          "Content-Type",
          "application/json",
          "X-Furrow-Timestamp",
          timestamp,
          "X-Furrow-Signature",
          signature);
    }
  }
}
