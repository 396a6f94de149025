package dev.furrow.core.delinquency;

import dev.furrow.core.loan.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A loan's delinquency as of a business date: days past due (0 when nothing is overdue), the due
 * date of its oldest overdue instalment, and what is left of its overdue instalments.
 */
public record LoanDelinquency(
    UUID loanId,
    LoanStatus status,
    int daysPastDue,
    @Nullable LocalDate overdueSince,
    BigDecimal overduePrincipal,
    BigDecimal overdueInterest,
    BigDecimal overdueFee,
    LocalDate businessDate) {

  /** The ageing bucket of its days past due. */
  public AgeingBucket bucket() {
    return AgeingBucket.of(daysPastDue);
  }
}
