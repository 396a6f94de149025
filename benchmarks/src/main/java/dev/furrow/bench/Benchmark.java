package dev.furrow.bench;

/**
 * One benchmark: sets up what it needs (fresh database, processes), measures the system and the
 * ceiling it is compared with in the same run, prints its table, and cleans up.
 */
public interface Benchmark {

  /** The name given on the command line ({@code -Dbench=<name>}). */
  String name();

  /** One line saying what is measured against what. */
  String description();

  /** Runs the benchmark and prints its figures to standard output. */
  void run() throws Exception;
}
