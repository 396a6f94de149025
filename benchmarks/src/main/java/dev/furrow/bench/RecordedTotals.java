package dev.furrow.bench;

import dev.furrow.simulator.SimulationReport.TractorTotals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * One place where the benchmark's usage ends up, read back per tractor. The telematics benchmark
 * checks every entry of {@link #CHECKED} against the simulator's confirmed totals: no tractor may
 * have fewer messages or hectares (lost) or more (counted twice).
 */
interface RecordedTotals {
  /** Every place checked, in the order the table prints them. */
  List<RecordedTotals> CHECKED = List.of(new UsageEvents(), new BillingPeriods());

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

  /**
   * What the weekly billing periods of each tractor's contracts hold: hectares = the periods' own
   * and adjustment hectares, messages = the usage rows billed to one of those periods ({@code
   * billing_state} billed or adjustment). Tractors with neither are left out.
   */
  final class BillingPeriods implements RecordedTotals {
    @Override
    public String name() {
      return "billing_period";
    }

    @Override
    public Map<String, TractorTotals> read(Jdbi jdbi, String tractorPrefix) {
      Map<String, TractorTotals> totals = new HashMap<>();
      jdbi.useHandle(
          h ->
              h.createQuery(
                      "SELECT c.tractor_id, coalesce(sum(e.messages), 0) AS messages,"
                          + " coalesce(sum(p.hectares), 0) AS hectares"
                          + " FROM contract c"
                          + " LEFT JOIN (SELECT b.contract_id,"
                          + " sum(b.hectares + b.adjustment_hectares) AS hectares"
                          + " FROM billing_period b GROUP BY b.contract_id) p ON p.contract_id = c.id"
                          + " LEFT JOIN (SELECT b.contract_id, count(*) AS messages"
                          + " FROM usage_event u JOIN billing_period b ON b.id = u.billing_period_id"
                          + " WHERE u.billing_state IN ('billed', 'adjustment')"
                          + " GROUP BY b.contract_id) e ON e.contract_id = c.id"
                          + " WHERE c.tractor_id LIKE :prefix"
                          + " GROUP BY c.tractor_id"
                          + " HAVING coalesce(sum(e.messages), 0) > 0"
                          + " OR coalesce(sum(p.hectares), 0) > 0")
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
