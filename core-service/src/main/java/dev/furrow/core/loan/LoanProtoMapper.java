package dev.furrow.core.loan;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.common.v1.PageInfo;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.ListLoansResponse;
import dev.furrow.proto.lending.v1.LoanInputOrBuilder;

/** Translates between the loans protobuf messages and the loan domain types. */
final class LoanProtoMapper {
  private LoanProtoMapper() {}

  static LoanInput toInput(LoanInputOrBuilder p) {
    return new LoanInput(
        p.hasApplication() ? p.getApplication() : null,
        p.hasCustomField() ? p.getCustomField() : null);
  }

  static CloseInput toInput(CloseLoanRequest p) {
    return new CloseInput(
        p.hasCloseReason() ? p.getCloseReason() : null,
        p.hasCloseSubstatus() ? p.getCloseSubstatus() : null);
  }

  static ListLoansResponse toProto(LoanPage page, PageInfo info) {
    ListLoansResponse.Builder out = ListLoansResponse.newBuilder().setPage(info);
    page.results().forEach(loan -> out.addResults(toProto(loan)));
    return out.build();
  }

  static dev.furrow.proto.lending.v1.Loan toProto(Loan loan) {
    LoanTerms t = loan.terms();
    LoanState s = loan.state();
    LoanBalances b = s.balances();
    dev.furrow.proto.lending.v1.Loan.Builder out =
        dev.furrow.proto.lending.v1.Loan.newBuilder()
            .setId(loan.id().toString())
            .setApplication(t.applicationId().toString())
            .setEndUser(t.endUserId().toString())
            .setProduct(t.productId().toString())
            .setAmount(t.amount().toPlainString())
            .setInterestRate(t.interestRate().toPlainString())
            .setCurrency(t.currency())
            .setStatus(s.status().code())
            .setPrincipal(b.principal().toPlainString())
            .setInterest(b.interest().toPlainString())
            .setFee(b.fee().toPlainString())
            .setPendingPrincipal(b.pendingPrincipal().toPlainString())
            .setPendingInterest(b.pendingInterest().toPlainString())
            .setPendingFee(b.pendingFee().toPlainString())
            .setInterestCalculationEnabled(s.interestCalculationEnabled())
            .setCreated(ProtoTime.toProto(loan.created()))
            .setUpdated(ProtoTime.toProto(loan.updated()));
    if (t.installments() != null) {
      out.setInstallments(t.installments());
    }
    if (t.graceInstalments() != null) {
      out.setGraceInstalments(t.graceInstalments());
    }
    if (t.principalRepaymentGrace() != null) {
      out.setPrincipalRepaymentGrace(t.principalRepaymentGrace());
    }
    if (t.arrearsTolerance() != null) {
      out.setArrearsTolerance(t.arrearsTolerance());
    }
    if (t.customField() != null) {
      out.setCustomField(t.customField());
    }
    if (loan.lastTransaction() != null) {
      out.setLastTransaction(loan.lastTransaction().toString());
    }
    if (loan.businessDaysInPeriod() != null) {
      out.setBusinessDaysInPeriod(loan.businessDaysInPeriod());
    }
    LoanClosure closure = s.closure();
    if (closure != null) {
      out.setCloseReason(closure.reason())
          .setCloseSubstatus(closure.substatus().code())
          .setClosedAt(ProtoTime.toProto(closure.at()));
      if (closure.writtenOffAmount() != null) {
        out.setWrittenOffAmount(closure.writtenOffAmount().toPlainString());
      }
    }
    return out.build();
  }
}
