package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.error.UnauthenticatedException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the payment-confirmation webhook's signature: {@code X-Furrow-Signature: sha256=<hex
 * HMAC-SHA256(secret, "<timestamp>.<raw body>")>} under any of the partner's unrevoked secrets
 * (rotation), with {@code X-Furrow-Timestamp} (Unix seconds) within {@link #TOLERANCE} of now
 * either way (replay), comparing MACs in constant time.
 */
public final class WebhookSignature {
  /** How far the signed timestamp may be from the core's clock, either way. */
  public static final Duration TOLERANCE = Duration.ofSeconds(300);

  public static final String TIMESTAMP_HEADER = "X-Furrow-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Furrow-Signature";

  private static final String PREFIX = "sha256=";
  private static final Pattern HEX_MAC = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");

  /** Why a delivery is not authentic; each reason has its own message. */
  public enum Failure {
    MISSING_SIGNATURE("Missing " + SIGNATURE_HEADER + " header."),
    MALFORMED_SIGNATURE(
        "Malformed " + SIGNATURE_HEADER + " header; expected sha256=<64 hex digits>."),
    MISSING_TIMESTAMP("Missing " + TIMESTAMP_HEADER + " header."),
    MALFORMED_TIMESTAMP("Malformed " + TIMESTAMP_HEADER + " header; expected Unix seconds."),
    STALE_TIMESTAMP(
        TIMESTAMP_HEADER
            + " is more than "
            + TOLERANCE.toSeconds()
            + " seconds away from the current time."),
    NO_SECRET("No webhook secret is active for this partner."),
    NO_MATCH("Signature does not match any active webhook secret.");

    private final String message;

    Failure(String message) {
      this.message = message;
    }

    /** What the caller is told. */
    public String message() {
      return message;
    }
  }

  private final Clock clock;

  public WebhookSignature(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Why the delivery is not authentic, or empty when it is: headers checked in the order of {@link
   * Failure}, then the MAC against every secret (all of them, so timing does not tell which one
   * matched).
   */
  public Optional<Failure> check(
      String timestamp, String signature, byte[] rawBody, List<String> secrets) {
    String sig = signature == null ? "" : signature.strip();
    if (sig.isEmpty()) {
      return Optional.of(Failure.MISSING_SIGNATURE);
    }
    if (!sig.startsWith(PREFIX) || !HEX_MAC.matcher(sig.substring(PREFIX.length())).matches()) {
      return Optional.of(Failure.MALFORMED_SIGNATURE);
    }
    String ts = timestamp == null ? "" : timestamp.strip();
    if (ts.isEmpty()) {
      return Optional.of(Failure.MISSING_TIMESTAMP);
    }
    if (!UNIX_SECONDS.matcher(ts).matches()) {
      return Optional.of(Failure.MALFORMED_TIMESTAMP);
    }
    long signedAt = Long.parseLong(ts);
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - signedAt) > TOLERANCE.toSeconds()) {
      return Optional.of(Failure.STALE_TIMESTAMP);
    }
    if (secrets.isEmpty()) {
      return Optional.of(Failure.NO_SECRET);
    }
    byte[] presented = HexFormat.of().parseHex(sig.substring(PREFIX.length()));
    byte[] signed = signedPayload(ts, rawBody);
    boolean matched = false;
    for (String secret : secrets) {
      matched |= MessageDigest.isEqual(presented, mac(secret, signed));
    }
    return matched ? Optional.empty() : Optional.of(Failure.NO_MATCH);
  }

  /** Throws {@link UnauthenticatedException} with the reason unless the delivery is authentic. */
  public void verify(String timestamp, String signature, byte[] rawBody, List<String> secrets) {
    Optional<Failure> failure = check(timestamp, signature, rawBody, secrets);
    if (failure.isPresent()) {
      throw new UnauthenticatedException(failure.get().message());
    }
  }

  /**
   * The header value a sender computes: {@code sha256=} and the lowercase hex HMAC-SHA256, keyed
   * with the secret's UTF-8 bytes, of {@code "<timestamp>.<raw body>"}.
   */
  public static String sign(String secret, String timestamp, byte[] rawBody) {
    return PREFIX + HexFormat.of().formatHex(mac(secret, signedPayload(timestamp, rawBody)));
  }

  private static byte[] signedPayload(String timestamp, byte[] rawBody) {
    byte[] head = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] payload = new byte[head.length + rawBody.length];
    System.arraycopy(head, 0, payload, 0, head.length);
    System.arraycopy(rawBody, 0, payload, head.length, rawBody.length);
    return payload;
  }

  private static byte[] mac(String secret, byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java platform has HmacSHA256", e);
    }
  }
}
