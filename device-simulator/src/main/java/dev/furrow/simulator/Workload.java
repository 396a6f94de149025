package dev.furrow.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The messages of a run, the same for the same options and start minute: tractors take turns, each
 * tractor's windows follow one another and all end before the run started, and hectares stay within
 * what the core finds plausible.
 */
final class Workload {
  /** Length of every usage window. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /**
   * Largest hectares per report, 4 decimals: below the core's 10 ha per hour over a 5-minute window
   * (0.8333).
   */
  static final BigDecimal MAX_HECTARES = new BigDecimal("0.8000");

  private static final int HECTARE_SCALE = 4;
  private static final int MAX_UNITS = MAX_HECTARES.unscaledValue().intValueExact();
  private static final int MAX_RETRY_DELAY = 50;

  private final List<String> tractorIds;
  private final PayloadFormat format;
  private final String runId;
  private final long planned;
  private final Instant origin;
  private final double retryProbability;
  private final SplittableRandom hectareRandom;
  private final SplittableRandom retryRandom;
  private long created;

  /**
   * @param startedAt when the run starts; windows end at least a minute before it
   */
  Workload(SimulatorOptions options, Instant startedAt) {
    this.tractorIds = options.tractorIds();
    this.format = options.format();
    this.runId = options.runId();
    this.planned = options.plannedMessages();
    long perTractor = (planned + tractorIds.size() - 1) / tractorIds.size();
    Instant anchor = startedAt.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
    this.origin = anchor.minus(WINDOW.multipliedBy(perTractor));
    this.retryProbability = options.retryPercent() / 100;
    // Separate streams: the same seed gives the same hectares whatever the retry percentage.
    this.hectareRandom = new SplittableRandom(options.seed());
    this.retryRandom = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
  }

  List<String> tractorIds() {
    return tractorIds;
  }

  /** New messages the run publishes at most. */
  long planned() {
    return planned;
  }

  boolean hasNext() {
    return created < planned;
  }

  /**
   * The next new message: tractor {@code n mod tractors}, its report number {@code n / tractors}.
   */
  UsageMessage next() {
    if (!hasNext()) {
      throw new IllegalStateException("all " + planned + " messages were created");
    }
    long n = created++;
    int tractor = (int) (n % tractorIds.size());
    long sequence = n / tractorIds.size();
    String tractorId = tractorIds.get(tractor);
    String messageId = runId + "-" + sequence;
    Instant windowStart = origin.plus(WINDOW.multipliedBy(sequence));
    Instant windowEnd = windowStart.plus(WINDOW);
    BigDecimal hectares =
        BigDecimal.valueOf(1 + hectareRandom.nextInt(MAX_UNITS), HECTARE_SCALE); // 0.0001-0.8000
    byte[] payload =
        format.encode(tractorId, messageId, windowStart, windowEnd, hectares.toPlainString());
    return new UsageMessage(tractor, tractorId, messageId, hectares, payload);
  }

  /**
   * Whether the message just created is published again later; if so, after how many other
   * publishes (1-50), else 0.
   */
  int retryAfter() {
    if (retryProbability <= 0 || retryRandom.nextDouble() >= retryProbability) {
      return 0;
    }
    return 1 + retryRandom.nextInt(MAX_RETRY_DELAY);
  }
}
