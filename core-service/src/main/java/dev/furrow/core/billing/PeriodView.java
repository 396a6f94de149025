package dev.furrow.core.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.annotation.Nullable;

/**
 * A billing period as the LMS API shows it; for a draft, the amounts and line amounts are what the
 * week would bill if it closed now.
 */
public record PeriodView(
    long id,
    long contractId,
    String loanId,
    String fundingSource,
    String tractorId,
    IsoWeek week,
    PeriodStatus status,
    BigDecimal hectares,
    BigDecimal adjustmentHectares,
    BigDecimal ratePerHectare,
    String currency,
    BigDecimal amountDue,
    BigDecimal amountPaid,
    long invoiceId,
    String invoiceNumber,
    @Nullable LocalDate dueDate,
    @Nullable Instant issuedAt,
    List<PeriodLine> lines,
    Instant createdAt,
    Instant updatedAt) {

  /** What is still owed: amount due less amount paid. */
  public BigDecimal amountOutstanding() {
    return amountDue.subtract(amountPaid);
  }

  /**
   * This period as shown with its lines and the amount they come to: a draft's running bill, or the
   * lines of an issued period with its stored amount.
   */
  public PeriodView shown(BigDecimal amountDue, List<PeriodLine> lines) {
    return new PeriodView(
        id,
        contractId,
        loanId,
        fundingSource,
        tractorId,
        week,
        status,
        hectares,
        adjustmentHectares,
        ratePerHectare,
        currency,
        amountDue,
        amountPaid,
        invoiceId,
        invoiceNumber,
        dueDate,
        issuedAt,
        lines,
        createdAt,
        updatedAt);
  }
}
