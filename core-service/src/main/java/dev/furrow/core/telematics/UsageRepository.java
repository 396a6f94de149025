package dev.furrow.core.telematics;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for tractors, usage events and rejected deliveries. */
public final class UsageRepository {
  private final Jdbi jdbi;

  public UsageRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Of the given tractor ids, those that are registered. */
  public Set<String> registeredTractors(Handle h, Collection<String> tractorIds) {
    if (tractorIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        h.createQuery("SELECT tractor_id FROM tractor WHERE tractor_id = ANY(:ids)")
            .bindArray("ids", String.class, tractorIds)
            .mapTo(String.class)
            .list());
  }

  /**
   * Inserts the reports in one statement, skipping (tractor, message id) pairs already stored, and
   * returns the keys it stored. The rows go in key order, so that concurrent batches sharing keys
   * take their index locks in the same order and cannot deadlock. Each row is written with its
   * billing columns as {@code billing} says (unbilled where it names no target), so it is never
   * updated afterwards.
   */
  public Set<UsageKey> insertUsage(
      Handle h, List<UsageReport> reports, RecordedUsageHook.Plan billing) {
    if (reports.isEmpty()) {
      return Set.of();
    }
    List<UsageReport> sorted = new ArrayList<>(reports);
    sorted.sort(Comparator.comparing(UsageReport::tractorId).thenComparing(UsageReport::messageId));
    int n = sorted.size();
    String[] tractors = new String[n];
    String[] messages = new String[n];
    String[] starts = new String[n];
    String[] ends = new String[n];
    String[] hectares = new String[n];
    String[] engine = new String[n];
    String[] fuel = new String[n];
    String[] lat = new String[n];
    String[] lon = new String[n];
    String[] contracts = new String[n];
    String[] periods = new String[n];
    String[] states = new String[n];
    for (int i = 0; i < n; i++) {
      UsageReport r = sorted.get(i);
      tractors[i] = r.tractorId();
      messages[i] = r.messageId();
      starts[i] = r.windowStart().toString();
      ends[i] = r.windowEnd().toString();
      hectares[i] = r.hectares().toPlainString();
      engine[i] = r.engineHours() == null ? null : r.engineHours().toPlainString();
      fuel[i] = r.fuelLitres() == null ? null : r.fuelLitres().toPlainString();
      // Double.toString round-trips exactly through float8's text input.
      lat[i] = r.position() == null ? null : Double.toString(r.position().latitude());
      lon[i] = r.position() == null ? null : Double.toString(r.position().longitude());
      Optional<RecordedUsageHook.BilledTo> billed = billing.target(r);
      contracts[i] = billed.map(b -> Long.toString(b.contractId())).orElse(null);
      periods[i] = billed.map(b -> Long.toString(b.billingPeriodId())).orElse(null);
      states[i] = billed.map(RecordedUsageHook.BilledTo::state).orElse("unbilled");
    }
    // Everything travels as text arrays and is cast by PostgreSQL: decimals stay exact.
    return new HashSet<>(
        h.createQuery(
                "INSERT INTO usage_event (tractor_id, message_id, window_start, window_end,"
                    + " hectares, engine_hours, fuel_litres, latitude, longitude, contract_id,"
                    + " billing_period_id, billing_state)"
                    + " SELECT t, m, s::timestamptz, e::timestamptz, ha::numeric, eh::numeric,"
                    + " fl::numeric, la::float8, lo::float8, c::bigint, p::bigint, st"
                    + " FROM unnest(CAST(:tractors AS text[]), CAST(:messages AS text[]), CAST(:starts AS text[]),"
                    + " CAST(:ends AS text[]), CAST(:hectares AS text[]), CAST(:engine AS text[]), CAST(:fuel AS text[]),"
                    + " CAST(:lat AS text[]), CAST(:lon AS text[]), CAST(:contracts AS text[]),"
                    + " CAST(:periods AS text[]), CAST(:states AS text[]))"
                    + " AS v(t, m, s, e, ha, eh, fl, la, lo, c, p, st)"
                    + " ON CONFLICT (tractor_id, message_id) DO NOTHING"
                    + " RETURNING tractor_id, message_id")
            .bind("tractors", tractors)
            .bind("messages", messages)
            .bind("starts", starts)
            .bind("ends", ends)
            .bind("hectares", hectares)
            .bind("engine", engine)
            .bind("fuel", fuel)
            .bind("lat", lat)
            .bind("lon", lon)
            .bind("contracts", contracts)
            .bind("periods", periods)
            .bind("states", states)
            .map((rs, ctx) -> new UsageKey(rs.getString(1), rs.getString(2)))
            .list());
  }

  /**
   * Keeps a rejected delivery with its reason. The same topic and payload delivered again counts as
   * a repeat of the first record rather than a new one. Returns the record's id.
   */
  public long insertRejected(Handle h, UsageDelivery delivery, String reason) {
    UsageReport report = delivery.report();
    return h.createQuery(
            "INSERT INTO rejected_usage (payload_digest, topic, tractor_id, message_id,"
                + " content_type, raw_payload, reason) VALUES (:digest, :topic, :tractor, :message,"
                + " :contentType, :raw, :reason) ON CONFLICT (payload_digest) DO UPDATE SET"
                + " deliveries = rejected_usage.deliveries + 1, last_seen_at = now() RETURNING id")
        .bind("digest", digest(delivery.topic(), delivery.rawPayload()))
        .bind("topic", delivery.topic())
        .bind("tractor", report == null ? null : report.tractorId())
        .bind("message", report == null ? null : report.messageId())
        .bind("contentType", delivery.contentType())
        .bind("raw", delivery.rawPayload())
        .bind("reason", reason)
        .mapTo(Long.class)
        .one();
  }

  /** Inserts a tractor for a partner; returns the partner that holds the id afterwards. */
  public long registerTractor(String tractorId, long partnerId) {
    return jdbi.withHandle(
        h -> {
          h.createUpdate(
                  "INSERT INTO tractor (tractor_id, partner_id) VALUES (:t, :p)"
                      + " ON CONFLICT (tractor_id) DO NOTHING")
              .bind("t", tractorId)
              .bind("p", partnerId)
              .execute();
          return h.createQuery("SELECT partner_id FROM tractor WHERE tractor_id = :t")
              .bind("t", tractorId)
              .mapTo(Long.class)
              .one();
        });
  }

  public boolean partnerExists(long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM partner WHERE id = :p)")
                .bind("p", partnerId)
                .mapTo(Boolean.class)
                .one());
  }

  /** Usage totals of a tractor, when it exists and belongs to the partner. */
  public Optional<UsageTotals> totals(String tractorId, long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT t.tractor_id, count(u.id) AS reports,"
                        + " coalesce(sum(u.hectares), 0) AS hectares,"
                        + " coalesce(sum(u.engine_hours), 0) AS engine_hours,"
                        + " max(u.window_end) AS last_report_at"
                        + " FROM tractor t LEFT JOIN usage_event u ON u.tractor_id = t.tractor_id"
                        + " WHERE t.tractor_id = :t AND t.partner_id = :p GROUP BY t.tractor_id")
                .bind("t", tractorId)
                .bind("p", partnerId)
                .map(
                    (rs, ctx) -> {
                      OffsetDateTime last = rs.getObject("last_report_at", OffsetDateTime.class);
                      return new UsageTotals(
                          rs.getString("tractor_id"),
                          rs.getLong("reports"),
                          rs.getBigDecimal("hectares"),
                          rs.getBigDecimal("engine_hours"),
                          last == null ? null : last.toInstant());
                    })
                .findOne());
  }

  /** True when the tractor is registered to the partner. */
  public boolean tractorBelongsTo(String tractorId, long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT EXISTS (SELECT 1 FROM tractor WHERE tractor_id = :t AND partner_id = :p)")
                .bind("t", tractorId)
                .bind("p", partnerId)
                .mapTo(Boolean.class)
                .one());
  }

  /**
   * A tractor's usage grouped by the local day or ISO week (in {@code zone}) in which each report's
   * window starts, for windows starting in {@code [from, to)}; periods without reports are absent.
   * Served by {@code usage_event_tractor_start_idx} (tractor, window start, with the summed columns
   * included) as an index-only range scan.
   */
  public List<PeriodUsage> usageByPeriod(
      String tractorId, UsagePeriod period, ZoneId zone, Instant from, Instant to) {
    return usageByPeriod("tractor_id = :subject", tractorId, period, zone, from, to);
  }

  /**
   * The usage billed to one contract (its own week's usage and late usage carried as adjustments),
   * grouped like {@link #usageByPeriod(String, UsagePeriod, ZoneId, Instant, Instant)}.
   */
  public List<PeriodUsage> contractUsageByPeriod(
      long contractId, UsagePeriod period, ZoneId zone, Instant from, Instant to) {
    return usageByPeriod("contract_id = :subject", contractId, period, zone, from, to);
  }

  /**
   * The tractor of a pay-as-you-go contract whose funding source the partner is entitled to; empty
   * for any other contract.
   */
  public Optional<String> visibleContractTractor(long contractId, long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT c.tractor_id FROM contract c JOIN funding_source_entitlement e"
                        + " ON e.funding_source = c.funding_source AND e.partner_id = :p"
                        + " WHERE c.id = :c")
                .bind("c", contractId)
                .bind("p", partnerId)
                .mapTo(String.class)
                .findOne());
  }

  private List<PeriodUsage> usageByPeriod(
      String subjectCondition,
      Object subject,
      UsagePeriod period,
      ZoneId zone,
      Instant from,
      Instant to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT CAST(date_trunc(:unit, window_start AT TIME ZONE :zone) AS date) AS p,"
                        + " count(*) AS reports, sum(hectares) AS hectares,"
                        + " coalesce(sum(engine_hours), 0) AS engine_hours,"
                        + " max(window_end) AS last_report_at"
                        + " FROM usage_event WHERE "
                        + subjectCondition
                        + " AND window_start >= :from AND window_start < :to"
                        + " GROUP BY 1 ORDER BY 1")
                .bind("unit", period == UsagePeriod.DAY ? "day" : "week")
                .bind("zone", zone.getId())
                .bind("subject", subject)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .map(
                    (rs, ctx) ->
                        new PeriodUsage(
                            rs.getObject("p", LocalDate.class),
                            rs.getLong("reports"),
                            rs.getBigDecimal("hectares"),
                            rs.getBigDecimal("engine_hours"),
                            rs.getObject("last_report_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  /**
   * The partner's tractors whose latest window ended at or before {@code cutoff}, or that never
   * reported, never-reporting first, then oldest first; at most {@code limit}, with the total.
   *
   * <p>Served by {@code usage_event_tractor_start_idx} alone: a window covers at most 24 hours (a
   * check constraint), so the window that ends last starts at most a day before the latest
   * window_start, and only those reports are read, from the index.
   */
  public UsageMonitor.StoppedTractors stoppedTractors(long partnerId, Instant cutoff, int limit) {
    return jdbi.withHandle(
        h -> {
          long[] total = {0};
          List<UsageMonitor.StoppedTractor> tractors =
              h.createQuery(
                      "SELECT t.tractor_id, t.created_at, l.last_report_at,"
                          + " count(*) OVER () AS total"
                          + " FROM tractor t LEFT JOIN LATERAL (SELECT max(u.window_end)"
                          + " AS last_report_at FROM usage_event u"
                          + " WHERE u.tractor_id = t.tractor_id AND u.window_start >="
                          + " (SELECT max(m.window_start) FROM usage_event m"
                          + " WHERE m.tractor_id = t.tractor_id) - interval '24 hours') l ON true"
                          + " WHERE t.partner_id = :p"
                          + " AND (l.last_report_at IS NULL OR l.last_report_at <= :cutoff)"
                          + " ORDER BY l.last_report_at ASC NULLS FIRST, t.tractor_id LIMIT :limit")
                  .bind("p", partnerId)
                  .bind("cutoff", utc(cutoff))
                  .bind("limit", limit)
                  .map(
                      (rs, ctx) -> {
                        total[0] = rs.getLong("total");
                        OffsetDateTime last = rs.getObject("last_report_at", OffsetDateTime.class);
                        return new UsageMonitor.StoppedTractor(
                            rs.getString("tractor_id"),
                            last == null ? null : last.toInstant(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                      })
                  .list();
          return new UsageMonitor.StoppedTractors(tractors, total[0]);
        });
  }

  /** Rejected deliveries, newest first, optionally only those naming one tractor. */
  public java.util.List<RejectedDelivery> rejected(String tractorId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, topic, tractor_id, message_id, content_type, raw_payload, reason,"
                        + " deliveries, received_at, last_seen_at FROM rejected_usage"
                        + " WHERE (:tractor = '' OR tractor_id = :tractor)"
                        + " ORDER BY last_seen_at DESC, id DESC LIMIT :limit")
                .bind("tractor", tractorId)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new RejectedDelivery(
                            rs.getLong("id"),
                            rs.getString("topic"),
                            rs.getString("tractor_id"),
                            rs.getString("message_id"),
                            rs.getString("content_type"),
                            rs.getBytes("raw_payload"),
                            rs.getString("reason"),
                            rs.getInt("deliveries"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("last_seen_at", OffsetDateTime.class).toInstant()))
                .list());
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static byte[] digest(String topic, byte[] payload) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(topic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(payload);
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The device's deduplication key of a report. */
  public record UsageKey(String tractorId, String messageId) {
    public static UsageKey of(UsageReport report) {
      return new UsageKey(report.tractorId(), report.messageId());
    }
  }

  /** A delivery kept as rejected, with how often it arrived. */
  public record RejectedDelivery(
      long id,
      String topic,
      @Nullable String tractorId,
      @Nullable String messageId,
      String contentType,
      byte[] rawPayload,
      String reason,
      int deliveries,
      java.time.Instant receivedAt,
      java.time.Instant lastSeenAt) {}

  /** A tractor's usage in one day or week, starting on {@code periodStart}. */
  public record PeriodUsage(
      LocalDate periodStart,
      long reportCount,
      BigDecimal hectares,
      BigDecimal engineHours,
      Instant lastReportAt) {}

  /** Sum of the usage recorded for one tractor. */
  public record UsageTotals(
      String tractorId,
      long reportCount,
      BigDecimal hectares,
      BigDecimal engineHours,
      @Nullable java.time.Instant lastReportAt) {}
}
