package dev.furrow.core.error;

/** A create names a key (e.g. a contract's loan_id) already used by a different request. */
public final class AlreadyExistsException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(message);
  }
}
