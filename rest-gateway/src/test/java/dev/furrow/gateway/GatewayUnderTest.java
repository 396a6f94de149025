package dev.furrow.gateway;

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

/** A real gateway on a free port in front of a {@link FakeCore}, shared by a test class. */
final class GatewayUnderTest implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeCore core;
  private GatewayServer gateway;

  @Override
  public void beforeAll(ExtensionContext context) {
    core = FakeCore.start();
    gateway = GatewayServer.start(GatewayConfig.of(0, core.target()));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    core.reset();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      gateway.close();
    } finally {
      core.close();
    }
  }

  FakeCore core() {
    return core;
  }

  /** GETs the path from the gateway with the given header name/value pairs. */
  HttpResponse<String> get(String path, String... headerNamesAndValues) {
    return send(path, "GET", headerNamesAndValues);
  }

  /** Sends an empty-bodied request with the given method. */
  HttpResponse<String> send(String path, String method, String... headerNamesAndValues) {
    return call(gateway.port(), path, method, headerNamesAndValues);
  }

  HttpResponse<String> call(int port, String path, String method, String... headers) {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(15))
            .method(method, HttpRequest.BodyPublishers.noBody());
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
