package dev.furrow.core.partner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for partners and their keys. */
public final class PartnerRepository {
  private static final RowMapper<Partner> PARTNER =
      (rs, ctx) ->
          new Partner(
              rs.getLong("id"),
              rs.getString("name"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant());

  private static final RowMapper<ApiKey> API_KEY =
      (rs, ctx) -> {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(
            rs.getLong("id"),
            rs.getLong("partner_id"),
            ApiFace.valueOf(rs.getString("face")),
            rs.getString("label"),
            rs.getString("prefix"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            revoked == null ? null : revoked.toInstant());
      };

  private static final String KEY_COLUMNS =
      "id, partner_id, face, label, prefix, created_at, revoked_at";

  private final Jdbi jdbi;

  public PartnerRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Inserts a partner, or returns empty when the name is taken. */
  public Optional<Partner> insertPartner(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "INSERT INTO partner (name) VALUES (:name) ON CONFLICT (name) DO NOTHING"
                        + " RETURNING id, name, created_at")
                .bind("name", name)
                .map(PARTNER)
                .findOne());
  }

  public Optional<Partner> findPartner(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name, created_at FROM partner WHERE id = :id")
                .bind("id", id)
                .map(PARTNER)
                .findOne());
  }

  public Optional<Partner> findPartnerByName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name, created_at FROM partner WHERE name = :name")
                .bind("name", name)
                .map(PARTNER)
                .findOne());
  }

  public List<Partner> listPartners() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name, created_at FROM partner ORDER BY id")
                .map(PARTNER)
                .list());
  }

  /**
   * Stores a key digest for a partner and face, or returns the key already stored under the same
   * digest when it belongs to the same partner and face (empty when it belongs to someone else).
   */
  public Optional<ApiKey> insertKey(
      long partnerId, ApiFace face, String label, String prefix, byte[] digest) {
    return jdbi.inTransaction(
        h -> {
          Optional<ApiKey> inserted =
              h.createQuery(
                      "INSERT INTO api_key (partner_id, face, label, prefix, key_digest)"
                          + " VALUES (:partner, :face, :label, :prefix, :digest)"
                          + " ON CONFLICT (key_digest) DO NOTHING RETURNING "
                          + KEY_COLUMNS)
                  .bind("partner", partnerId)
                  .bind("face", face.name())
                  .bind("label", label)
                  .bind("prefix", prefix)
                  .bind("digest", digest)
                  .map(API_KEY)
                  .findOne();
          if (inserted.isPresent()) {
            return inserted;
          }
          return keyByDigest(h, digest)
              .filter(k -> k.partnerId() == partnerId && k.face() == face && k.revokedAt() == null);
        });
  }

  public Optional<ApiKey> findKeyByDigest(byte[] digest) {
    return jdbi.withHandle(h -> keyByDigest(h, digest));
  }

  private static Optional<ApiKey> keyByDigest(Handle h, byte[] digest) {
    return h.createQuery("SELECT " + KEY_COLUMNS + " FROM api_key WHERE key_digest = :digest")
        .bind("digest", digest)
        .map(API_KEY)
        .findOne();
  }

  /** Marks a key revoked (keeping the first revocation time) and returns it. */
  public Optional<ApiKey> revokeKey(long keyId, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "UPDATE api_key SET revoked_at = COALESCE(revoked_at, :at) WHERE id = :id"
                        + " RETURNING "
                        + KEY_COLUMNS)
                .bind("id", keyId)
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .map(API_KEY)
                .findOne());
  }

  public List<ApiKey> listKeys(long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + KEY_COLUMNS + " FROM api_key WHERE partner_id = :p ORDER BY id")
                .bind("p", partnerId)
                .map(API_KEY)
                .list());
  }
}
