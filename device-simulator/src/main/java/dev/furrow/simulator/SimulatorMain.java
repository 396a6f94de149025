package dev.furrow.simulator;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The simulator command: {@code furrow-simulator [options]} (see {@link SimulatorOptions#USAGE}).
 * Exits 0 when the broker confirmed every message and had a subscriber for each, 1 when not or when
 * it was unreachable, and 2 on a usage error.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command and returns its exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.println(SimulatorOptions.USAGE);
      return 0;
    }
    SimulatorOptions options;
    try {
      options = SimulatorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("furrow-simulator: " + e.getMessage());
      err.println(SimulatorOptions.USAGE);
      return 2;
    }
    String bound =
        options.count() > 0
            ? options.count() + " messages"
            : options.duration().toSeconds() + " s (up to " + options.plannedMessages() + ")";
    out.printf(
        "Simulating %d tractors (%s1..%s%d) at %s msg/s for %s, run id %s, seed %d, %s, to %s as %s%n",
        options.tractors(),
        options.prefix(),
        options.prefix(),
        options.tractors(),
        options.rate() == 0 ? "max" : formatRate(options.rate()),
        bound,
        options.runId(),
        options.seed(),
        options.format().name().toLowerCase(java.util.Locale.ROOT),
        options.url(),
        options.clientId());
    SimulationReport report;
    try {
      report = Simulator.run(options);
    } catch (IllegalStateException e) {
      err.println("furrow-simulator: " + e.getMessage());
      return 1;
    }
    out.print(report.toText());
    if (options.reportFile() != null) {
      out.println("Report written to " + options.reportFile().toAbsolutePath());
    }
    return report.complete() ? 0 : 1;
  }

  private static String formatRate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
