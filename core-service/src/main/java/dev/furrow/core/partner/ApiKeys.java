package dev.furrow.core.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Generates and digests API keys. Keys carry 190 random bits, so a plain SHA-256 digest is enough
 * to store them safely (a slow password hash protects low-entropy secrets, which these are not).
 */
public final class ApiKeys {
  /** The shortest key an operator may choose. */
  public static final int MIN_LENGTH = 32;

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int RANDOM_CHARS = 32;
  private static final int PREFIX_LENGTH = 12;
  private static final SecureRandom random = new SecureRandom();

  private ApiKeys() {}

  /**
   * A new key such as {@code fw_payg_3xQ...}; the face is visible so a leaked key is recognisable.
   */
  public static String generate(ApiFace face) {
    StringBuilder key = new StringBuilder("fw_").append(face.name().toLowerCase()).append('_');
    for (int i = 0; i < RANDOM_CHARS; i++) {
      key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return key.toString();
  }

  /** The SHA-256 digest the key is stored and looked up by. */
  public static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The leading characters shown in key lists so an operator can tell keys apart. */
  public static String prefix(String key) {
    return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
  }
}
