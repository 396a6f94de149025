package dev.furrow.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.error.UnauthenticatedException;
import dev.furrow.core.payment.WebhookSignature.Failure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String OLD = "a".repeat(64);
  private static final String NEW = "b".repeat(64);
  private static final byte[] BODY =
      "{\"customer_name\":\"Musa Bello\",\"amount_paid\":\"1500.00\"}"
          .getBytes(StandardCharsets.UTF_8);

  private final WebhookSignature signature = new WebhookSignature(Clock.fixed(NOW, ZoneOffset.UTC));

  private static String ts(long offsetSeconds) {
    return Long.toString(NOW.getEpochSecond() + offsetSeconds);
  }

  @Test
  void aSignatureOverTimestampAndRawBodyVerifies() {
    String t = ts(0);
    assertThat(signature.check(t, WebhookSignature.sign(OLD, t, BODY), BODY, List.of(OLD)))
        .isEmpty();
  }

  @Test
  void theSignatureIsLowercaseHexOfHmacSha256OfTimestampDotBody() {
    // echo -n '1700000000.{}' | openssl dgst -sha256 -hmac 'secret-of-at-least-thirty-two-chars!!'
    assertThat(
            WebhookSignature.sign(
                "secret-of-at-least-thirty-two-chars!!",
                "1700000000",
                "{}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=1d26fe22426964c31d5386f9639522b70e850aba9324a536fbc3c227d2aa6cbe");
  }

  @Test
  void aForgedSignatureFails() {
    String t = ts(0);
    String forged = WebhookSignature.sign("c".repeat(64), t, BODY);
    assertThat(signature.check(t, forged, BODY, List.of(OLD))).contains(Failure.NO_MATCH);
  }

  @Test
  void aChangedBodyFails() {
    String t = ts(0);
    String signed = WebhookSignature.sign(OLD, t, BODY);
    byte[] tampered =
        "{\"customer_name\":\"Musa Bello\",\"amount_paid\":\"9500.00\"}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(signature.check(t, signed, tampered, List.of(OLD))).contains(Failure.NO_MATCH);
  }

  @Test
  void aSignatureReplayedUnderAnotherTimestampFails() {
    String signed = WebhookSignature.sign(OLD, ts(-10), BODY);
    assertThat(signature.check(ts(0), signed, BODY, List.of(OLD))).contains(Failure.NO_MATCH);
  }

  @Test
  void timestampsWithinThreeHundredSecondsEitherWayPassAndBeyondFail() {
    for (long offset : new long[] {-300, 300}) {
      String t = ts(offset);
      assertThat(signature.check(t, WebhookSignature.sign(OLD, t, BODY), BODY, List.of(OLD)))
          .isEmpty();
    }
    for (long offset : new long[] {-301, 301, -86_400}) {
      String t = ts(offset);
      assertThat(signature.check(t, WebhookSignature.sign(OLD, t, BODY), BODY, List.of(OLD)))
          .contains(Failure.STALE_TIMESTAMP);
    }
  }

  @Test
  void missingAndMalformedHeadersHaveTheirOwnReasons() {
    String t = ts(0);
    String good = WebhookSignature.sign(OLD, t, BODY);
    assertThat(signature.check(t, "", BODY, List.of(OLD))).contains(Failure.MISSING_SIGNATURE);
    assertThat(signature.check(t, "sha1=abc", BODY, List.of(OLD)))
        .contains(Failure.MALFORMED_SIGNATURE);
    assertThat(signature.check(t, "sha256=" + "z".repeat(64), BODY, List.of(OLD)))
        .contains(Failure.MALFORMED_SIGNATURE);
    assertThat(signature.check(t, good.substring(0, good.length() - 2), BODY, List.of(OLD)))
        .contains(Failure.MALFORMED_SIGNATURE);
    assertThat(signature.check("", good, BODY, List.of(OLD))).contains(Failure.MISSING_TIMESTAMP);
    assertThat(signature.check("2026-11-20T10:00:00Z", good, BODY, List.of(OLD)))
        .contains(Failure.MALFORMED_TIMESTAMP);
    assertThat(signature.check("-5", good, BODY, List.of(OLD)))
        .contains(Failure.MALFORMED_TIMESTAMP);
    assertThat(signature.check(t, good, BODY, List.of())).contains(Failure.NO_SECRET);
  }

  @Test
  void duringRotationOldAndNewSecretsBothVerifyUntilTheOldIsRevoked() {
    String t = ts(0);
    String byOld = WebhookSignature.sign(OLD, t, BODY);
    String byNew = WebhookSignature.sign(NEW, t, BODY);
    assertThat(signature.check(t, byOld, BODY, List.of(OLD))).isEmpty();
    // new secret issued, old not yet revoked
    assertThat(signature.check(t, byOld, BODY, List.of(OLD, NEW))).isEmpty();
    assertThat(signature.check(t, byNew, BODY, List.of(OLD, NEW))).isEmpty();
    // old revoked
    assertThat(signature.check(t, byOld, BODY, List.of(NEW))).contains(Failure.NO_MATCH);
    assertThat(signature.check(t, byNew, BODY, List.of(NEW))).isEmpty();
  }

  @Test
  void verifyThrowsUnauthenticatedWithTheReason() {
    assertThatThrownBy(
            () -> signature.verify(ts(1000), "sha256=" + "0".repeat(64), BODY, List.of(OLD)))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage("X-Furrow-Timestamp is more than 300 seconds away from the current time.");
    assertThatThrownBy(() -> signature.verify(ts(0), "", BODY, List.of(OLD)))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage("Missing X-Furrow-Signature header.");
  }
}
