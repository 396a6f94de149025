package dev.furrow.core.loan;

import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.query.CompiledQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A partner's use cases for its loan accounts: open one for an accepted application, look loans up,
 * and the manual actions on them (arrears, default, close, interest calculation). Another partner's
 * loan is never found.
 */
public final class LoanAccounts {
  static final String NOT_FOUND = "Not found.";

  private final LoanRepository repository;
  private final LoanPolicy policy;
  private final Clock clock;

  public LoanAccounts(LoanRepository repository, LoanPolicy policy, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Opens a loan account for one of the partner's accepted applications, which then refers to it
   * and can no longer change. One loan account per application.
   */
  public Loan open(long partnerId, LoanInput input) {
    LoanRequest request = policy.validate(input);
    return repository.open(
        partnerId,
        request.applicationId(),
        application ->
            policy.terms(
                application.orElseThrow(() -> LoanPolicy.applicationNotFound(request)), request),
        now());
  }

  /** The partner's loan; an id that is not a UUID is simply not found. */
  public Loan get(long partnerId, String id) {
    return LoanPolicy.parseUuid(id)
        .flatMap(uuid -> repository.find(partnerId, uuid))
        .orElseThrow(LoanAccounts::notFound);
  }

  /** A page of the partner's loans as {@code query} selects them (see {@link LoanRepository}). */
  public LoanPage list(long partnerId, CompiledQuery query) {
    return repository.list(partnerId, query);
  }

  /**
   * Closes the loan. A closed loan is refused before the request's fields are checked, as a
   * published product is before an update's.
   */
  public Loan close(long partnerId, String id, CloseInput input) {
    Instant now = now();
    return change(
        partnerId,
        id,
        state -> {
          LoanStateMachine.checkClosable(state);
          Closing closing = policy.validate(input);
          return LoanStateMachine.close(state, closing.substatus(), closing.reason(), now);
        },
        now);
  }

  public Loan makeArrears(long partnerId, String id) {
    return change(partnerId, id, LoanStateMachine::makeArrears, now());
  }

  public Loan makeDefault(long partnerId, String id) {
    return change(partnerId, id, LoanStateMachine::makeDefault, now());
  }

  public Loan stopInterestCalculation(long partnerId, String id) {
    return change(partnerId, id, LoanStateMachine::stopInterestCalculation, now());
  }

  public Loan startInterestCalculation(long partnerId, String id) {
    return change(partnerId, id, LoanStateMachine::startInterestCalculation, now());
  }

  private Loan change(long partnerId, String id, UnaryOperator<LoanState> change, Instant now) {
    UUID uuid = LoanPolicy.parseUuid(id).orElseThrow(LoanAccounts::notFound);
    return repository.change(partnerId, uuid, change, now).orElseThrow(LoanAccounts::notFound);
  }

  /** Microseconds, the resolution PostgreSQL keeps, so a returned time equals a re-read one. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static NotFoundException notFound() {
    return new NotFoundException(NOT_FOUND);
  }
}
