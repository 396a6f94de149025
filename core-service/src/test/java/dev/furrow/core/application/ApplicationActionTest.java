package dev.furrow.core.application;

import static dev.furrow.core.application.ApplicationStatus.ACCEPTED;
import static dev.furrow.core.application.ApplicationStatus.DECLINED;
import static dev.furrow.core.application.ApplicationStatus.INCOMPLETE;
import static dev.furrow.core.application.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.error.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationActionTest {
  private static final Instant T = Instant.parse("2026-03-15T10:00:00Z");

  private static Application in(ApplicationStatus status, UUID loan) {
    boolean decided = status.decided();
    return new Application(
        UUID.randomUUID(),
        new ApplicationTerms(
            UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("1000"), 12, BigDecimal.TEN, null),
        status,
        decided ? "All underwriting rules passed." : null,
        decided ? T : null,
        T,
        T,
        loan);
  }

  @Test
  void theTransitionTableIsTheReferences() {
    assertThat(allowed(ApplicationAction.CHANGE)).containsExactly(INCOMPLETE);
    assertThat(allowed(ApplicationAction.COMPLETE)).containsExactly(INCOMPLETE);
    assertThat(allowed(ApplicationAction.REOPEN)).containsExactly(ACCEPTED, DECLINED, WITHDRAWN);
    assertThat(allowed(ApplicationAction.WITHDRAW)).containsExactly(INCOMPLETE, ACCEPTED, DECLINED);
  }

  @Test
  void refusalsNameTheCurrentState() {
    assertThatThrownBy(() -> ApplicationAction.COMPLETE.check(in(DECLINED, null)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Application is declined; only incomplete applications can be completed.");
    assertThatThrownBy(() -> ApplicationAction.REOPEN.check(in(INCOMPLETE, null)))
        .hasMessage(
            "Application is incomplete; only withdrawn or decided applications can be reopened.");
    assertThatThrownBy(() -> ApplicationAction.WITHDRAW.check(in(WITHDRAWN, null)))
        .hasMessage(
            "Application is withdrawn; only incomplete or decided applications can be withdrawn.");
    assertThatThrownBy(() -> ApplicationAction.CHANGE.check(in(ACCEPTED, null)))
        .hasMessage("Application is accepted; only incomplete applications can be changed.");
    assertThatCode(() -> ApplicationAction.REOPEN.check(in(ACCEPTED, null)))
        .doesNotThrowAnyException();
  }

  @Test
  void aLoanAccountRefusesEveryActionWhateverTheState() {
    for (ApplicationAction action : ApplicationAction.values()) {
      for (ApplicationStatus status : ApplicationStatus.values()) {
        assertThatThrownBy(() -> action.check(in(status, UUID.randomUUID())))
            .isInstanceOf(ConflictException.class)
            .hasMessage("Application has a loan account and can no longer be changed.");
      }
    }
  }

  @Test
  void reopeningDropsTheDecisionAndWithdrawingKeepsIt() {
    Application accepted = in(ACCEPTED, null);
    Instant later = T.plusSeconds(60);

    Application reopened = accepted.reopened(later);
    assertThat(reopened.status()).isEqualTo(INCOMPLETE);
    assertThat(reopened.reason()).isNull();
    assertThat(reopened.processingFinishedAt()).isNull();
    assertThat(reopened.updated()).isEqualTo(later);

    Application withdrawn = accepted.withdrawn(later);
    assertThat(withdrawn.status()).isEqualTo(WITHDRAWN);
    assertThat(withdrawn.reason()).isEqualTo(accepted.reason());
    assertThat(withdrawn.processingFinishedAt()).isEqualTo(T);
  }

  private static Set<ApplicationStatus> allowed(ApplicationAction action) {
    Set<ApplicationStatus> allowed = EnumSet.noneOf(ApplicationStatus.class);
    for (ApplicationStatus status : ApplicationStatus.values()) {
      if (action.allowedFrom(status)) {
        allowed.add(status);
      }
    }
    return allowed;
  }
}
