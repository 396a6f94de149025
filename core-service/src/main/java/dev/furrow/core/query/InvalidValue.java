package dev.furrow.core.query;

/** A parameter value that does not parse; the message is the one API users see. */
final class InvalidValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidValue(String message) {
    super(message, null, false, false);
  }
}
