package dev.furrow.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one simulation does. Build with {@link #builder()} or parse command-line arguments with
 * {@link #parse(String...)}; {@link #USAGE} describes every option.
 *
 * @param url broker URL, {@code tcp://host:1883}
 * @param clientId MQTT client id of the simulator's one connection
 * @param tractors how many tractors publish; their ids are {@code prefix + 1 .. prefix + n}
 * @param prefix tractor id prefix
 * @param rate publishes per second over all tractors, retries included; 0 publishes as fast as the
 *     in-flight window allows
 * @param count new (unique) messages to publish, or 0 when {@code duration} bounds the run
 * @param duration how long to publish new messages, or {@link Duration#ZERO} when {@code count}
 *     bounds the run
 * @param seed seeds the hectares and the choice of retried messages, so a run can be repeated
 * @param retryPercent share of messages (0-100) published a second time with the same message id,
 *     as a device does that missed an acknowledgement
 * @param format payload encoding
 * @param maxInFlight most publishes waiting for the broker's PUBACK at once (lowered to the
 *     broker's receive maximum when that is smaller)
 * @param runId part of every message id ({@code runId-seq}), so that separate runs never reuse an
 *     id; repeat a run id to replay a run's ids on purpose
 * @param drainTimeout how long to wait at the end, and to keep reconnecting after a lost
 *     connection, before giving up on unconfirmed messages
 * @param progress whether to print a progress line every second on standard output
 * @param reportFile where to write the report ({@code .json}, else CSV), or null for none
 */
public record SimulatorOptions(
    String url,
    String clientId,
    int tractors,
    String prefix,
    double rate,
    long count,
    Duration duration,
    long seed,
    double retryPercent,
    PayloadFormat format,
    int maxInFlight,
    String runId,
    Duration drainTimeout,
    boolean progress,
    Path reportFile) {

  public static final String DEFAULT_URL = "tcp://127.0.0.1:1883";
  public static final String DEFAULT_PREFIX = "TR-SIM-";
  public static final int MAX_TRACTORS = 1_000_000;

  /** The command-line options, as printed by {@code --help}. */
  public static final String USAGE =
      String.join(
          "\n",
          "Usage: furrow-simulator [options]",
          "  --url URL             broker (default " + DEFAULT_URL + ")",
          "  --tractors N          simulated tractors (default 10)",
          "  --prefix TEXT         tractor id prefix; ids are TEXT1..TEXTN (default "
              + DEFAULT_PREFIX
              + ")",
          "  --rate R              publishes per second, retries included; 0 = as fast as"
              + " possible (default 100)",
          "  --count N             new messages to publish (default 1000 unless --duration)",
          "  --duration S          publish new messages for S seconds instead (needs --rate > 0)",
          "  --seed N              seeds hectares and retries (default: random, printed)",
          "  --retry-percent P     re-publish P% of the messages with the same message_id"
              + " (default 0)",
          "  --client-id ID        MQTT client id (default furrow-sim-RUNID)",
          "  --format json|protobuf  payload encoding (default json)",
          "  --max-in-flight N     publishes awaiting PUBACK at once (default 1000)",
          "  --run-id ID           message id prefix (default: random); reuse it to replay a run",
          "  --drain-timeout S     wait for confirmations and reconnections (default 60)",
          "  --report FILE         also write the report to FILE (.json, else CSV)",
          "  --quiet               no progress line",
          "  --help                this text");

  private static final Pattern ID_TEXT = Pattern.compile("[A-Za-z0-9._-]*");
  private static final int MAX_TRACTOR_ID = 64;
  private static final int MAX_RUN_ID = 64;

  public SimulatorOptions {
    requireNonNull(url, "url");
    requireNonNull(clientId, "clientId");
    requireNonNull(prefix, "prefix");
    requireNonNull(duration, "duration");
    requireNonNull(format, "format");
    requireNonNull(runId, "runId");
    requireNonNull(drainTimeout, "drainTimeout");
    if (url.isBlank()) {
      throw new IllegalArgumentException("url: blank (expected: tcp://host:port)");
    }
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId: blank (expected: non-empty)");
    }
    if (tractors < 1 || tractors > MAX_TRACTORS) {
      throw new IllegalArgumentException(
          "tractors: " + tractors + " (expected: 1-" + MAX_TRACTORS + ")");
    }
    String longestId = prefix + tractors;
    if (!ID_TEXT.matcher(prefix).matches() || longestId.length() > MAX_TRACTOR_ID) {
      throw new IllegalArgumentException(
          "prefix: "
              + prefix
              + " (expected: [A-Za-z0-9._-], tractor ids of at most "
              + MAX_TRACTOR_ID
              + " characters)");
    }
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("rate: " + rate + " (expected: >= 0)");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration: " + duration + " (expected: >= 0)");
    }
    if ((count == 0) == duration.isZero()) {
      throw new IllegalArgumentException(
          "count: " + count + ", duration: " + duration + " (expected: exactly one of them > 0)");
    }
    if (!duration.isZero() && rate == 0) {
      throw new IllegalArgumentException(
          "rate: 0 with a duration (expected: a rate > 0, which bounds the messages of the run)");
    }
    if (!(retryPercent >= 0 && retryPercent <= 100)) {
      throw new IllegalArgumentException("retryPercent: " + retryPercent + " (expected: 0-100)");
    }
    if (maxInFlight < 1 || maxInFlight > 65_535) {
      throw new IllegalArgumentException("maxInFlight: " + maxInFlight + " (expected: 1-65535)");
    }
    if (runId.isEmpty() || runId.length() > MAX_RUN_ID || !ID_TEXT.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "runId: " + runId + " (expected: 1-" + MAX_RUN_ID + " characters [A-Za-z0-9._-])");
    }
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drainTimeout: " + drainTimeout + " (expected: >= 0)");
    }
  }

  /** A builder with every default filled in: 1000 messages from 10 tractors at 100/s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads command-line options ({@code --name value} or {@code --name=value}).
   *
   * @throws IllegalArgumentException naming the option that is unknown, missing its value or
   *     invalid
   */
  public static SimulatorOptions parse(String... args) {
    Builder builder = builder();
    boolean countGiven = false;
    boolean durationGiven = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(arg + ": not an option (expected: --name value)");
      }
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (name.equals("--quiet")) {
        if (value != null) {
          throw new IllegalArgumentException("--quiet: takes no value");
        }
        builder.progress(false);
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + ": missing value");
        }
        value = args[++i];
      }
      String v = value;
      switch (name) {
        case "--url" -> builder.url(v);
        case "--tractors" -> builder.tractors(parse(name, v, Integer::parseInt));
        case "--prefix" -> builder.prefix(v);
        case "--rate" -> builder.rate(parse(name, v, Double::parseDouble));
        case "--count" -> {
          builder.count(parse(name, v, Long::parseLong));
          countGiven = true;
        }
        case "--duration" -> {
          builder.duration(seconds(name, v));
          durationGiven = true;
        }
        case "--seed" -> builder.seed(parse(name, v, Long::parseLong));
        case "--retry-percent" -> builder.retryPercent(parse(name, v, Double::parseDouble));
        case "--client-id" -> builder.clientId(v);
        case "--format" -> builder.format(PayloadFormat.fromName(v));
        case "--max-in-flight" -> builder.maxInFlight(parse(name, v, Integer::parseInt));
        case "--run-id" -> builder.runId(v);
        case "--drain-timeout" -> builder.drainTimeout(seconds(name, v));
        case "--report" -> builder.reportFile(Path.of(v));
        default -> throw new IllegalArgumentException(name + ": unknown option (see --help)");
      }
    }
    if (countGiven && durationGiven) {
      throw new IllegalArgumentException("--count and --duration: give one of them, not both");
    }
    if (durationGiven) {
      builder.count(0);
    }
    return builder.build();
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(String name, String value, Parser<T> parser) {
    try {
      return parser.parse(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: a number)", e);
    }
  }

  private static Duration seconds(String name, String value) {
    double seconds = parse(name, value, Double::parseDouble);
    if (!(seconds >= 0) || seconds > Duration.ofDays(365).toSeconds()) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: 0 or more seconds)");
    }
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /** The simulated tractors' ids, {@code prefix + 1} to {@code prefix + tractors}. */
  public List<String> tractorIds() {
    List<String> ids = new ArrayList<>(tractors);
    for (int i = 1; i <= tractors; i++) {
      ids.add(prefix + i);
    }
    return ids;
  }

  /** New messages the run publishes at most: the count, or rate times duration. */
  public long plannedMessages() {
    if (count > 0) {
      return count;
    }
    return (long) Math.ceil(rate * duration.toNanos() / 1e9);
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    return new Builder()
        .url(url)
        .clientId(clientId)
        .tractors(tractors)
        .prefix(prefix)
        .rate(rate)
        .count(count)
        .duration(duration)
        .seed(seed)
        .retryPercent(retryPercent)
        .format(format)
        .maxInFlight(maxInFlight)
        .runId(runId)
        .drainTimeout(drainTimeout)
        .progress(progress)
        .reportFile(reportFile);
  }

  /** Builds {@link SimulatorOptions}; setting a duration clears the default count. */
  public static final class Builder {
    private String url = DEFAULT_URL;
    private String clientId;
    private int tractors = 10;
    private String prefix = DEFAULT_PREFIX;
    private double rate = 100;
    private long count = 1000;
    private Duration duration = Duration.ZERO;
    private long seed = new SecureRandom().nextLong();
    private double retryPercent;
    private PayloadFormat format = PayloadFormat.JSON;
    private int maxInFlight = 1000;
    private String runId = randomRunId();
    private Duration drainTimeout = Duration.ofSeconds(60);
    private boolean progress = true;
    private Path reportFile;

    private Builder() {}

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /** Defaults to {@code furrow-sim-} and the run id. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder tractors(int tractors) {
      this.tractors = tractors;
      return this;
    }

    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    /** Bounds the run by a number of new messages (and clears any duration). */
    public Builder count(long count) {
      this.count = count;
      if (count > 0) {
        this.duration = Duration.ZERO;
      }
      return this;
    }

    /** Bounds the run by time (and clears the count). */
    public Builder duration(Duration duration) {
      this.duration = duration;
      if (duration != null && !duration.isZero()) {
        this.count = 0;
      }
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder retryPercent(double retryPercent) {
      this.retryPercent = retryPercent;
      return this;
    }

    public Builder format(PayloadFormat format) {
      this.format = format;
      return this;
    }

    public Builder maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    public Builder drainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
      return this;
    }

    public Builder progress(boolean progress) {
      this.progress = progress;
      return this;
    }

    public Builder reportFile(Path reportFile) {
      this.reportFile = reportFile;
      return this;
    }

    public SimulatorOptions build() {
      return new SimulatorOptions(
          url,
          clientId == null ? "furrow-sim-" + runId : clientId,
          tractors,
          prefix,
          rate,
          count,
          duration,
          seed,
          retryPercent,
          format,
          maxInFlight,
          runId,
          drainTimeout,
          progress,
          reportFile);
    }

    private static String randomRunId() {
      SecureRandom random = new SecureRandom();
      StringBuilder id = new StringBuilder("r");
      for (int i = 0; i < 7; i++) {
        id.append(Character.forDigit(random.nextInt(36), 36));
      }
      return id.toString().toLowerCase(Locale.ROOT);
    }
  }
}
