package dev.furrow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker child process: ready line, crash and restart on the same port and data folder. Talks
 * bare MQTT 3.1.1 over a socket, as test-support has no MQTT client library.
 */
class BrokerProcessTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void persistentSessionSurvivesAKilledBrokerOnTheSamePort() throws Exception {
    BrokerProcess broker = TestMqttBroker.startPrivateBroker();
    try {
      int port = broker.port();
      assertEquals("tcp://127.0.0.1:" + port, broker.url());
      assertTrue(broker.isRunning());
      assertTrue(Files.readString(broker.logFile()).contains("FURROW-BROKER READY"));

      assertFalse(connect(broker.url(), "crash-test"), "a new session");
      assertTrue(connect(broker.url(), "crash-test"), "the session is kept between connections");

      broker.kill();
      assertFalse(broker.isRunning());
      assertThrows(IOException.class, () -> connect(broker.url(), "crash-test"));

      broker.restart();
      assertEquals(port, broker.port());
      assertTrue(connect(broker.url(), "crash-test"), "the session survives the crash on disk");

      broker.stop();
      assertFalse(broker.isRunning());
      assertThrows(IOException.class, () -> connect(broker.url(), "crash-test"));
    } finally {
      broker.stop();
    }
  }

  /**
   * Connects with cleanSession=0 and disconnects again.
   *
   * @return the CONNACK's session-present flag
   */
  private static boolean connect(String url, String clientId) throws IOException {
    URI uri = URI.create(url);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
      socket.setSoTimeout(5_000);
      byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
      byte[] protocol = "MQTT".getBytes(StandardCharsets.US_ASCII);
      int remaining = 2 + protocol.length + 1 + 1 + 2 + 2 + id.length;
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {0x10, (byte) remaining, 0, (byte) protocol.length});
      out.write(protocol);
      out.write(new byte[] {4, 0x00, 0, 60}); // level 4 (3.1.1), cleanSession=0, keep-alive 60 s
      out.write(new byte[] {0, (byte) id.length});
      out.write(id);
      out.flush();

      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] connack = new byte[4];
      in.readFully(connack);
      assertEquals(0x20, connack[0] & 0xFF, "CONNACK");
      assertEquals(0, connack[3], "connection accepted");
      out.write(new byte[] {(byte) 0xE0, 0}); // DISCONNECT
      out.flush();
      return (connack[2] & 0x01) == 1;
    }
  }
}
