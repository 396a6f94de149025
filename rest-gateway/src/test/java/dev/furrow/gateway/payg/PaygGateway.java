package dev.furrow.gateway.payg;

import dev.furrow.gateway.GatewayConfig;
import dev.furrow.gateway.GatewayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real gateway on a free port in front of a {@link FakePaygCore}, shared by a test class. */
final class PaygGateway implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  static final String BEARER = "Bearer " + FakePaygCore.PAYG_KEY;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakePaygCore core;
  private GatewayServer gateway;

  @Override
  public void beforeAll(ExtensionContext context) {
    core = new FakePaygCore();
    gateway = GatewayServer.start(GatewayConfig.of(0, core.target()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    core.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      gateway.close();
    } finally {
      core.close();
    }
  }

  FakePaygCore core() {
    return core;
  }

  /** {@code http://127.0.0.1:<port>}. */
  String base() {
    return "http://127.0.0.1:" + gateway.port();
  }

  /** GETs the path with the PAYG key. */
  HttpResponse<String> get(String path) {
    return send("GET", path, null, "Authorization", BEARER);
  }

  /** Sends a request with the given body (none if null) and header name/value pairs. */
  HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(15))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
