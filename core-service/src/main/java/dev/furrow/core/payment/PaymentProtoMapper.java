package dev.furrow.core.payment;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.PaymentReport;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/** Translates payments and webhook deliveries between protobuf and the domain. */
final class PaymentProtoMapper {
  private PaymentProtoMapper() {}

  static Delivery toDelivery(ConfirmPaymentRequest request) {
    PaymentInput report = null;
    String bodyError = null;
    if (request.getBodyCase() == ConfirmPaymentRequest.BodyCase.BODY_ERROR) {
      bodyError = request.getBodyError();
    } else {
      PaymentReport r = request.getReport();
      report =
          new PaymentInput(
              r.hasCustomerName() ? r.getCustomerName() : null,
              r.hasAmountPaid() ? r.getAmountPaid() : null,
              r.hasTransactionCode() ? r.getTransactionCode() : null,
              r.hasInitiatedAt() ? r.getInitiatedAt() : null,
              r.hasCompletedAt() ? r.getCompletedAt() : null,
              r.hasLoanId() ? r.getLoanId() : null,
              r.hasInvoiceNumber() ? r.getInvoiceNumber() : null);
    }
    return new Delivery(
        request.getRawBody().toByteArray(),
        request.getTimestamp(),
        request.getSignature(),
        report,
        bodyError);
  }

  static dev.furrow.proto.payg.v1.Payment toProto(Payment p) {
    dev.furrow.proto.payg.v1.Payment.Builder out =
        dev.furrow.proto.payg.v1.Payment.newBuilder()
            .setId(p.id())
            .setTransactionCode(p.transactionCode())
            .setCustomerName(p.customerName())
            .setAmountPaid(money(p.amountPaid()))
            .setCurrency(text(p.currency()))
            .setInitiatedAt(ProtoTime.toProto(p.initiatedAt()))
            .setCompletedAt(ProtoTime.toProto(p.completedAt()))
            .setReceivedAt(ProtoTime.toProto(p.receivedAt()))
            .setStatus(p.status().code())
            .setMatchMethod(p.matchMethod() == null ? "" : p.matchMethod().code())
            .setUnmatchedReason(text(p.unmatchedReason()))
            .setContract(p.contractId() == null ? 0 : p.contractId())
            .setLoanId(text(p.loanId()))
            .setFundingSource(text(p.fundingSource()))
            .setLoanTransaction(
                p.loanTransactionId() == null ? "" : p.loanTransactionId().toString())
            .setUnappliedAmount(money(p.unappliedAmount()))
            .setRemainingContractValueAfter(
                p.remainingContractValueAfter() == null
                    ? ""
                    : money(p.remainingContractValueAfter()))
            .setRequestedLoanId(text(p.requestedLoanId()))
            .setRequestedInvoiceNumber(text(p.requestedInvoiceNumber()));
    if (p.appliedAt() != null) {
      out.setAppliedAt(ProtoTime.toProto(p.appliedAt()));
    }
    for (Payment.Allocation a : p.allocations()) {
      out.addAllocations(
          dev.furrow.proto.payg.v1.PaymentAllocation.newBuilder()
              .setInvoiceNumber(text(a.invoiceNumber()))
              .setInvoice(a.invoiceId() == null ? 0 : a.invoiceId())
              .setBillingPeriod(a.billingPeriodId() == null ? 0 : a.billingPeriodId())
              .setAmount(money(a.amount()))
              .setInvoiceOutstandingAfter(
                  a.invoiceOutstandingAfter() == null ? "" : money(a.invoiceOutstandingAfter())));
    }
    return out.build();
  }

  static dev.furrow.proto.payg.v1.WebhookSecret toProto(WebhookSecret s) {
    dev.furrow.proto.payg.v1.WebhookSecret.Builder out =
        dev.furrow.proto.payg.v1.WebhookSecret.newBuilder()
            .setId(s.id())
            .setPartnerId(s.partnerId())
            .setSecret(text(s.secret()))
            .setCreatedAt(ProtoTime.toProto(s.createdAt()));
    if (s.revokedAt() != null) {
      out.setRevokedAt(ProtoTime.toProto(s.revokedAt()));
    }
    return out.build();
  }

  private static String money(BigDecimal value) {
    return value.toPlainString();
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
