package dev.furrow.bench;

import java.util.List;
import java.util.Optional;

/**
 * Command line entry of the benchmarks: {@code ./mvnw -q install -Pbench -Dbench=<name>} runs one
 * of them by name (docs/benchmarks.md lists them and their latest figures).
 */
public final class BenchMain {

  private BenchMain() {}

  /** Every benchmark the command can run, in the order docs/benchmarks.md describes them. */
  static List<Benchmark> all() {
    return List.of(new CloseOfBusinessBenchmark());
  }

  public static void main(String[] args) throws Exception {
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
