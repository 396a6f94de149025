package dev.furrow.core.error;

/**
 * A refusal by a business rule, with a message meant for the caller. Transport edges translate the
 * subclasses into their own error shapes in one place each.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message, null, false, false);
  }
}
