package dev.furrow.simulator;

/** The broker stayed unreachable for longer than the run's drain timeout. */
final class GaveUpException extends Exception {
  private static final long serialVersionUID = 1L;

  GaveUpException(String message) {
    super(message);
  }
}
