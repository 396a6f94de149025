package dev.furrow.core.telematics;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
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

  /** Inserts a usage event; false when (tractor, message id) was already recorded. */
  public boolean insertUsage(Handle h, UsageReport r) {
    return h.createUpdate(
                "INSERT INTO usage_event (tractor_id, message_id, window_start, window_end,"
                    + " hectares, engine_hours, fuel_litres, latitude, longitude)"
                    + " VALUES (:tractor, :message, :start, :end, :hectares, :engine, :fuel, :lat,"
                    + " :lon) ON CONFLICT (tractor_id, message_id) DO NOTHING")
            .bind("tractor", r.tractorId())
            .bind("message", r.messageId())
            .bind("start", utc(r.windowStart()))
            .bind("end", utc(r.windowEnd()))
            .bind("hectares", r.hectares())
            .bind("engine", r.engineHours())
            .bind("fuel", r.fuelLitres())
            .bind("lat", r.position() == null ? null : r.position().latitude())
            .bind("lon", r.position() == null ? null : r.position().longitude())
            .execute()
        == 1;
  }

  /**
   * Keeps a rejected delivery with its reason. The same topic and payload delivered again counts as
   * a repeat of the first record rather than a new one.
   */
  public void insertRejected(Handle h, UsageDelivery delivery, String reason) {
    UsageReport report = delivery.report();
    h.createUpdate(
            "INSERT INTO rejected_usage (payload_digest, topic, tractor_id, message_id,"
                + " content_type, raw_payload, reason) VALUES (:digest, :topic, :tractor, :message,"
                + " :contentType, :raw, :reason) ON CONFLICT (payload_digest) DO UPDATE SET"
                + " deliveries = rejected_usage.deliveries + 1, last_seen_at = now()")
        .bind("digest", digest(delivery.topic(), delivery.rawPayload()))
        .bind("topic", delivery.topic())
        .bind("tractor", report == null ? null : report.tractorId())
        .bind("message", report == null ? null : report.messageId())
        .bind("contentType", delivery.contentType())
        .bind("raw", delivery.rawPayload())
        .bind("reason", reason)
        .execute();
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

  /** Sum of the usage recorded for one tractor. */
  public record UsageTotals(
      String tractorId,
      long reportCount,
      BigDecimal hectares,
      BigDecimal engineHours,
      @Nullable java.time.Instant lastReportAt) {}
}
