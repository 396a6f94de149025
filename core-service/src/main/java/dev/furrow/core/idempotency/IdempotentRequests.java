package dev.furrow.core.idempotency;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a partner's call at most once per idempotency key. The key is claimed, the call runs and its
 * reply is stored in one database transaction, which the call's own repositories join, so the
 * effect and the remembered reply commit together or not at all. A call that fails leaves nothing:
 * neither effect nor key, so a corrected retry may use the same key.
 */
public final class IdempotentRequests {
  private final IdempotentRequestRepository repository;
  private final IdempotencyPolicy policy;
  private final Clock clock;

  public IdempotentRequests(
      IdempotentRequestRepository repository, IdempotencyPolicy policy, Clock clock) {
    this.repository = requireNonNull(repository, "repository");
    this.policy = requireNonNull(policy, "policy");
    this.clock = requireNonNull(clock, "clock");
  }

  /** What became of a call made with a key. */
  public sealed interface Outcome {
    /** The key was new: the call ran and its reply, now committed, may be sent. */
    record Ran() implements Outcome {}

    /** The call failed: its transaction was rolled back, and the key stays unused. */
    record Failed() implements Outcome {}

    /** The key was used before for the same request: this is the reply that call gave. */
    record Replayed(byte[] response) implements Outcome {}
  }

  /**
   * Runs {@code call} under the partner's {@code key}, or answers from an earlier use of it. The
   * call returns its serialized reply, or empty when it failed. A key used before for a different
   * request (another method or other request bytes) is refused with a conflict; a malformed key
   * with a field error.
   */
  public Outcome once(
      long partnerId, String key, String method, byte[] request, Supplier<Optional<byte[]>> call) {
    policy.checkKey(key);
    String fingerprint = IdempotencyPolicy.fingerprint(method, request);
    try {
      return repository.inTransaction(
          h -> {
            Optional<StoredRequest> prior =
                repository.claim(h, partnerId, key, method, fingerprint, clock.instant());
            if (prior.isPresent()) {
              return new Outcome.Replayed(policy.replay(prior.get(), fingerprint));
            }
            byte[] reply = call.get().orElseThrow(CallFailed::new);
            repository.complete(h, partnerId, key, reply);
            return new Outcome.Ran();
          });
    } catch (CallFailed e) {
      return new Outcome.Failed();
    }
  }

  /** Rolls the transaction back when the call failed. */
  private static final class CallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallFailed() {
      super(null, null, false, false);
    }
  }
}
