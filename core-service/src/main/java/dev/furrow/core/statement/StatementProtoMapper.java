package dev.furrow.core.statement;

import dev.furrow.proto.common.v1.PageInfo;
import dev.furrow.proto.lending.v1.StatementTransaction;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Translates statements to their protobuf messages: money as 2-place text, ISO dates. */
final class StatementProtoMapper {
  private StatementProtoMapper() {}

  static dev.furrow.proto.lending.v1.StatementPage toProto(StatementPage page) {
    dev.furrow.proto.lending.v1.StatementPage.Builder out =
        dev.furrow.proto.lending.v1.StatementPage.newBuilder()
            .setPage(
                PageInfo.newBuilder()
                    .setCount(page.count())
                    .setLimit(page.limit())
                    .setOffset(page.offset()));
    page.results().forEach(s -> out.addResults(toProto(s)));
    return out.build();
  }

  static dev.furrow.proto.lending.v1.Statement toProto(Statement s) {
    dev.furrow.proto.lending.v1.Statement.Builder out =
        dev.furrow.proto.lending.v1.Statement.newBuilder()
            .setId(s.id().toString())
            .setLoan(s.loanId().toString())
            .setNumber(s.number())
            .setCurrency(s.currency())
            .setPeriodStart(s.periodStart().toString())
            .setPeriodEnd(s.periodEnd().toString())
            .setDueDate(s.dueDate().toString())
            .setOpeningBalance(s.opening().total().toPlainString())
            .setDisbursements(s.disbursements().toPlainString())
            .setRepayments(s.repayments().toPlainString())
            .setFees(s.fees().toPlainString())
            .setInterest(s.interest().toPlainString())
            .setReversals(s.reversals().toPlainString())
            .setClosingBalance(s.closing().total().toPlainString())
            .setClosingPrincipal(s.closing().principal().toPlainString())
            .setClosingInterest(s.closing().interest().toPlainString())
            .setClosingFee(s.closing().fee().toPlainString())
            .setPastDueAmount(s.pastDue().toPlainString())
            .setMinimumPayment(s.minimumPayment().toPlainString())
            .setMinimumPaymentDue(s.minimumPaymentDue().toPlainString())
            .setMinimumPaid(s.minimumPaid().toPlainString())
            .setStatus(s.status().code())
            .setCreatedAt(time(s.createdAt()));
    for (Statement.Line line : s.transactions()) {
      StatementTransaction.Builder t =
          StatementTransaction.newBuilder()
              .setId(line.id().toString())
              .setType(line.type())
              .setStatus(line.status())
              .setAmount(line.amount().toPlainString())
              .setBalanceChange(line.balanceChange().toPlainString())
              .setCreatedAt(time(line.createdAt()));
      if (line.feeName() != null) {
        t.setFeeName(line.feeName());
      }
      out.addTransactions(t);
    }
    return out.build();
  }

  /** RFC 3339 in UTC, as precise as stored (microseconds at most). */
  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
