package dev.furrow.simulator;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Prints one line a second: what was published, what the broker acknowledged, and the rate. */
final class Progress implements AutoCloseable {
  private final Tally tally;
  private final IntSupplier inFlight;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(new DaemonThreads("furrow-sim-progress"));
  private long lastPublished;

  private Progress(Tally tally, IntSupplier inFlight, PrintStream out) {
    this.tally = tally;
    this.inFlight = inFlight;
    this.out = out;
  }

  static Progress start(Tally tally, IntSupplier inFlight, PrintStream out) {
    Progress progress = new Progress(tally, inFlight, out);
    progress.timer.scheduleAtFixedRate(progress::print, 1, 1, TimeUnit.SECONDS);
    return progress;
  }

  private void print() {
    long published = tally.published.sum();
    long retries = tally.retries.sum();
    long resends = tally.resends.sum();
    long losses = tally.connectionLosses.sum();
    out.println(
        String.format(
            Locale.ROOT,
            "[%4ds] sent %d (new %d, retries %d, resends %d)  acked %d  confirmed %d  in flight %d"
                + "  %d msg/s%s",
            (System.nanoTime() - startNanos) / 1_000_000_000L,
            published,
            published - retries - resends,
            retries,
            resends,
            tally.acknowledged.sum(),
            tally.confirmed.sum(),
            inFlight.getAsInt(),
            published - lastPublished,
            losses == 0 ? "" : "  lost connections " + losses));
    lastPublished = published;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
