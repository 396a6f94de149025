package dev.furrow.core.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.annotation.Nullable;

/**
 * The dates of a revolving credit statement: when one is generated (the product's statement day),
 * the period it covers, its cutoff and the minimum payment's due date. Due dates do not move for
 * weekends or holidays.
 */
public final class StatementDates {
  private StatementDates() {}

  /** Whether closing {@code date} generates statements of a product with this statement day. */
  public static boolean isStatementDay(LocalDate date, int statementDay) {
    return date.getDayOfMonth() == statementDay;
  }

  /**
   * The first date after {@code statementDate} on day {@code dueDay} of its month: the same month
   * when the due day comes later in it, else the next month.
   */
  public static LocalDate dueDate(LocalDate statementDate, int dueDay) {
    if (dueDay < 1 || dueDay > 28) {
      throw new IllegalArgumentException("dueDay: " + dueDay + " (expected: 1 to 28)");
    }
    return dueDay > statementDate.getDayOfMonth()
        ? statementDate.withDayOfMonth(dueDay)
        : statementDate.plusMonths(1).withDayOfMonth(dueDay);
  }

  /** The end of closing date {@code date}: transactions created before it belong to its period. */
  public static Instant cutoff(LocalDate date) {
    return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * The period a statement on {@code statementDate} covers: from the day after the previous
   * statement's period (or from the first disbursement's day) to the statement date, inclusive.
   */
  public static StatementPeriod period(
      @Nullable LocalDate previousEnd,
      LocalDate firstDisbursement,
      LocalDate statementDate,
      int dueDay) {
    LocalDate start = previousEnd == null ? firstDisbursement : previousEnd.plusDays(1);
    return new StatementPeriod(start, statementDate, dueDate(statementDate, dueDay));
  }
}
