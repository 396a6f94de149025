package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loan's next statement as close of business writes it: number, period, figures, what was still
 * unpaid of earlier minimums, its own minimum with the instalment that asks for it, and what the
 * repayments have paid of every minimum once it is added (repayments made after the cutoff but
 * before the close count towards it).
 */
public record StatementDraft(
    int number,
    StatementPeriod period,
    StatementFigures figures,
    BigDecimal pastDue,
    BigDecimal minimumPayment,
    Optional<MinimumPayments.Minimum> instalment,
    List<MinimumPayments.Paid> paid) {
  public StatementDraft {
    requireNonNull(period, "period");
    requireNonNull(figures, "figures");
    requireNonNull(pastDue, "pastDue");
    requireNonNull(minimumPayment, "minimumPayment");
    requireNonNull(instalment, "instalment");
    paid = List.copyOf(paid);
  }

  /** Composes the statement of {@code in}; statuses as of the open business date {@code open}. */
  public static StatementDraft of(StatementInputs in, LocalDate open) {
    StatementInputs.Previous previous = in.previous();
    StatementPeriod period =
        StatementDates.period(
            previous == null ? null : previous.periodEnd(),
            in.firstDisbursement(),
            in.statementDate(),
            in.dueDay());
    Balances opening = previous == null ? Balances.ZERO : previous.closing();
    Balances closing = in.balances().minus(in.afterCutoff());
    StatementFigures figures = StatementFigures.of(opening, in.period(), closing);
    List<MinimumPayments.Paid> before = MinimumPayments.replay(in.earlier(), in.repayments(), open);
    BigDecimal pastDue = MinimumPayments.unpaid(in.earlier(), before);
    BigDecimal minimum = in.rule().minimum(figures.closingBalance(), pastDue);
    int number = previous == null ? 1 : previous.number() + 1;
    Optional<MinimumPayments.Minimum> instalment =
        minimum.signum() > 0
            ? Optional.of(
                new MinimumPayments.Minimum(
                    number,
                    period.cutoff(),
                    period.dueDate(),
                    MinimumPaymentRule.split(minimum, closing)))
            : Optional.empty();
    List<MinimumPayments.Minimum> all = new ArrayList<>(in.earlier());
    instalment.ifPresent(all::add);
    List<MinimumPayments.Paid> paid = MinimumPayments.replay(all, in.repayments(), open);
    return new StatementDraft(number, period, figures, pastDue, minimum, instalment, paid);
  }

  /** {@code past due + minimum}: what must be paid by the due date to stay current. */
  public BigDecimal minimumPaymentDue() {
    return pastDue.add(minimumPayment);
  }
}
