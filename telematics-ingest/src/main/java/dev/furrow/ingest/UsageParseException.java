package dev.furrow.ingest;

/** A payload that could not be parsed; the message names the field(s) and the reason(s). */
final class UsageParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageParseException(String message) {
    // No stack trace: this is an expected outcome for bad device payloads, not a bug.
    super(message, null, false, false);
  }
}
