package dev.furrow.core.transaction;

import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.query.CompiledQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A partner's use cases for transactions on its loans: apply one (once per idempotency key), look
 * transactions up, and revert one with everything after it. Another partner's transaction is never
 * found.
 */
public final class TransactionBook {
  static final String NOT_FOUND = "Not found.";

  private final TransactionRepository repository;
  private final TransactionPolicy policy;
  private final PostingPolicy postings;
  private final RevertPolicy reverts;
  private final Clock clock;

  public TransactionBook(
      TransactionRepository repository,
      TransactionPolicy policy,
      PostingPolicy postings,
      RevertPolicy reverts,
      Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.postings = postings;
    this.reverts = reverts;
    this.clock = clock;
  }

  /**
   * Applies a transaction to one of the partner's loans, or answers a repeated request with the
   * transaction its idempotency key created. The request is checked on its own first; what the loan
   * allows is decided under the loan's lock.
   */
  public Transaction create(long partnerId, TransactionInput input) {
    TransactionRequest request = policy.validate(input);
    return repository.create(
        partnerId, request, context -> postings.plan(request, context), this::now);
  }

  /**
   * Like {@link #create}, but applied by {@code applier} on a database transaction the caller holds
   * open (see {@code TransactionRepository#within}), so a use case that posts money as part of a
   * larger change (a pay-as-you-go payment) commits both together or neither.
   */
  public Transaction create(long partnerId, TransactionInput input, Applier applier) {
    TransactionRequest request = policy.validate(input);
    return applier.apply(partnerId, request, context -> postings.plan(request, context), this::now);
  }

  /** Applies a checked request to its loan under the loan's lock, on some open transaction. */
  @FunctionalInterface
  public interface Applier {
    Transaction apply(
        long partnerId,
        TransactionRequest request,
        Function<LoanContext, List<Posting>> plan,
        Supplier<Instant> clock);
  }

  /** The partner's transaction; an id that is not a UUID is simply not found. */
  public Transaction get(long partnerId, String id) {
    return TransactionPolicy.parseUuid(id)
        .flatMap(uuid -> repository.find(partnerId, uuid))
        .orElseThrow(TransactionBook::notFound);
  }

  /** A page of the partner's transactions; see {@link TransactionRepository#FILTERS}. */
  public TransactionPage list(long partnerId, CompiledQuery query) {
    return repository.list(partnerId, query);
  }

  /** Reverts the transaction and every applied one after it on its loan, newest first. */
  public Transaction revert(long partnerId, String id) {
    UUID uuid = TransactionPolicy.parseUuid(id).orElseThrow(TransactionBook::notFound);
    return repository
        .revert(partnerId, uuid, reverts::plan, this::now)
        .orElseThrow(TransactionBook::notFound);
  }

  /**
   * Microseconds, the resolution PostgreSQL keeps, so a returned time equals a re-read one. Read
   * under the loan's lock, so a loan's transactions are created in their posting order.
   */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND);
  }
}
