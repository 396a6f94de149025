package dev.furrow.bench;

import dev.furrow.simulator.SimulationReport.TractorTotals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * One place where the benchmark's usage ends up, read back per tractor. The telematics benchmark
 * checks every entry of {@link #CHECKED} against the simulator's confirmed totals: no tractor may
 * have fewer messages or hectares (lost) or more (counted twice). Billing drafts join the list as
 * one more entry when they exist.
 */
interface RecordedTotals {
  /** Every place checked, in the order the table prints them. */
  List<RecordedTotals> CHECKED = List.of(new UsageEvents());

  /** What the table calls it. */
  String name();

  /** Messages and hectares per tractor id, for the tractors whose id starts with the prefix. */
  Map<String, TractorTotals> read(Jdbi jdbi, String tractorPrefix);

  /** The usage rows the core committed ({@code usage_event}). */
  final class UsageEvents implements RecordedTotals {
    @Override
    public String name() {
      return "usage_event";
    }

    @Override
    public Map<String, TractorTotals> read(Jdbi jdbi, String tractorPrefix) {
      Map<String, TractorTotals> totals = new HashMap<>();
      jdbi.useHandle(
          h ->
              h.createQuery(
                      "SELECT tractor_id, count(*) AS messages, sum(hectares) AS hectares"
                          + " FROM usage_event WHERE tractor_id LIKE :prefix GROUP BY tractor_id")
                  .bind("prefix", tractorPrefix + "%")
                  .map(
                      (rs, ctx) ->
                          new TractorTotals(
                              rs.getString("tractor_id"),
                              rs.getLong("messages"),
                              rs.getBigDecimal("hectares")))
                  .forEach(t -> totals.put(t.tractorId(), t)));
      return totals;
    }
  }
}
