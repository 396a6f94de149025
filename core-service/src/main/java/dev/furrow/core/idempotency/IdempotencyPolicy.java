package dev.furrow.core.idempotency;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rules of the {@code Idempotency-Key}: what a key may be, what makes two requests the same
 * (their fingerprint), and what a reused key answers: the stored reply for the same request, a
 * conflict for a different one.
 */
public final class IdempotencyPolicy {
  /** The field name problems of the key are reported under: the REST header's name. */
  public static final String FIELD = "Idempotency-Key";

  static final int MAX_LENGTH = 255;
  static final String BLANK = "This field may not be blank.";
  static final String TOO_LONG =
      "Ensure this field has no more than " + MAX_LENGTH + " characters.";
  static final String KEY_REUSED = "Idempotency key already used for a different request.";

  /** Refuses a blank key or one longer than 255 characters; keys are compared exactly as sent. */
  public void checkKey(String key) {
    requireNonNull(key, "key");
    if (key.isBlank()) {
      throw InvalidInputException.of(FIELD, BLANK);
    }
    if (key.length() > MAX_LENGTH) {
      throw InvalidInputException.of(FIELD, TOO_LONG);
    }
  }

  /**
   * SHA-256 (hex) of the method name and the canonical request bytes, each length-prefixed, so the
   * same bytes sent to another method are another request.
   */
  public static String fingerprint(String method, byte[] request) {
    byte[] name = method.getBytes(StandardCharsets.UTF_8);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(4).putInt(name.length).array());
      sha.update(name);
      sha.update(ByteBuffer.allocate(4).putInt(request.length).array());
      sha.update(request);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * The reply to give a request whose key was used before: the stored one when it is the same
   * request; a conflict when it is not.
   */
  public byte[] replay(StoredRequest prior, String fingerprint) {
    if (!prior.fingerprint().equals(fingerprint)) {
      throw new ConflictException(KEY_REUSED);
    }
    return prior.response();
  }
}
