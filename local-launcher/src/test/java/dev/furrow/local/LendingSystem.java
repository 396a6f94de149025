package dev.furrow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.furrow.core.CoreConfig;
import dev.furrow.core.CoreServer;
import dev.furrow.core.cob.CloseOfBusinessRepository;
import dev.furrow.core.delinquency.DelinquencyRepository;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.schedule.ScheduleRepository;
import dev.furrow.core.statement.StatementRepository;
import dev.furrow.gateway.GatewayConfig;
import dev.furrow.gateway.GatewayServer;
import dev.furrow.proto.lending.v1.CloseOfBusinessAdminServiceGrpc;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc.PartnerAdminServiceBlockingStub;
import dev.furrow.testing.TestDatabases;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real core on a fresh database and the real gateway in front of it, on free ports, for the
 * REST tests of the lending face; partners and their keys are made through the operator API, as an
 * operator would.
 */
final class LendingSystem implements BeforeAllCallback, AfterAllCallback {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String APPLICATIONS = "/api/v1/applications/application/";
  private static final String LOANS = "/api/v1/loans/loan/";
  private static final String TOKEN = "lending-rest-test-service-token-0123";
  private static final AtomicInteger partners = new AtomicInteger();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private TestDatabases.TestDatabase database;
  private CoreServer core;
  private GatewayServer gateway;
  private ManagedChannel channel;
  private PartnerAdminServiceBlockingStub admin;
  private CloseOfBusinessAdminServiceGrpc.CloseOfBusinessAdminServiceBlockingStub closeOfBusiness;

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabases.create();
    core = CoreServer.start(CoreConfig.of(database.jdbcUrl(), TOKEN));
    gateway = GatewayServer.start(GatewayConfig.of(0, "127.0.0.1:" + core.port()));
    channel = ManagedChannelBuilder.forTarget("127.0.0.1:" + core.port()).usePlaintext().build();
    final Metadata operator = new Metadata();
    operator.put(Caller.SERVICE_TOKEN, TOKEN);
    admin =
        PartnerAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
    closeOfBusiness =
        CloseOfBusinessAdminServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(operator));
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

  /** The operator closes every open business date up to {@code day} ("2026-01-25"). */
  void closeBusinessDate(String day) {
    closeOfBusiness.runCloseOfBusiness(
        RunCloseOfBusinessRequest.newBuilder().setBusinessDate(day).build());
  }

  /**
   * Moves a loan's transactions created together with {@code transactionId} to 10:00 UTC on {@code
   * day}, as if posted then, and lets what follows a posting run again as of that day (the schedule
   * or the statements' minimums, the accrual start, delinquency): close of business tests cannot
   * wait for the calendar.
   */
  void backdate(String loanId, String transactionId, String day) {
    final UUID loan = UUID.fromString(loanId);
    final Instant at = Instant.parse(day + "T10:00:00Z");
    core.jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE loan_transaction SET created_at = :at, completed_at = :at"
                          + " WHERE loan_id = :loan AND created_at = ("
                          + "SELECT created_at FROM loan_transaction WHERE id = :id)")
                  .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                  .bind("id", UUID.fromString(transactionId))
                  .bind("loan", loan)
                  .execute();
              if (!new StatementRepository(core.jdbi()).follow(h, loan, at)) {
                new ScheduleRepository(core.jdbi()).rewrite(h, loan, at);
              }
              new CloseOfBusinessRepository(core.jdbi()).posted(h, loan, at);
              new DelinquencyRepository(core.jdbi()).posted(h, loan, at);
            });
  }

  /** {@code http://127.0.0.1:<port>}, the base of every link the gateway builds. */
  String baseUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  /** A new partner with a LENDING key. */
  Partner newPartner() {
    final long id =
        admin
            .createPartner(
                CreatePartnerRequest.newBuilder()
                    .setName("Lender " + partners.incrementAndGet())
                    .build())
            .getId();
    return new Partner(id, issue(id, ApiFace.API_FACE_LENDING));
  }

  /** A key of another face for the partner. */
  String issue(long partnerId, ApiFace face) {
    return admin
        .issueApiKey(IssueApiKeyRequest.newBuilder().setPartnerId(partnerId).setFace(face).build())
        .getKey();
  }

  /** Sends a request with the key in {@code X-Api-Key} (none if null) and a JSON body if given. */
  Reply call(String method, String path, String apiKey, String body) {
    return call(method, path, apiKey, body, null);
  }

  /** {@link #call(String, String, String, String)} with an {@code Idempotency-Key} unless null. */
  Reply call(String method, String path, String apiKey, String body, String idempotencyKey) {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(15))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (apiKey != null) {
      request.header("X-Api-Key", apiKey);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      final HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** JSON text (as in a text block) as a tree, to compare with what the gateway answered. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A partner and its LENDING key, with the calls it makes. */
  final class Partner {
    final long id;
    final String key;

    Partner(long id, String key) {
      this.id = id;
      this.key = key;
    }

    Reply get(String path) {
      return call("GET", path, key, null);
    }

    Reply post(String path, String body) {
      return call("POST", path, key, body);
    }

    Reply put(String path, String body) {
      return call("PUT", path, key, body);
    }

    Reply patch(String path, String body) {
      return call("PATCH", path, key, body);
    }

    Reply delete(String path) {
      return call("DELETE", path, key, null);
    }

    /** Sends the request with an {@code Idempotency-Key}. */
    Reply send(String method, String path, String body, String idempotencyKey) {
      return call(method, path, key, body, idempotencyKey);
    }

    /** Creates and publishes a product from its JSON; returns its id. */
    String publishedProduct(String productJson) {
      final String id = create(LendingApiRestTest.PRODUCTS, productJson).get("id").asText();
      assertThat(post(LendingApiRestTest.PRODUCTS + id + "/publish/", null).status())
          .isEqualTo(201);
      return id;
    }

    /**
     * Opens a loan of {@code amount} at {@code rate} under the product for a new borrower (the
     * reference's steps: end user, application, complete, loan); returns the loan's id.
     */
    String openLoan(String product, String amount, String rate) {
      final String endUser =
          create(LendingApiRestTest.END_USERS, LendingApiRestTest.END_USER).get("id").asText();
      final String application =
          create(
                  APPLICATIONS,
                  """
                  {"product": "%s", "end_user": "%s", "amount": "%s", "rate": "%s"}
                  """
                      .formatted(product, endUser, amount, rate))
              .get("id")
              .asText();
      assertThat(
              post(APPLICATIONS + application + "/complete/", null).json().get("status").asText())
          .isEqualTo("accepted");
      return create(LOANS, "{\"application\": \"%s\"}".formatted(application)).get("id").asText();
    }

    /** POSTs and returns the created object, failing unless the answer is 201. */
    ObjectNode create(String path, String body) {
      final Reply reply = post(path, body);
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return (ObjectNode) reply.json();
    }
  }

  /** What the gateway answered. */
  record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      return LendingSystem.json(body);
    }
  }
}
