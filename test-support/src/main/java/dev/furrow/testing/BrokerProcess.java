package dev.furrow.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded HiveMQ broker ({@code dev.furrow.broker.EmbeddedBrokerMain}) in a child JVM.
 *
 * <p>HiveMQ brings Netty 4.1 and the services run Armeria on Netty 4.2, so the broker never shares
 * a JVM with them: the child runs on the classpath the {@code embedded-broker} module writes to
 * {@code embedded-broker/target/broker.classpath} plus {@code embedded-broker/target/classes}. The
 * system property {@value #CLASSPATH_FILE_PROPERTY} names another classpath file (the {@code
 * classes} folder or module jar next to it is added when present).
 *
 * <p>The child dies with this JVM: a shutdown hook stops it, and if this JVM is killed the pipe on
 * the child's stdin closes, which makes the child exit. Its output goes to a log file ({@link
 * #logFile()}) under {@code target/} when the working directory has one, else the temp directory.
 */
public final class BrokerProcess implements AutoCloseable {

  /** System property: a file holding the broker's runtime classpath. */
  public static final String CLASSPATH_FILE_PROPERTY = "furrow.broker.classpath.file";

  private static final String MAIN_CLASS = "dev.furrow.broker.EmbeddedBrokerMain";
  private static final String READY_PREFIX = "FURROW-BROKER READY ";
  private static final String BIND_ADDRESS = "127.0.0.1";
  private static final String BUILD_HINT =
      "build it with ./mvnw -q install -DskipTests -pl embedded-broker";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 3;
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8");

  private static final Set<BrokerProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<Path> TEMPORARY_DIRS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(BrokerProcess::stopAllAtExit, "furrow-broker-process-stop"));
  }

  private final int port;
  private final Path dataDir;
  private final Path logFile;
  private final List<String> command;
  private volatile Process process;
  private OutputStream stdin;
  private volatile String url;

  private BrokerProcess(int port, Path dataDir, Path logFile, List<String> command) {
    this.port = port;
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.command = command;
  }

  /**
   * Starts a broker on {@code 127.0.0.1:port} (0 picks a free port) with a temporary data folder
   * that is deleted when this JVM exits, and waits until it accepts connections.
   *
   * @throws IllegalStateException if the broker is not built or does not become ready in 60 s
   */
  public static BrokerProcess start(int port) {
    Path home = temporaryDirectory("furrow-broker-");
    return start(port, home.resolve("data"), home.resolve("conf"));
  }

  /**
   * Starts a broker on {@code 127.0.0.1:port} (0 picks a free port) that keeps its sessions and
   * queued messages in {@code dataDir}, which outlives the broker.
   */
  public static BrokerProcess start(int port, Path dataDir) {
    return start(port, dataDir, temporaryDirectory("furrow-broker-conf-"));
  }

  private static BrokerProcess start(int port, Path dataDir, Path configDir) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    List<String> classpath = brokerClasspath();
    Path absoluteDataDir = dataDir.toAbsolutePath();
    Path absoluteConfigDir = configDir.toAbsolutePath();
    IllegalStateException failure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int chosenPort = port == 0 ? freePort() : port;
      BrokerProcess broker =
          new BrokerProcess(
              chosenPort,
              absoluteDataDir,
              newLogFile(chosenPort),
              command(classpath, chosenPort, absoluteDataDir, absoluteConfigDir));
      try {
        broker.launch();
        return broker;
      } catch (PortTakenException e) {
        failure = e;
        if (port != 0) {
          break; // the caller asked for this port; another one would not do
        }
      }
    }
    throw failure;
  }

  /** A folder in the temp directory that is deleted when this JVM exits. */
  private static Path temporaryDirectory(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      TEMPORARY_DIRS.add(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code tcp://127.0.0.1:<port>}. */
  public String url() {
    return url != null ? url : "tcp://" + BIND_ADDRESS + ":" + port;
  }

  public int port() {
    return port;
  }

  /** The broker's data folder; it survives {@link #stop()}, {@link #kill()} and restarts. */
  public Path dataDir() {
    return dataDir;
  }

  /** Where the child's stdout and stderr go (appended across restarts). */
  public Path logFile() {
    return logFile;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The child's process id, for tests that want to signal it themselves. */
  public synchronized Optional<Long> pid() {
    return process == null ? Optional.empty() : Optional.of(process.pid());
  }

  /**
   * Stops the broker gracefully (closes its stdin, then SIGTERM, then SIGKILL if it hangs) and
   * waits until it has exited. Sessions and queued messages stay in the data folder. Idempotent.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    Process stopping = process;
    closeStdin();
    try {
      if (!stopping.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        stopping.destroy();
        if (!stopping.waitFor(5, TimeUnit.SECONDS)) {
          stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      stopping.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      process = null;
      LIVE.remove(this);
    }
  }

  /** Kills the broker at once (SIGKILL), like a crash, and waits until it is gone. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    Process killed = process;
    killed.destroyForcibly();
    try {
      killed.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeStdin();
      process = null;
      LIVE.remove(this);
    }
  }

  /**
   * Stops the broker if it runs and starts it again on the same port with the same data folder, so
   * persistent sessions and their queued messages are back. Waits until it accepts connections.
   */
  public synchronized void restart() {
    stop();
    IllegalStateException failure = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      try {
        launch();
        return;
      } catch (PortTakenException e) {
        failure = e; // the old listener may take a moment to let go of the port
        sleep(Duration.ofMillis(500L * attempt));
      }
    }
    throw failure;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "BrokerProcess[" + url() + ", log " + logFile + "]";
  }

  private synchronized void launch() {
    long logStart;
    try {
      Files.createDirectories(logFile.getParent());
      String banner =
          String.format(
              "---- %s starting embedded broker on port %d, data %s%n",
              LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), port, dataDir);
      Files.writeString(
          logFile,
          banner,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      logStart = Files.size(logFile);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.PIPE);
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not launch the embedded MQTT broker: " + e, e);
    }
    stdin = process.getOutputStream();
    LIVE.add(this);
    awaitReady(logStart);
  }

  private void awaitReady(long logStart) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      String output = outputSince(logStart);
      for (String line : output.split("\\R")) {
        if (line.startsWith(READY_PREFIX)) {
          url = line.substring(READY_PREFIX.length()).trim();
          return;
        }
      }
      if (!process.isAlive()) {
        int exitCode = process.exitValue();
        forget();
        String message =
            "The embedded MQTT broker on port "
                + port
                + " exited with code "
                + exitCode
                + " before it was ready (log "
                + logFile
                + "):\n"
                + tail(output);
        if (output.contains("already in use") || output.contains("Could not bind")) {
          throw new PortTakenException(message);
        }
        throw new IllegalStateException(message);
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        forget();
        throw new IllegalStateException(
            "The embedded MQTT broker on port "
                + port
                + " was not ready within "
                + READY_TIMEOUT.toSeconds()
                + " s (log "
                + logFile
                + "):\n"
                + tail(outputSince(logStart)));
      }
      sleep(Duration.ofMillis(50));
    }
  }

  private void forget() {
    closeStdin();
    process = null;
    LIVE.remove(this);
  }

  private void closeStdin() {
    if (stdin != null) {
      try {
        stdin.close();
      } catch (IOException ignored) {
        // the child is gone already
      }
      stdin = null;
    }
  }

  private String outputSince(long offset) {
    try {
      byte[] bytes = Files.readAllBytes(logFile);
      int from = (int) Math.min(offset, bytes.length);
      return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String output) {
    int max = 6_000;
    return output.length() <= max ? output : "..." + output.substring(output.length() - max);
  }

  private static List<String> command(
      List<String> classpath, int port, Path dataDir, Path configDir) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(MAIN_CLASS);
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--bind");
    command.add(BIND_ADDRESS);
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.add("--config-dir");
    command.add(configDir.toString());
    return command;
  }

  private static String javaExecutable() {
    Optional<String> current = ProcessHandle.current().info().command();
    if (current.isPresent()) {
      Path path = Path.of(current.get());
      String name = path.getFileName().toString();
      if ((name.equals("java") || name.equals("java.exe")) && Files.isExecutable(path)) {
        return path.toString();
      }
    }
    Path bin = Path.of(System.getProperty("java.home"), "bin");
    Path java = bin.resolve("java");
    return Files.isExecutable(java) ? java.toString() : bin.resolve("java.exe").toString();
  }

  /** The broker's runtime classpath followed by its own classes. */
  static List<String> brokerClasspath() {
    String configured = System.getProperty(CLASSPATH_FILE_PROPERTY);
    Path classpathFile;
    if (configured != null && !configured.isBlank()) {
      classpathFile = Path.of(configured).toAbsolutePath();
      if (!Files.isRegularFile(classpathFile)) {
        throw new IllegalStateException(
            "The embedded MQTT broker's classpath file "
                + classpathFile
                + " (system property "
                + CLASSPATH_FILE_PROPERTY
                + ") does not exist: "
                + BUILD_HINT
                + ".");
      }
    } else {
      Path root = repositoryRoot();
      classpathFile = root.resolve("embedded-broker/target/broker.classpath");
      if (!Files.isRegularFile(classpathFile)
          || brokerClasses(classpathFile.getParent()).isEmpty()) {
        throw new IllegalStateException(
            "The embedded MQTT broker is not built (no "
                + classpathFile
                + " or no compiled classes next to it): "
                + BUILD_HINT
                + ".");
      }
    }
    List<String> classpath = new ArrayList<>();
    brokerClasses(classpathFile.getParent()).ifPresent(path -> classpath.add(path.toString()));
    try {
      String content = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
      for (String entry : content.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          classpath.add(entry.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classpath;
  }

  /** {@code target/classes} of the broker module if compiled, else its jar. */
  private static Optional<Path> brokerClasses(Path targetDir) {
    Path classes = targetDir.resolve("classes");
    if (Files.isRegularFile(classes.resolve(MAIN_CLASS.replace('.', '/') + ".class"))) {
      return Optional.of(classes);
    }
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(targetDir, "furrow-embedded-broker-*.jar")) {
      for (Path jar : jars) {
        if (!jar.getFileName().toString().endsWith("-sources.jar")) {
          return Optional.of(jar);
        }
      }
    } catch (IOException e) {
      // no jar either
    }
    return Optional.empty();
  }

  /** The nearest folder upwards from the working directory that holds embedded-broker/pom.xml. */
  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("embedded-broker/pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "Cannot find the embedded MQTT broker: no embedded-broker/pom.xml in "
            + start
            + " or above it; run from inside the Furrow repository or set the system property "
            + CLASSPATH_FILE_PROPERTY
            + " to embedded-broker/target/broker.classpath.");
  }

  private static Path newLogFile(int port) {
    Path target = Path.of("target").toAbsolutePath();
    Path dir =
        Files.isDirectory(target)
            ? target.resolve("furrow-broker")
            : Path.of(System.getProperty("java.io.tmpdir"), "furrow-broker");
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return dir.resolve(
        "broker-" + port + "-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on " + BIND_ADDRESS, e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the embedded MQTT broker", e);
    }
  }

  /** At JVM exit: ask every child to stop at once, wait a little, then kill what is left. */
  private static void stopAllAtExit() {
    List<Process> processes = new ArrayList<>();
    for (BrokerProcess broker : LIVE) {
      // No lock: a thread holding one may be blocked for good at exit.
      Process process = broker.process;
      if (process != null) {
        broker.closeStdin();
        process.destroy();
        processes.add(process);
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (Process process : processes) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }
    for (Path dir : TEMPORARY_DIRS) {
      deleteRecursively(dir);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // leftovers live in the temp directory
    }
  }

  /** The broker could not bind its port. */
  private static final class PortTakenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTakenException(String message) {
      super(message);
    }
  }
}
