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
}
