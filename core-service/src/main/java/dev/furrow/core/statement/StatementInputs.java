package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * Everything a loan's next statement is computed from, read under the loan's lock at the close of
 * the statement date.
 *
 * @param previous the loan's latest statement, null before the first
 * @param firstDisbursement the day (UTC) of the loan's first applied disbursement
 * @param balances the loan's balances now
 * @param afterCutoff the summed changes of the transactions made after the statement date that no
 *     statement holds yet (made before this close ran)
 * @param period the transactions of the period: no statement yet, made before the cutoff
 * @param earlier the minimum payments of earlier statements
 * @param repayments the loan's applied repayments, in posting order
 */
public record StatementInputs(
    UUID loanId,
    long partnerId,
    String currency,
    LocalDate statementDate,
    @Nullable Previous previous,
    LocalDate firstDisbursement,
    int dueDay,
    MinimumPaymentRule rule,
    Balances balances,
    Balances afterCutoff,
    PeriodTransactions period,
    List<MinimumPayments.Minimum> earlier,
    List<MinimumPayments.Repayment> repayments) {
  public StatementInputs {
    requireNonNull(loanId, "loanId");
    requireNonNull(currency, "currency");
    requireNonNull(statementDate, "statementDate");
    requireNonNull(firstDisbursement, "firstDisbursement");
    requireNonNull(rule, "rule");
    requireNonNull(balances, "balances");
    requireNonNull(afterCutoff, "afterCutoff");
    requireNonNull(period, "period");
    earlier = List.copyOf(earlier);
    repayments = List.copyOf(repayments);
  }

  /** The loan's latest statement: its number, last day and closing balances. */
  public record Previous(int number, LocalDate periodEnd, Balances closing) {}
}
