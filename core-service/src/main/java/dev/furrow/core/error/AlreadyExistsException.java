package dev.furrow.core.error;

/**
 * The request names something (a reference, a key) that is already taken by a different request;
 * unlike a {@link ConflictException} nothing about the current state could make it succeed.
 */
public final class AlreadyExistsException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(message);
  }
}
