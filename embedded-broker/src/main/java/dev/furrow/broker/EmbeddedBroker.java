package dev.furrow.broker;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Metric;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A HiveMQ CE broker running in this JVM with Furrow's settings (raised queue limit, loud drops).
 *
 * <p>HiveMQ brings Netty 4.1, so only a JVM that has nothing but this module's classpath may host
 * it: {@link EmbeddedBrokerMain} in a process of its own, or this module's tests. Only one broker
 * per JVM at a time.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** HiveMQ's counter of messages it dropped (full queue, expiry, ...). */
  public static final String DROPPED_METRIC = "com.hivemq.messages.dropped.count";

  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private static final long DROP_CHECK_SECONDS = 2;

  private final BrokerOptions options;
  private final EmbeddedHiveMQ hivemq;
  private final Path configDir;
  private final boolean temporaryConfig;
  private final Path dataDir;
  private final boolean temporaryData;
  private final ScheduledExecutorService dropWatch;
  private long reportedDrops;
  private boolean closed;

  private EmbeddedBroker(
      BrokerOptions options,
      EmbeddedHiveMQ hivemq,
      Path configDir,
      boolean temporaryConfig,
      Path dataDir,
      boolean temporaryData) {
    this.options = options;
    this.hivemq = hivemq;
    this.configDir = configDir;
    this.temporaryConfig = temporaryConfig;
    this.dataDir = dataDir;
    this.temporaryData = temporaryData;
    this.dropWatch =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "furrow-broker-drop-watch");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Writes the configuration, starts HiveMQ and returns once the listener accepts connections.
   *
   * @throws IllegalStateException if HiveMQ does not start (port taken, data folder locked, ...)
   */
  public static EmbeddedBroker start(BrokerOptions options) {
    Path configDir = null;
    Path dataDir = null;
    boolean temporaryConfig = options.configDir() == null;
    boolean temporaryData = options.dataDir() == null;
    EmbeddedHiveMQ hivemq = null;
    try {
      configDir =
          temporaryConfig
              ? Files.createTempDirectory("furrow-broker-conf-")
              : Files.createDirectories(options.configDir().toAbsolutePath());
      writeConfiguration(configDir, options);
      Path extensionsDir = Files.createDirectories(configDir.resolve("extensions"));
      dataDir =
          temporaryData
              ? Files.createTempDirectory("furrow-broker-data-")
              : Files.createDirectories(options.dataDir().toAbsolutePath());

      hivemq =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(configDir)
              .withDataFolder(dataDir)
              .withExtensionsFolder(extensionsDir)
              .build();
      hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      requireListening(options);

      EmbeddedBroker broker =
          new EmbeddedBroker(options, hivemq, configDir, temporaryConfig, dataDir, temporaryData);
      broker.dropWatch.scheduleWithFixedDelay(
          broker::reportDrops, DROP_CHECK_SECONDS, DROP_CHECK_SECONDS, TimeUnit.SECONDS);
      return broker;
    } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
      closeQuietly(hivemq);
      deleteTemporary(configDir, temporaryConfig, dataDir, temporaryData);
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "HiveMQ did not start on " + options.url() + ": " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(hivemq);
      deleteTemporary(configDir, temporaryConfig, dataDir, temporaryData);
      throw new IllegalStateException("Interrupted while HiveMQ was starting", e);
    }
  }

  /** {@code tcp://host:port} for clients. */
  public String url() {
    return options.url();
  }

  public int port() {
    return options.port();
  }

  public BrokerOptions options() {
    return options;
  }

  /** HiveMQ's data folder (sessions and queued messages). */
  public Path dataDir() {
    return dataDir;
  }

  /** Messages HiveMQ dropped since it started. Zero is the only healthy value. */
  public long droppedMessages() {
    Metric metric = hivemq.getMetricRegistry().getMetrics().get(DROPPED_METRIC);
    return metric instanceof Counting counting ? counting.getCount() : 0;
  }

  /** Stops HiveMQ and deletes the folders it created for itself (temporary ones). Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    dropWatch.shutdownNow();
    reportDrops();
    try {
      hivemq.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      System.err.println("FURROW-BROKER WARN HiveMQ did not stop cleanly: " + e);
    }
    closeQuietly(hivemq);
    deleteTemporary(configDir, temporaryConfig, dataDir, temporaryData);
  }

  private static void deleteTemporary(
      Path configDir, boolean temporaryConfig, Path dataDir, boolean temporaryData) {
    if (temporaryConfig) {
      deleteQuietly(configDir);
    }
    if (temporaryData) {
      deleteQuietly(dataDir);
    }
  }

  private synchronized void reportDrops() {
    long dropped;
    try {
      dropped = droppedMessages();
    } catch (RuntimeException e) {
      return; // HiveMQ is shutting down
    }
    if (dropped > reportedDrops) {
      System.err.println(
          "FURROW-BROKER WARN HiveMQ dropped "
              + (dropped - reportedDrops)
              + " message(s) ("
              + dropped
              + " since start, queue limit "
              + options.maxQueueSize()
              + " per client): a consumer is offline or too slow");
      System.err.flush();
      reportedDrops = dropped;
    }
  }

  static void writeConfiguration(Path configDir, BrokerOptions options) throws IOException {
    String config =
        resource("hivemq/config.xml")
            .replace("@BIND_ADDRESS@", xmlText(options.bindAddress()))
            .replace("@PORT@", Integer.toString(options.port()))
            .replace("@MAX_QUEUE_SIZE@", Long.toString(options.maxQueueSize()));
    Files.writeString(configDir.resolve("config.xml"), config, StandardCharsets.UTF_8);
    Files.writeString(
        configDir.resolve("logback.xml"), resource("hivemq/logback.xml"), StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = EmbeddedBroker.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("resource " + name + " is missing from the broker's classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String xmlText(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** HiveMQ may report "started" even when its listener could not bind; check for ourselves. */
  private static void requireListening(BrokerOptions options) {
    URI uri = URI.create(options.url());
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, options.port()), 5_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          "HiveMQ started but nothing accepts connections on "
              + options.url()
              + " (port taken by another process?): "
              + e.getMessage(),
          e);
    }
  }

  private static void closeQuietly(EmbeddedHiveMQ hivemq) {
    if (hivemq == null) {
      return;
    }
    try {
      hivemq.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // best effort
    }
  }

  static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort: leftovers live in the temp directory
    }
  }
}
