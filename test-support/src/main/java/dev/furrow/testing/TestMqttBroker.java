package dev.furrow.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT broker for tests.
 *
 * <p>{@link #url()} is the broker in {@code FURROW_TEST_MQTT_URL} when that is set (CI sets it to
 * the Mosquitto on {@code tcp://127.0.0.1:1883}); otherwise one embedded HiveMQ broker, started in
 * a child JVM on a free port the first time a test asks and stopped when the JVM exits. Tests
 * sharing a broker should use topics and client ids of their own.
 *
 * <p>Tests that stop, kill or restart a broker take one of their own from {@link
 * #startPrivateBroker()}, never the shared one.
 */
public final class TestMqttBroker {

  /** Environment variable naming an external broker, e.g. {@code tcp://127.0.0.1:1883}. */
  public static final String URL_ENV = "FURROW_TEST_MQTT_URL";

  private static final Logger log = LoggerFactory.getLogger(TestMqttBroker.class);

  private static String checkedExternalUrl;
  private static BrokerProcess shared;
  private static RuntimeException sharedFailure;

  private TestMqttBroker() {}

  /**
   * The URL of the broker the tests share: {@code FURROW_TEST_MQTT_URL} if set, else the embedded
   * broker of this JVM (started on first use).
   *
   * @throws IllegalStateException if the configured broker does not accept connections, or the
   *     embedded one cannot start (e.g. it is not built)
   */
  public static synchronized String url() {
    String configured = System.getenv(URL_ENV);
    if (configured != null && !configured.isBlank()) {
      String url = configured.trim();
      if (!url.equals(checkedExternalUrl)) {
        requireReachable(url);
        checkedExternalUrl = url;
      }
      return url;
    }
    if (sharedFailure != null) {
      throw new IllegalStateException(
          "The shared embedded MQTT broker failed to start earlier: " + sharedFailure.getMessage(),
          sharedFailure);
    }
    try {
      if (shared == null) {
        shared = BrokerProcess.start(0);
        log.info(
            "Embedded MQTT broker for the tests at {} (log {})", shared.url(), shared.logFile());
      } else if (!shared.isRunning()) {
        log.warn("The shared embedded MQTT broker died; restarting it (log {})", shared.logFile());
        shared.restart();
      }
    } catch (RuntimeException e) {
      sharedFailure = e;
      throw e;
    }
    return shared.url();
  }

  /**
   * Starts an embedded broker on a free port for one test, whatever {@code FURROW_TEST_MQTT_URL}
   * says: the test may {@link BrokerProcess#stop() stop}, {@link BrokerProcess#kill() kill} and
   * {@link BrokerProcess#restart() restart} it (sessions and queued messages survive a restart).
   * Stop it when done; whatever is left runs until the JVM exits.
   */
  public static BrokerProcess startPrivateBroker() {
    return BrokerProcess.start(0);
  }

  private static void requireReachable(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(URL_ENV + " is not a URL: " + url, e);
    }
    if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      return; // ssl://, ws://...: left to the client
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 1883;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), 5_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          URL_ENV
              + " is set to "
              + url
              + " but nothing accepts connections there ("
              + e.getMessage()
              + "); start the broker or unset "
              + URL_ENV
              + " to use an embedded one.",
          e);
    }
  }
}
