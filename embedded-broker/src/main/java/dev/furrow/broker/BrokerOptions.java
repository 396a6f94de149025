package dev.furrow.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the embedded broker.
 *
 * @param bindAddress address of the TCP listener, e.g. {@code 127.0.0.1}
 * @param port TCP port of the listener (1..65535)
 * @param dataDir HiveMQ's data folder (sessions, queued messages); {@code null} for a temporary
 *     folder that is deleted when the broker is closed
 * @param configDir where config.xml and logback.xml are written at start; {@code null} for a
 *     temporary folder that is deleted when the broker is closed
 * @param maxQueueSize QoS 1/2 messages HiveMQ queues per client before it drops
 */
public record BrokerOptions(
    String bindAddress, int port, Path dataDir, Path configDir, long maxQueueSize) {

  /** Default MQTT port. */
  public static final int DEFAULT_PORT = 1883;

  /** Default listener address: loopback only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  /**
   * Queued messages per client. HiveMQ's default of 1000 silently loses the telemetry of an
   * ingester that falls behind; a million covers hours of backlog at the expected rates.
   */
  public static final long DEFAULT_MAX_QUEUE_SIZE = 1_000_000L;

  public BrokerOptions {
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    if (maxQueueSize < 1) {
      throw new IllegalArgumentException("maxQueueSize must be positive, was " + maxQueueSize);
    }
  }

  /** Loopback on the given port, a temporary data folder, the raised queue limit. */
  public static BrokerOptions onPort(int port) {
    return new BrokerOptions(DEFAULT_BIND_ADDRESS, port, null, null, DEFAULT_MAX_QUEUE_SIZE);
  }

  public BrokerOptions withPort(int newPort) {
    return new BrokerOptions(bindAddress, newPort, dataDir, configDir, maxQueueSize);
  }

  public BrokerOptions withBindAddress(String newBindAddress) {
    return new BrokerOptions(newBindAddress, port, dataDir, configDir, maxQueueSize);
  }

  public BrokerOptions withDataDir(Path newDataDir) {
    return new BrokerOptions(bindAddress, port, newDataDir, configDir, maxQueueSize);
  }

  public BrokerOptions withConfigDir(Path newConfigDir) {
    return new BrokerOptions(bindAddress, port, dataDir, newConfigDir, maxQueueSize);
  }

  public BrokerOptions withMaxQueueSize(long newMaxQueueSize) {
    return new BrokerOptions(bindAddress, port, dataDir, configDir, newMaxQueueSize);
  }

  /** The URL clients use: {@code tcp://host:port}, loopback when bound to all interfaces. */
  public String url() {
    String host = bindAddress;
    if (host.equals("0.0.0.0") || host.isEmpty()) {
      host = "127.0.0.1";
    } else if (host.equals("::") || host.equals("[::]")) {
      host = "[::1]";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "tcp://" + host + ":" + port;
  }
}
