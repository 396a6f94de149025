package dev.furrow.gateway.auth;

/** A credentials header that is present but cannot carry a key; the message is the 401 detail. */
final class MalformedApiKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedApiKeyException(String detail) {
    super(detail, null, false, false);
  }
}
