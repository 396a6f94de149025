package dev.furrow.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Counts of one run, updated from the publishing thread and Paho's callback threads. */
final class Tally {
  final LongAdder created = new LongAdder();
  final LongAdder published = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder resends = new LongAdder();
  final LongAdder acknowledged = new LongAdder();
  final LongAdder confirmed = new LongAdder();
  final LongAdder noSubscribers = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder connectionLosses = new LongAdder();
  final LongAdder windowWaits = new LongAdder();

  private final List<String> tractorIds;
  private final long[] messages;
  private final BigDecimal[] hectares;

  Tally(List<String> tractorIds) {
    this.tractorIds = List.copyOf(tractorIds);
    this.messages = new long[tractorIds.size()];
    this.hectares = new BigDecimal[tractorIds.size()];
    Arrays.fill(hectares, BigDecimal.ZERO.setScale(4));
  }

  /** Counts a message the first time the broker confirms a copy of it. */
  void onConfirmed(UsageMessage message) {
    synchronized (this) {
      messages[message.tractorIndex()]++;
      hectares[message.tractorIndex()] = hectares[message.tractorIndex()].add(message.hectares());
    }
    confirmed.increment();
  }

  /** Messages created whose every copy is still unconfirmed. */
  long unconfirmed() {
    return created.sum() - confirmed.sum();
  }

  synchronized SimulationReport report(
      SimulatorOptions options, Duration elapsed, String stoppedEarly) {
    List<SimulationReport.TractorTotals> totals = new ArrayList<>(tractorIds.size());
    long messageSum = 0;
    BigDecimal hectareSum = BigDecimal.ZERO.setScale(4);
    for (int i = 0; i < tractorIds.size(); i++) {
      totals.add(new SimulationReport.TractorTotals(tractorIds.get(i), messages[i], hectares[i]));
      messageSum += messages[i];
      hectareSum = hectareSum.add(hectares[i]);
    }
    return new SimulationReport(
        options.runId(),
        options.seed(),
        options.format(),
        totals,
        messageSum,
        hectareSum,
        published.sum(),
        retries.sum(),
        resends.sum(),
        unconfirmed(),
        noSubscribers.sum(),
        connectionLosses.sum(),
        elapsed,
        stoppedEarly);
  }
}
