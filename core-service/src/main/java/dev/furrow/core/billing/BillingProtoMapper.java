package dev.furrow.core.billing;

import dev.furrow.core.money.Decimals;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Invoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Billing periods, invoices and unbilled usage as protobuf messages. */
final class BillingProtoMapper {
  private BillingProtoMapper() {}

  static BillingPeriod toProto(PeriodView p) {
    BillingPeriod.Builder out =
        BillingPeriod.newBuilder()
            .setId(p.id())
            .setContract(p.contractId())
            .setLoanId(p.loanId())
            .setFundingSource(p.fundingSource())
            .setTractorId(p.tractorId())
            .setIsoWeek(p.week().name())
            .setPeriodStart(p.week().start().toString())
            .setPeriodEnd(p.week().end().toString())
            .setStatus(p.status().code())
            .setHectares(hectares(p.hectares()))
            .setAdjustmentHectares(hectares(p.adjustmentHectares()))
            .setRatePerHectare(money(p.ratePerHectare()))
            .setCurrency(p.currency())
            .setAmountDue(money(p.amountDue()))
            .setAmountPaid(money(p.amountPaid()))
            .setAmountOutstanding(money(p.amountOutstanding()))
            .setInvoiceNumber(p.invoiceNumber())
            .setInvoice(p.invoiceId())
            .setDueDate(p.dueDate() == null ? "" : p.dueDate().toString())
            .addAllLines(lines(p.lines()))
            .setCreatedAt(ProtoTime.toProto(p.createdAt()))
            .setUpdatedAt(ProtoTime.toProto(p.updatedAt()));
    if (p.issuedAt() != null) {
      out.setIssuedAt(ProtoTime.toProto(p.issuedAt()));
    }
    return out.build();
  }

  static Invoice toProto(InvoiceView i) {
    return Invoice.newBuilder()
        .setId(i.id())
        .setNumber(i.number())
        .setBillingPeriod(i.periodId())
        .setContract(i.contractId())
        .setLoanId(i.loanId())
        .setFundingSource(i.fundingSource())
        .setStatus(i.status().code())
        .setCurrency(i.currency())
        .setAmountDue(money(i.amountDue()))
        .setAmountPaid(money(i.amountPaid()))
        .setAmountOutstanding(money(i.amountOutstanding()))
        .setIssueDate(i.issueDate().toString())
        .setDueDate(i.dueDate().toString())
        .setIsoWeek(i.week().name())
        .addAllLines(lines(i.lines()))
        .setCreatedAt(ProtoTime.toProto(i.createdAt()))
        .setUpdatedAt(ProtoTime.toProto(i.updatedAt()))
        .build();
  }

  static dev.furrow.proto.payg.v1.UnbilledUsage toProto(UnbilledUsage u) {
    return dev.furrow.proto.payg.v1.UnbilledUsage.newBuilder()
        .setUsageEventId(u.usageEventId())
        .setTractorId(u.tractorId())
        .setMessageId(u.messageId())
        .setWindowStart(ProtoTime.toProto(u.windowStart()))
        .setWindowEnd(ProtoTime.toProto(u.windowEnd()))
        .setHectares(hectares(u.hectares()))
        .setReceivedAt(ProtoTime.toProto(u.receivedAt()))
        .build();
  }

  private static List<BillingLine> lines(List<PeriodLine> lines) {
    return lines.stream()
        .map(
            l ->
                BillingLine.newBuilder()
                    .setKind(l.kind().code())
                    .setSourceWeekStart(l.sourceWeekStart().toString())
                    .setHectares(hectares(l.hectares()))
                    .setAmount(money(l.amount()))
                    .setDescription(l.description())
                    .build())
        .toList();
  }

  private static String money(BigDecimal value) {
    return Decimals.money(value).toPlainString();
  }

  /** Hectares with their stored four decimal places ("12.3456", "0.0000"). */
  private static String hectares(BigDecimal value) {
    return value.setScale(4, RoundingMode.UNNECESSARY).toPlainString();
  }
}
