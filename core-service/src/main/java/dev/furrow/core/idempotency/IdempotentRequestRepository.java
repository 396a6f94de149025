package dev.furrow.core.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code idempotent_request}. The row of a key is claimed before its call runs and
 * completed with the reply in the same database transaction as the call's effect; the row's unique
 * index makes a second claim of the key wait until the first transaction ends.
 */
public final class IdempotentRequestRepository {
  private final Jdbi jdbi;

  public IdempotentRequestRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Runs {@code work} in one database transaction, bound to the current thread so that the
   * repositories the call uses join it instead of opening their own.
   */
  <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
    return jdbi.inTransaction(work);
  }

  /**
   * Claims the partner's key for a new call, or returns what it was used for before. A claim made
   * by a transaction still running blocks here until that transaction commits (the committed
   * request is returned) or rolls back (the claim goes to this caller).
   */
  Optional<StoredRequest> claim(
      Handle h, long partnerId, String key, String method, String fingerprint, Instant now) {
    int inserted =
        h.createUpdate(
                "INSERT INTO idempotent_request (partner_id, idempotency_key, method,"
                    + " request_fingerprint, created_at) VALUES (:partner, :key, :method,"
                    + " :fingerprint, :now) ON CONFLICT (partner_id, idempotency_key) DO NOTHING")
            .bind("partner", partnerId)
            .bind("key", key)
            .bind("method", method)
            .bind("fingerprint", fingerprint)
            .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .execute();
    if (inserted == 1) {
      return Optional.empty();
    }
    return Optional.of(
        h.createQuery(
                "SELECT method, request_fingerprint, response FROM idempotent_request"
                    + " WHERE partner_id = :partner AND idempotency_key = :key")
            .bind("partner", partnerId)
            .bind("key", key)
            .map(
                (rs, ctx) ->
                    new StoredRequest(
                        rs.getString("method"),
                        rs.getString("request_fingerprint"),
                        rs.getBytes("response")))
            .one());
  }

  /** Stores the reply of the call that claimed the key, before the transaction commits. */
  void complete(Handle h, long partnerId, String key, byte[] response) {
    h.createUpdate(
            "UPDATE idempotent_request SET response = :response"
                + " WHERE partner_id = :partner AND idempotency_key = :key")
        .bind("response", response)
        .bind("partner", partnerId)
        .bind("key", key)
        .execute();
  }
}
