package dev.furrow.bench.repay;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One measured run of a closed loop: how many operations succeeded and failed, the wall time, and
 * each successful operation's latency, and the CPU time spent on them.
 */
record Run(int succeeded, int failed, long nanos, long[] latencies, CpuMeter.Cpu cpu) {

  static Run of(int succeeded, int failed, long nanos, long[] latencies, CpuMeter.Cpu cpu) {
    long[] sorted = Arrays.copyOf(latencies, succeeded);
    Arrays.sort(sorted);
    return new Run(succeeded, failed, nanos, sorted, cpu);
  }

  /** CPU microseconds of this JVM per successful operation. */
  double jvmMicros() {
    return cpu.jvmSeconds() * 1e6 / succeeded;
  }

  /** CPU microseconds of the database's backends per successful operation. */
  double databaseMicros() {
    return cpu.databaseSeconds() * 1e6 / succeeded;
  }

  double seconds() {
    return nanos / 1e9;
  }

  double perSecond() {
    return succeeded / seconds();
  }

  double p50Millis() {
    return percentile(0.50);
  }

  double p99Millis() {
    return percentile(0.99);
  }

  private double percentile(double p) {
    if (latencies.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * latencies.length) - 1;
    return latencies[Math.max(0, index)] / 1e6;
  }

  /** The median of the values. */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median of a figure over rounds (the mean of the middle two for an even count). */
  static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
    return median(runs.stream().map(figure::applyAsDouble).toList());
  }
}
