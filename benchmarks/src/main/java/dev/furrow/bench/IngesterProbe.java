package dev.furrow.bench;

import dev.furrow.ingest.IngestMetrics;
import dev.furrow.ingest.IngesterConfig;
import dev.furrow.ingest.TelematicsIngester;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.CountDownLatch;

/**
 * The ingester as its own process for the telematics benchmark: configured from the environment
 * like {@code IngesterMain}, it also prints a {@code PROBE} line with its heap and counters twice a
 * second, so the benchmark can report the memory of the ingester alone. Stops on SIGTERM.
 */
public final class IngesterProbe {
  private IngesterProbe() {}

  /**
   * Heap outside the young generation's eden (old generation and survivors): what outlived at least
   * one collection, i.e. what the ingester keeps rather than the garbage it makes.
   */
  private static long retained() {
    long retained = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")) {
        retained += pool.getUsage().getUsed();
      }
    }
    return retained;
  }

  public static void main(String[] args) throws InterruptedException {
    TelematicsIngester ingester = TelematicsIngester.start(IngesterConfig.fromEnvironment());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ingester.close();
                  stopped.countDown();
                }));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.println("PROBE-READY");
    System.out.flush();
    while (!stopped.await(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      IngestMetrics m = ingester.metrics();
      System.out.println(
          "PROBE heap="
              + memory.getHeapMemoryUsage().getUsed()
              + " received="
              + m.received()
              + " recorded="
              + m.recorded()
              + " duplicates="
              + m.duplicates()
              + " rejected="
              + m.rejected()
              + " acknowledged="
              + m.acknowledged()
              + " batches="
              + m.batches()
              + " maxBatch="
              + m.maxBatchSize()
              + " failedCalls="
              + m.failedCalls()
              + " lastCommitMicros="
              + m.lastCommitLatency().toNanos() / 1_000);
      System.out.flush();
    }
  }
}
