package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A loan's schedule as stored: its instalments in due-date order (none before disbursement). */
public record LoanSchedule(UUID loanId, String currency, List<Row> instalments) {
  public LoanSchedule {
    requireNonNull(loanId, "loanId");
    requireNonNull(currency, "currency");
    instalments = List.copyOf(instalments);
  }

  /** One stored instalment. */
  public record Row(
      int number,
      LocalDate dueDate,
      BigDecimal principal,
      BigDecimal interest,
      BigDecimal fee,
      BigDecimal paidPrincipal,
      BigDecimal paidInterest,
      BigDecimal paidFee,
      InstalmentStatus status) {

    /** The row of a computed instalment, with its status on {@code today}. */
    static Row of(Instalment i, LocalDate today) {
      return new Row(
          i.number(),
          i.dueDate(),
          i.principal(),
          i.interest(),
          i.fee(),
          i.paidPrincipal(),
          i.paidInterest(),
          i.paidFee(),
          i.status(today));
    }

    /** Principal + interest + fee. */
    public BigDecimal total() {
      return principal.add(interest).add(fee);
    }

    /** Everything paid towards it. */
    public BigDecimal paid() {
      return paidPrincipal.add(paidInterest).add(paidFee);
    }
  }

  /** Sums over every instalment. */
  public BigDecimal total() {
    return instalments.stream()
        .map(Row::total)
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
  }
}
