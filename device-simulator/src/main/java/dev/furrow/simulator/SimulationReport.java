package dev.furrow.simulator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run sent: per tractor, the messages the broker confirmed (PUBACK for at least one copy)
 * and their hectares. Retries and resends of a message count once here; they are counted apart.
 *
 * @param runId the message id prefix of the run
 * @param seed the seed, to repeat the run
 * @param format the payload encoding
 * @param tractors every simulated tractor, in id order, including those with nothing confirmed
 * @param messages confirmed messages over all tractors
 * @param hectares their hectares, exact, 4 decimals
 * @param published PUBLISH packets handed to the client: first copies, retries and resends
 * @param retries deliberate second copies ({@code --retry-percent})
 * @param resends copies published again because a connection was lost before their PUBACK
 * @param unconfirmed messages of which no copy was confirmed when the run ended; they may or may
 *     not have reached the broker, so they are in none of the totals
 * @param noSubscribers confirmed messages the broker reported as matching no subscription (MQTT v5
 *     reason code 0x10): the broker accepted and discarded them
 * @param connectionLosses times the connection to the broker was lost and opened again
 * @param elapsed from the first publish to the last confirmation
 * @param stoppedEarly why the run gave up before confirming everything, or empty
 */
public record SimulationReport(
    String runId,
    long seed,
    PayloadFormat format,
    List<TractorTotals> tractors,
    long messages,
    BigDecimal hectares,
    long published,
    long retries,
    long resends,
    long unconfirmed,
    long noSubscribers,
    long connectionLosses,
    Duration elapsed,
    String stoppedEarly) {

  /** One tractor's confirmed messages and hectares. */
  public record TractorTotals(String tractorId, long messages, BigDecimal hectares) {
    public TractorTotals {
      requireNonNull(tractorId, "tractorId");
      requireNonNull(hectares, "hectares");
    }
  }

  public SimulationReport {
    tractors = List.copyOf(tractors);
    requireNonNull(hectares, "hectares");
    requireNonNull(elapsed, "elapsed");
    requireNonNull(stoppedEarly, "stoppedEarly");
  }

  /** True when every message was confirmed and every confirmed one reached a subscription. */
  public boolean complete() {
    return unconfirmed == 0 && noSubscribers == 0 && stoppedEarly.isEmpty();
  }

  /** The tractors' totals by tractor id, in id order. */
  public Map<String, TractorTotals> byTractor() {
    Map<String, TractorTotals> map = new LinkedHashMap<>();
    tractors.forEach(t -> map.put(t.tractorId(), t));
    return map;
  }

  /** Confirmed messages per second of the run. */
  public double messagesPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : messages / seconds;
  }

  /** The human-readable summary printed at the end of a run. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Run %s (seed %d, %s): %d messages confirmed by the broker in %.1f s (%.0f msg/s);"
                + " %d publishes: %d retries, %d resends after %d lost connections%n",
            runId,
            seed,
            formatName(),
            messages,
            elapsed.toNanos() / 1e9,
            messagesPerSecond(),
            published,
            retries,
            resends,
            connectionLosses));
    if (unconfirmed > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "WARNING: %d messages were never confirmed and are not in the totals%n",
              unconfirmed));
    }
    if (noSubscribers > 0) {
      text.append(
          String.format(
              Locale.ROOT,
              "WARNING: the broker had no subscriber for %d confirmed messages and discarded"
                  + " them%n",
              noSubscribers));
    }
    if (!stoppedEarly.isEmpty()) {
      text.append("WARNING: stopped early: ").append(stoppedEarly).append(System.lineSeparator());
    }
    int width = Math.max("tractor_id".length(), longestTractorId());
    String row = "%-" + width + "s %10s %16s%n";
    text.append(String.format(Locale.ROOT, row, "tractor_id", "messages", "hectares"));
    for (TractorTotals t : tractors) {
      text.append(
          String.format(
              Locale.ROOT, row, t.tractorId(), t.messages(), t.hectares().toPlainString()));
    }
    text.append(String.format(Locale.ROOT, row, "TOTAL", messages, hectares.toPlainString()));
    return text.toString();
  }

  /** {@code tractor_id,messages,hectares}, one row per tractor, then a {@code TOTAL} row. */
  public String toCsv() {
    StringBuilder csv = new StringBuilder("tractor_id,messages,hectares\n");
    for (TractorTotals t : tractors) {
      csv.append(t.tractorId())
          .append(',')
          .append(t.messages())
          .append(',')
          .append(t.hectares().toPlainString())
          .append('\n');
    }
    csv.append("TOTAL,").append(messages).append(',').append(hectares.toPlainString()).append('\n');
    return csv.toString();
  }

  /** The whole report as one JSON object; hectares are decimal strings. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    field(json, "run_id", quoted(runId)).append(',');
    field(json, "seed", Long.toString(seed)).append(',');
    field(json, "format", quoted(formatName())).append(',');
    field(json, "messages", Long.toString(messages)).append(',');
    field(json, "hectares", quoted(hectares.toPlainString())).append(',');
    field(json, "published", Long.toString(published)).append(',');
    field(json, "retries", Long.toString(retries)).append(',');
    field(json, "resends", Long.toString(resends)).append(',');
    field(json, "unconfirmed", Long.toString(unconfirmed)).append(',');
    field(json, "no_subscribers", Long.toString(noSubscribers)).append(',');
    field(json, "connection_losses", Long.toString(connectionLosses)).append(',');
    field(json, "elapsed_ms", Long.toString(elapsed.toMillis())).append(',');
    field(json, "stopped_early", quoted(stoppedEarly)).append(',');
    json.append("\"tractors\":[");
    for (int i = 0; i < tractors.size(); i++) {
      TractorTotals t = tractors.get(i);
      json.append(i == 0 ? "\n" : ",\n").append('{');
      field(json, "tractor_id", quoted(t.tractorId())).append(',');
      field(json, "messages", Long.toString(t.messages())).append(',');
      field(json, "hectares", quoted(t.hectares().toPlainString())).append('}');
    }
    return json.append("\n]}\n").toString();
  }

  /** Writes {@link #toJson()} to a {@code .json} file, else {@link #toCsv()}. */
  public void writeTo(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String content = name.endsWith(".json") ? toJson() : toCsv();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report to " + file + ": " + e, e);
    }
  }

  private String formatName() {
    return format.name().toLowerCase(Locale.ROOT);
  }

  private int longestTractorId() {
    return tractors.stream().mapToInt(t -> t.tractorId().length()).max().orElse(0);
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    return json.append('"').append(name).append("\":").append(value);
  }

  /** Run ids and tractor ids are [A-Za-z0-9._-]; only the stopped-early text needs escaping. */
  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
