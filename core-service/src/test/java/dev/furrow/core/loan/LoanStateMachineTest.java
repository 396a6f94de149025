package dev.furrow.core.loan;

import static dev.furrow.core.loan.LoanStatus.ACTIVE;
import static dev.furrow.core.loan.LoanStatus.APPROVED;
import static dev.furrow.core.loan.LoanStatus.CLOSED;
import static dev.furrow.core.loan.LoanStatus.DEFAULT;
import static dev.furrow.core.loan.LoanStatus.IN_ARREARS;
import static dev.furrow.core.loan.LoanStatus.LATE;
import static dev.furrow.core.loan.LoanStatus.PAID_OFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.error.ConflictException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LoanStateMachineTest {
  private static final Instant AT = Instant.parse("2026-03-02T10:15:30Z");

  /** Owed on a disbursed loan: 1500.00 principal, 37.50 interest, 2500.00 fees. */
  private static final LoanBalances OWING =
      new LoanBalances(
          new BigDecimal("1500.00"),
          new BigDecimal("37.50"),
          new BigDecimal("2500.00"),
          new BigDecimal("125.00"),
          new BigDecimal("37.50"),
          new BigDecimal("0.00"));

  private static LoanState state(LoanStatus status) {
    return state(status, LoanBalances.NONE);
  }

  private static LoanState state(LoanStatus status, LoanBalances balances) {
    if (status == CLOSED) {
      return new LoanState(
          CLOSED,
          balances,
          false,
          new LoanClosure("Repaid", CloseSubstatus.PAID_IN_FULL, AT, null));
    }
    return new LoanState(status, balances, true, null);
  }

  private static void assertRefused(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(ConflictException.class).hasMessage(message);
  }

  @ParameterizedTest
  @EnumSource(
      value = LoanStatus.class,
      names = {"ACTIVE", "LATE"})
  void makeArrearsPutsAnActiveOrLateLoanInArrears(LoanStatus status) {
    LoanState next = LoanStateMachine.makeArrears(state(status, OWING));

    assertThat(next.status()).isEqualTo(IN_ARREARS);
    assertThat(next.balances()).isEqualTo(OWING);
    assertThat(next.interestCalculationEnabled()).isTrue();
    assertThat(next.closure()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "APPROVED   | Loan is approved; only a loan that is active or late can be put in arrears.",
        "IN_ARREARS | Loan is already in arrears.",
        "DEFAULT    | Loan is in default; only a loan that is active or late can be put in arrears.",
        "PAID_OFF   | Loan is paid off; only a loan that is active or late can be put in arrears.",
        "CLOSED     | Loan is closed; a closed loan cannot be put in arrears.",
      })
  void makeArrearsRefusesEveryOtherStatus(LoanStatus status, String message) {
    assertRefused(() -> LoanStateMachine.makeArrears(state(status)), message);
  }

  @ParameterizedTest
  @EnumSource(
      value = LoanStatus.class,
      names = {"ACTIVE", "LATE", "IN_ARREARS"})
  void makeDefaultPutsAnActiveLateOrInArrearsLoanInDefault(LoanStatus status) {
    LoanState next = LoanStateMachine.makeDefault(state(status, OWING));

    assertThat(next.status()).isEqualTo(DEFAULT);
    assertThat(next.balances()).isEqualTo(OWING);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "APPROVED | Loan is approved; only a loan that is active, late or in arrears can be put in"
            + " default.",
        "DEFAULT  | Loan is already in default.",
        "PAID_OFF | Loan is paid off; only a loan that is active, late or in arrears can be put in"
            + " default.",
        "CLOSED   | Loan is closed; a closed loan cannot be put in default.",
      })
  void makeDefaultRefusesEveryOtherStatus(LoanStatus status, String message) {
    assertRefused(() -> LoanStateMachine.makeDefault(state(status)), message);
  }

  /** The whole table: each event from each status either moves to its target or is refused. */
  @Test
  void everyEventIsAllowedExactlyFromItsSourceStatuses() {
    assertSources(LoanEvent.DISBURSE, ACTIVE, EnumSet.of(APPROVED));
    assertSources(LoanEvent.FALL_LATE, LATE, EnumSet.of(ACTIVE));
    assertSources(LoanEvent.MAKE_ARREARS, IN_ARREARS, EnumSet.of(ACTIVE, LATE));
    assertSources(LoanEvent.MAKE_DEFAULT, DEFAULT, EnumSet.of(ACTIVE, LATE, IN_ARREARS));
    assertSources(LoanEvent.CATCH_UP, ACTIVE, EnumSet.of(LATE, IN_ARREARS));
    assertSources(LoanEvent.PAY_OFF, PAID_OFF, EnumSet.of(ACTIVE, LATE, IN_ARREARS, DEFAULT));
  }

  private static void assertSources(LoanEvent event, LoanStatus target, Set<LoanStatus> allowed) {
    for (LoanStatus status : LoanStatus.values()) {
      if (allowed.contains(status)) {
        assertThat(LoanStateMachine.apply(state(status), event).status())
            .as("%s from %s", event, status)
            .isEqualTo(target);
      } else {
        assertThatThrownBy(() -> LoanStateMachine.apply(state(status), event))
            .as("%s from %s", event, status)
            .isInstanceOf(ConflictException.class);
      }
    }
  }

  @Test
  void refusalsOfLaterEventsNameTheStateAndTheRule() {
    assertRefused(
        () -> LoanStateMachine.apply(state(ACTIVE), LoanEvent.DISBURSE), "Loan is already active.");
    assertRefused(
        () -> LoanStateMachine.apply(state(DEFAULT), LoanEvent.DISBURSE),
        "Loan is in default; only a loan that is approved can be disbursed.");
    assertRefused(
        () -> LoanStateMachine.apply(state(APPROVED), LoanEvent.FALL_LATE),
        "Loan is approved; only a loan that is active can be marked late.");
    assertRefused(
        () -> LoanStateMachine.apply(state(DEFAULT), LoanEvent.CATCH_UP),
        "Loan is in default; only a loan that is late or in arrears can be made current.");
    assertRefused(
        () -> LoanStateMachine.apply(state(APPROVED), LoanEvent.PAY_OFF),
        "Loan is approved; only a loan that is active, late, in arrears or in default can be"
            + " marked paid off.");
    assertRefused(
        () -> LoanStateMachine.apply(state(CLOSED), LoanEvent.PAY_OFF),
        "Loan is closed; a closed loan cannot be marked paid off.");
  }

  @Test
  void payingOffNeedsNothingOutstanding() {
    assertRefused(
        () -> LoanStateMachine.apply(state(ACTIVE, OWING), LoanEvent.PAY_OFF),
        "Loan has 4037.50 outstanding; only a loan with nothing outstanding can be marked paid"
            + " off.");
    assertThat(LoanStateMachine.apply(state(IN_ARREARS), LoanEvent.PAY_OFF).status())
        .isEqualTo(PAID_OFF);
  }

  @ParameterizedTest
  @EnumSource(value = LoanStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
  void closingPaidInFullWithNothingOutstandingStopsInterestAndRecordsNoLoss(LoanStatus status) {
    LoanState next =
        LoanStateMachine.close(state(status), CloseSubstatus.PAID_IN_FULL, "Repaid early", AT);

    assertThat(next.status()).isEqualTo(CLOSED);
    assertThat(next.interestCalculationEnabled()).isFalse();
    assertThat(next.balances()).isEqualTo(LoanBalances.NONE);
    assertThat(next.closure())
        .isEqualTo(new LoanClosure("Repaid early", CloseSubstatus.PAID_IN_FULL, AT, null));
  }

  @Test
  void closingPaidInFullIsRefusedWhileAnythingIsOutstanding() {
    assertRefused(
        () -> LoanStateMachine.close(state(ACTIVE, OWING), CloseSubstatus.PAID_IN_FULL, "Done", AT),
        "Loan has 4037.50 outstanding; only a loan with nothing outstanding can be closed as"
            + " paid_in_full.");
    LoanBalances onlyAFee =
        new LoanBalances(
            Money.ZERO, Money.ZERO, new BigDecimal("0.01"), Money.ZERO, Money.ZERO, Money.ZERO);
    assertRefused(
        () ->
            LoanStateMachine.close(
                state(PAID_OFF, onlyAFee), CloseSubstatus.PAID_IN_FULL, "Done", AT),
        "Loan has 0.01 outstanding; only a loan with nothing outstanding can be closed as"
            + " paid_in_full.");
  }

  @ParameterizedTest
  @EnumSource(
      value = LoanStatus.class,
      names = {"ACTIVE", "LATE", "IN_ARREARS", "DEFAULT"})
  void writingOffRecordsTheOutstandingTotalAsTheLossAndKeepsTheBalances(LoanStatus status) {
    LoanState next =
        LoanStateMachine.close(
            state(status, OWING), CloseSubstatus.WRITTEN_OFF, "Tractor stolen", AT);

    assertThat(next.status()).isEqualTo(CLOSED);
    assertThat(next.interestCalculationEnabled()).isFalse();
    assertThat(next.balances()).isEqualTo(OWING);
    assertThat(next.closure().writtenOffAmount()).isEqualByComparingTo("4037.50");
    assertThat(next.closure().writtenOffAmount().toPlainString()).isEqualTo("4037.50");
    assertThat(next.closure().reason()).isEqualTo("Tractor stolen");
    assertThat(next.closure().at()).isEqualTo(AT);
  }

  @Test
  void writingOffALoanWithNothingOutstandingRecordsAZeroLoss() {
    LoanState next =
        LoanStateMachine.close(state(APPROVED), CloseSubstatus.WRITTEN_OFF, "Never disbursed", AT);

    assertThat(next.closure().writtenOffAmount().toPlainString()).isEqualTo("0.00");
  }

  @Test
  void aClosedLoanCannotBeClosedAgain() {
    for (CloseSubstatus substatus : CloseSubstatus.values()) {
      assertRefused(
          () -> LoanStateMachine.close(state(CLOSED), substatus, "Again", AT),
          "Loan is already closed.");
    }
    assertRefused(() -> LoanStateMachine.checkClosable(state(CLOSED)), "Loan is already closed.");
  }

  @ParameterizedTest
  @EnumSource(value = LoanStatus.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
  void interestCalculationStopsAndStartsAgainOnAnyOpenLoan(LoanStatus status) {
    LoanState stopped = LoanStateMachine.stopInterestCalculation(state(status, OWING));
    assertThat(stopped.interestCalculationEnabled()).isFalse();
    assertThat(stopped.status()).isEqualTo(status);
    assertThat(stopped.balances()).isEqualTo(OWING);

    LoanState started = LoanStateMachine.startInterestCalculation(stopped);
    assertThat(started.interestCalculationEnabled()).isTrue();
    assertThat(started.status()).isEqualTo(status);
  }

  @Test
  void interestCalculationCannotBeStoppedTwiceNorStartedWhileRunning() {
    assertRefused(
        () -> LoanStateMachine.startInterestCalculation(state(ACTIVE)),
        "Interest calculation is already running for this loan.");
    LoanState stopped = LoanStateMachine.stopInterestCalculation(state(ACTIVE));
    assertRefused(
        () -> LoanStateMachine.stopInterestCalculation(stopped),
        "Interest calculation is already stopped for this loan.");
  }

  @Test
  void interestCalculationOfAClosedLoanCannotBeChanged() {
    assertRefused(
        () -> LoanStateMachine.stopInterestCalculation(state(CLOSED)),
        "Loan is closed; interest calculation of a closed loan cannot be changed.");
    assertRefused(
        () -> LoanStateMachine.startInterestCalculation(state(CLOSED)),
        "Loan is closed; interest calculation of a closed loan cannot be changed.");
  }

  @Test
  void aStatusChangeKeepsAStoppedInterestCalculationStopped() {
    LoanState stopped = LoanStateMachine.stopInterestCalculation(state(LATE, OWING));

    assertThat(LoanStateMachine.makeDefault(stopped).interestCalculationEnabled()).isFalse();
  }

  @Test
  void statesThatBreakTheClosingInvariantsCannotBeBuilt() {
    assertThatThrownBy(() -> new LoanState(ACTIVE, LoanBalances.NONE, true, closure()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoanState(CLOSED, LoanBalances.NONE, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoanState(CLOSED, LoanBalances.NONE, true, closure()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LoanClosure("x", CloseSubstatus.WRITTEN_OFF, AT, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new LoanBalances(
                    Money.ZERO,
                    Money.ZERO,
                    Money.ZERO,
                    new BigDecimal("0.01"),
                    Money.ZERO,
                    Money.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LoanClosure closure() {
    return new LoanClosure("Repaid", CloseSubstatus.PAID_IN_FULL, AT, null);
  }
}
