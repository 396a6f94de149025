package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A revolving credit loan's statement as partners read it, with what has been paid of its minimum
 * so far and its status ({@link StatementStatus}); {@code transactions} is empty in lists.
 */
public record Statement(
    UUID id,
    UUID loanId,
    int number,
    String currency,
    LocalDate periodStart,
    LocalDate periodEnd,
    LocalDate dueDate,
    Balances opening,
    BigDecimal disbursements,
    BigDecimal repayments,
    BigDecimal fees,
    BigDecimal interest,
    BigDecimal reversals,
    Balances closing,
    BigDecimal pastDue,
    BigDecimal minimumPayment,
    BigDecimal minimumPaid,
    StatementStatus status,
    Instant createdAt,
    List<Line> transactions) {
  public Statement {
    requireNonNull(id, "id");
    requireNonNull(status, "status");
    transactions = List.copyOf(transactions);
  }

  /** {@code past due + minimum}: what must be paid by the due date to stay current. */
  public BigDecimal minimumPaymentDue() {
    return pastDue.add(minimumPayment);
  }

  /** The same statement listing {@code lines}. */
  public Statement withTransactions(List<Line> lines) {
    return new Statement(
        id,
        loanId,
        number,
        currency,
        periodStart,
        periodEnd,
        dueDate,
        opening,
        disbursements,
        repayments,
        fees,
        interest,
        reversals,
        closing,
        pastDue,
        minimumPayment,
        minimumPaid,
        status,
        createdAt,
        lines);
  }

  /**
   * A transaction as the statement lists it: its type, its status now, amount, the signed change of
   * the balance it made, its fee name (fees) and when it was made.
   */
  public record Line(
      UUID id,
      String type,
      String status,
      BigDecimal amount,
      BigDecimal balanceChange,
      @javax.annotation.Nullable String feeName,
      Instant createdAt) {}
}
