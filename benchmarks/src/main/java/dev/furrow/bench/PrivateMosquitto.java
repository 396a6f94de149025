package dev.furrow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the benchmark's own, started from the project's {@code
 * embedded-broker/mosquitto/furrow.conf} with only the listener port and the file locations
 * changed, so the ceiling and the system run meet the same broker with the production limits
 * (queues of one million, 1000 in flight) and nothing else on it.
 */
final class PrivateMosquitto implements AutoCloseable {
  static final Path CONFIG = Path.of("embedded-broker/mosquitto/furrow.conf");
  private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private final Process process;
  private final Path dir;
  private final int port;

  private PrivateMosquitto(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** True when the machine has Mosquitto and the project's configuration is at hand. */
  static boolean available() {
    return Files.isExecutable(BINARY) && Files.isRegularFile(CONFIG);
  }

  /** Starts on {@code preferredPort}, or a free port if that one is taken. */
  static PrivateMosquitto start(int preferredPort) throws IOException, InterruptedException {
    int port = free(preferredPort) ? preferredPort : anyFreePort();
    Path dir = Files.createTempDirectory("furrow-bench-mosquitto");
    // Mosquitto started as root switches to the "mosquitto" user, which must write here.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> config = new ArrayList<>();
    for (String line : Files.readAllLines(CONFIG)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("listener ")) {
        line = "listener " + port + " 127.0.0.1";
      } else if (trimmed.startsWith("persistence_location ")) {
        line = "persistence_location " + dir + "/";
      } else if (trimmed.startsWith("pid_file ")) {
        continue;
      } else if (trimmed.startsWith("log_dest ")) {
        line = "log_dest file " + dir.resolve("mosquitto.log");
      }
      config.add(line);
    }
    Path file = dir.resolve("mosquitto.conf");
    Files.write(file, config);
    Process process =
        new ProcessBuilder(BINARY.toString(), "-c", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Mosquitto did not start on port " + port + "; see " + dir.resolve("stdout.log"));
      }
      Thread.sleep(50);
    }
    return new PrivateMosquitto(process, dir, port);
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int anyFreePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
