package dev.furrow.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded HiveMQ broker in a JVM of its own.
 *
 * <pre>
 * java -cp "$(cat embedded-broker/target/broker.classpath):embedded-broker/target/classes" \
 *     dev.furrow.broker.EmbeddedBrokerMain [--port 1883] [--bind 127.0.0.1] [--data-dir DIR] \
 *     [--config-dir DIR] [--max-queue-size 1000000] [--ignore-stdin]
 * </pre>
 *
 * <p>Once the listener accepts connections, exactly one line {@value #READY_PREFIX}{@code
 * tcp://host:port} is printed on stdout; HiveMQ's own logging goes to stderr at WARN. The broker
 * runs until its stdin reaches end of file (the parent process closed the pipe or died) or the JVM
 * receives SIGTERM/SIGINT; a shutdown hook then stops HiveMQ. With {@code --ignore-stdin} only a
 * signal stops it (for running it in the background of a shell, where stdin is {@code /dev/null}).
 */
public final class EmbeddedBrokerMain {

  /** Start of the line printed on stdout once the broker accepts connections. */
  public static final String READY_PREFIX = "FURROW-BROKER READY ";

  private static final String USAGE =
      "usage: EmbeddedBrokerMain [--port N (default 1883)] [--bind ADDRESS (default 127.0.0.1)]"
          + " [--data-dir DIR (default: a temporary folder, deleted at exit)]"
          + " [--config-dir DIR (where HiveMQ's config.xml is written; default: a temporary"
          + " folder, deleted at exit)]"
          + " [--max-queue-size N (default 1000000)] [--ignore-stdin]";

  private EmbeddedBrokerMain() {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      // Until HiveMQ's logging bootstrap reads the copy in its configuration folder.
      System.setProperty("logback.configurationFile", "hivemq/logback.xml");
    }
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (arguments.help) {
      System.out.println(USAGE);
      return;
    }

    EmbeddedBroker broker;
    try {
      broker = EmbeddedBroker.start(arguments.options);
    } catch (IllegalStateException e) {
      System.err.println("FURROW-BROKER FAILED " + e.getMessage());
      System.err.flush();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "furrow-broker-shutdown"));

    PrintStream out = System.out;
    out.println(READY_PREFIX + broker.url());
    out.flush();

    if (!arguments.ignoreStdin) {
      Thread stdinWatch = new Thread(EmbeddedBrokerMain::exitAtEndOfStdin, "furrow-broker-stdin");
      stdinWatch.setDaemon(true);
      stdinWatch.start();
    }
    try {
      new CountDownLatch(1).await(); // until System.exit or a signal
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The parent keeps our stdin open; when it closes the pipe (or dies) the broker goes too. */
  private static void exitAtEndOfStdin() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // input is ignored; only end of file matters
      }
    } catch (IOException e) {
      // a broken stdin counts as closed
    }
    System.exit(0);
  }

  static final class Arguments {
    BrokerOptions options = BrokerOptions.onPort(BrokerOptions.DEFAULT_PORT);
    boolean ignoreStdin;
    boolean help;

    static Arguments parse(String[] args) {
      Arguments parsed = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String value = null;
        int equals = arg.indexOf('=');
        if (arg.startsWith("--") && equals > 0) {
          value = arg.substring(equals + 1);
          arg = arg.substring(0, equals);
        }
        switch (arg) {
          case "--port" ->
              parsed.options =
                  parsed.options.withPort(
                      number(value != null ? value : next(args, ++i, arg), arg, 1, 65535));
          case "--bind" ->
              parsed.options =
                  parsed.options.withBindAddress(value != null ? value : next(args, ++i, arg));
          case "--data-dir" ->
              parsed.options =
                  parsed.options.withDataDir(Path.of(value != null ? value : next(args, ++i, arg)));
          case "--config-dir" ->
              parsed.options =
                  parsed.options.withConfigDir(
                      Path.of(value != null ? value : next(args, ++i, arg)));
          case "--max-queue-size" ->
              parsed.options =
                  parsed.options.withMaxQueueSize(
                      number(value != null ? value : next(args, ++i, arg), arg, 1, Long.MAX_VALUE));
          case "--ignore-stdin" -> parsed.ignoreStdin = true;
          case "--help", "-h" -> parsed.help = true;
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
      return parsed;
    }

    private static String next(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static int number(String value, String option, int min, int max) {
      return (int) number(value, option, min, (long) max);
    }

    private static long number(String value, String option, long min, long max) {
      try {
        long number = Long.parseLong(value.trim());
        if (number < min || number > max) {
          throw new IllegalArgumentException(
              option + " must be between " + min + " and " + max + ", was " + value);
        }
        return number;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, was " + value, e);
      }
    }
  }
}
