package dev.furrow.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Simulates tractors publishing usage reports to an MQTT broker at QoS 1 and reports exactly what
 * the broker confirmed, so a test can compare it with what the core recorded.
 *
 * <p>Tractors take turns; each report covers a 5-minute window in the past, each tractor's windows
 * follow one another, and hectares are exact 4-decimal values the core accepts. Message ids are
 * {@code runId-n}, n counting each tractor's reports from 0.
 */
public final class Simulator {
  private Simulator() {}

  /**
   * Runs a simulation to its end: publishes the new messages at the given rate (with the asked
   * share of retries), then waits until the broker confirmed every message, publishing again what
   * lost connections took, for at most the drain timeout. Writes the report file if one is set.
   *
   * @throws IllegalStateException if the broker cannot be reached at the start
   */
  public static SimulationReport run(SimulatorOptions options) {
    return run(options, PublishListener.NONE);
  }

  /**
   * Like {@link #run(SimulatorOptions)}, telling {@code listener} when each message first went out.
   */
  public static SimulationReport run(SimulatorOptions options, PublishListener listener) {
    PrintStream out = options.progress() ? System.out : null;
    Workload workload = new Workload(options, Instant.now());
    Tally tally = new Tally(workload.tractorIds());
    Publisher publisher = new Publisher(options, tally, out, listener);
    publisher.connect();
    long startNanos = System.nanoTime();
    String stoppedEarly = "";
    try (Progress ignored =
        out == null ? null : Progress.start(tally, publisher::inFlight, System.out)) {
      publishAll(options, workload, tally, publisher);
      if (!publisher.awaitConfirmed(options.drainTimeout())) {
        stoppedEarly =
            tally.unconfirmed()
                + " messages still unconfirmed after waiting "
                + options.drainTimeout().toSeconds()
                + " s";
      }
    } catch (GaveUpException e) {
      stoppedEarly = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stoppedEarly = "interrupted";
    } finally {
      publisher.close();
    }
    SimulationReport report =
        tally.report(options, Duration.ofNanos(System.nanoTime() - startNanos), stoppedEarly);
    if (options.reportFile() != null) {
      report.writeTo(options.reportFile());
    }
    return report;
  }

  private record Retry(long due, UsageMessage message) {}

  private static void publishAll(
      SimulatorOptions options, Workload workload, Tally tally, Publisher publisher)
      throws GaveUpException, InterruptedException {
    Pacer pacer = new Pacer(options.rate());
    PriorityQueue<Retry> retries = new PriorityQueue<>(Comparator.comparingLong(Retry::due));
    long deadline =
        options.duration().isZero()
            ? Long.MAX_VALUE
            : System.nanoTime() + options.duration().toNanos();
    long publishes = 0;
    while (workload.hasNext() && deadline - System.nanoTime() > 0) {
      Retry retry = retries.peek();
      pacer.await();
      if (retry != null && retry.due() <= publishes) {
        retries.poll();
        publisher.publish(retry.message(), Publisher.Kind.RETRY);
      } else {
        UsageMessage message = workload.next();
        tally.created.increment();
        publisher.publish(message, Publisher.Kind.FIRST);
        int retryAfter = workload.retryAfter();
        if (retryAfter > 0) {
          retries.add(new Retry(publishes + retryAfter, message));
        }
      }
      publishes++;
    }
    while (!retries.isEmpty()) {
      pacer.await();
      publisher.publish(retries.poll().message(), Publisher.Kind.RETRY);
    }
  }
}
