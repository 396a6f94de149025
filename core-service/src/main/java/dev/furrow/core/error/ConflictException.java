package dev.furrow.core.error;

/** The request is well formed but the current state forbids it; the message names the rule. */
public final class ConflictException extends DomainException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
