package dev.furrow.core.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StatementDatesTest {
  @Test
  void aDueDayAfterTheStatementDayFallsInTheSameMonth() {
    assertThat(StatementDates.dueDate(LocalDate.parse("2026-01-05"), 20))
        .isEqualTo(LocalDate.parse("2026-01-20"));
  }

  @Test
  void aDueDayOnOrBeforeTheStatementDayFallsInTheNextMonth() {
    assertThat(StatementDates.dueDate(LocalDate.parse("2026-01-25"), 10))
        .isEqualTo(LocalDate.parse("2026-02-10"));
    assertThat(StatementDates.dueDate(LocalDate.parse("2026-01-25"), 25))
        .isEqualTo(LocalDate.parse("2026-02-25"));
    assertThat(StatementDates.dueDate(LocalDate.parse("2026-12-28"), 1))
        .isEqualTo(LocalDate.parse("2027-01-01"));
  }

  @Test
  void dueDatesDoNotMoveForWeekends() {
    // 10 January 2027 is a Sunday.
    assertThat(StatementDates.dueDate(LocalDate.parse("2026-12-25"), 10))
        .isEqualTo(LocalDate.parse("2027-01-10"));
  }

  @Test
  void theFirstPeriodStartsOnTheFirstDisbursementAndLaterOnesTheDayAfterThePrevious() {
    StatementPeriod first =
        StatementDates.period(
            null, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-25"), 10);
    assertThat(first)
        .isEqualTo(
            new StatementPeriod(
                LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-25"),
                LocalDate.parse("2026-02-10")));
    StatementPeriod second =
        StatementDates.period(
            LocalDate.parse("2026-01-25"),
            LocalDate.parse("2026-01-05"),
            LocalDate.parse("2026-02-25"),
            10);
    assertThat(second.start()).isEqualTo(LocalDate.parse("2026-01-26"));
    assertThat(second.dueDate()).isEqualTo(LocalDate.parse("2026-03-10"));
  }

  @Test
  void theCutoffIsMidnightUtcAfterTheStatementDate() {
    assertThat(StatementDates.cutoff(LocalDate.parse("2026-01-25")))
        .isEqualTo(Instant.parse("2026-01-26T00:00:00Z"));
  }

  @Test
  void onlyTheStatementDayGeneratesStatements() {
    assertThat(StatementDates.isStatementDay(LocalDate.parse("2026-03-25"), 25)).isTrue();
    assertThat(StatementDates.isStatementDay(LocalDate.parse("2026-03-24"), 25)).isFalse();
  }

  @Test
  void aDueDayOutsideOneToTwentyEightIsRefused() {
    assertThatThrownBy(() -> StatementDates.dueDate(LocalDate.parse("2026-01-25"), 31))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
