package dev.furrow.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice as the LMS API shows it, with its period's lines. */
public record InvoiceView(
    long id,
    String number,
    long periodId,
    long contractId,
    String loanId,
    String fundingSource,
    PeriodStatus status,
    String currency,
    BigDecimal amountDue,
    BigDecimal amountPaid,
    LocalDate issueDate,
    LocalDate dueDate,
    IsoWeek week,
    List<PeriodLine> lines,
    Instant createdAt,
    Instant updatedAt) {

  /** What is still owed: amount due less amount paid. */
  public BigDecimal amountOutstanding() {
    return amountDue.subtract(amountPaid);
  }

  /** This invoice with its period's lines. */
  public InvoiceView withLines(List<PeriodLine> lines) {
    return new InvoiceView(
        id,
        number,
        periodId,
        contractId,
        loanId,
        fundingSource,
        status,
        currency,
        amountDue,
        amountPaid,
        issueDate,
        dueDate,
        week,
        lines,
        createdAt,
        updatedAt);
  }
}
