package dev.furrow.core.error;

/** Missing, wrong or revoked credentials. */
public final class UnauthenticatedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(message);
  }
}
