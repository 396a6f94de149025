package dev.furrow.ingest;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the telematics ingester as a process, configured from the environment (see {@link
 * IngesterConfig#fromEnvironment()}). SIGTERM or SIGINT shuts it down cleanly.
 */
public final class IngesterMain {
  private static final Logger logger = LoggerFactory.getLogger(IngesterMain.class);

  private IngesterMain() {}

  public static void main(String[] args) throws InterruptedException {
    IngesterConfig config;
    try {
      config = IngesterConfig.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("furrow-ingester: " + e.getMessage());
      System.exit(2);
      return;
    }
    TelematicsIngester ingester;
    try {
      ingester = TelematicsIngester.start(config);
    } catch (RuntimeException e) {
      logger.error("Telematics ingester could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ingester.close();
                  stopped.countDown();
                },
                "furrow-ingester-shutdown"));
    // The ingester's threads are daemons: this keeps the process alive until it is told to stop.
    stopped.await();
  }
}
