package dev.furrow.core.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.error.UnauthenticatedException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyAuthenticatorTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private final AtomicLong nanos = new AtomicLong(1_000);
  private PartnerRepository partners;
  private ApiKeyAuthenticator authenticator;
  private long partnerId;
  private ApiKey stored;
  private String key;

  @BeforeEach
  void issueKey() {
    partners = new PartnerRepository(core.server().jdbi());
    authenticator = new ApiKeyAuthenticator(partners, nanos::get);
    partnerId = partners.insertPartner("cache-" + UUID.randomUUID()).orElseThrow().id();
    key = ApiKeys.generate(ApiFace.LENDING);
    stored =
        partners
            .insertKey(partnerId, ApiFace.LENDING, "", ApiKeys.prefix(key), ApiKeys.digest(key))
            .orElseThrow();
  }

  @Test
  void keyRevokedElsewhereStopsWorkingOnceTheTtlHasPassed() {
    assertThat(authenticator.authenticate(key, ApiFace.LENDING)).isEqualTo(partnerId);
    partners.revokeKey(stored.id(), Instant.now()).orElseThrow();

    nanos.addAndGet(ApiKeyAuthenticator.TTL.toNanos() - 1);
    assertThat(authenticator.authenticate(key, ApiFace.LENDING)).isEqualTo(partnerId);

    nanos.addAndGet(1);
    assertThatThrownBy(() -> authenticator.authenticate(key, ApiFace.LENDING))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage(ApiKeyAuthenticator.INVALID_KEY);
  }

  @Test
  void forgottenKeyIsLookedUpAgainAtOnce() {
    assertThat(authenticator.authenticate(key, ApiFace.LENDING)).isEqualTo(partnerId);
    partners.revokeKey(stored.id(), Instant.now()).orElseThrow();

    authenticator.forget(stored.id());

    assertThatThrownBy(() -> authenticator.authenticate(key, ApiFace.LENDING))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage(ApiKeyAuthenticator.INVALID_KEY);
  }

  @Test
  void rememberedKeyStillOpensOnlyItsOwnFace() {
    assertThat(authenticator.authenticate(key, ApiFace.LENDING)).isEqualTo(partnerId);

    assertThatThrownBy(() -> authenticator.authenticate(key, ApiFace.PAYG))
        .isInstanceOf(UnauthenticatedException.class)
        .hasMessage(ApiKeyAuthenticator.INVALID_KEY);
  }
}
