package dev.furrow.bench;

import dev.furrow.bench.repay.RepaymentBenchmark;
import java.util.List;
import java.util.Optional;

/**
 * Command line entry of the benchmarks: {@code ./mvnw -q install -Pbench -Dbench=<name>} runs one
 * of them by name (docs/benchmarks.md lists them and their latest figures).
 */
public final class BenchMain {

  private BenchMain() {}

  /**
   * Sets {@code bench.<key>} system properties from {@code key=value,key=value} (the {@code
   * -Dbench.opts} Maven property; Maven does not pass its own -D settings to the benchmark JVM).
   */
  static void applyOptions(String opts) {
    for (String item : opts.split(",")) {
      int eq = item.indexOf('=');
      if (eq > 0) {
        System.setProperty(
            "bench." + item.substring(0, eq).strip(), item.substring(eq + 1).strip());
      }
    }
  }

  /** Every benchmark the command can run, in the order docs/benchmarks.md describes them. */
  static List<Benchmark> all() {
    return List.of(
        new RepaymentBenchmark(),
        new TelematicsBenchmark(),
        new PaygContractsBench(),
        new CloseOfBusinessBenchmark());
  }

  public static void main(String[] args) throws Exception {
    applyOptions(System.getProperty("bench.opts", ""));
    String name = args.length == 0 ? "" : args[0].trim();
    Optional<Benchmark> chosen = all().stream().filter(b -> b.name().equals(name)).findFirst();
    if (chosen.isEmpty()) {
      System.err.println("Unknown benchmark '" + name + "'. Run one of:");
      for (Benchmark b : all()) {
        System.err.println("  -Dbench=" + b.name() + "  " + b.description());
      }
      System.exit(2);
      return;
    }
    chosen.get().run();
    System.exit(0);
  }
}
