package dev.furrow.core.transaction;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.common.v1.PageInfo;
import dev.furrow.proto.lending.v1.ListTransactionsResponse;
import dev.furrow.proto.lending.v1.TransactionInputOrBuilder;

/** Translates between the transactions protobuf messages and the transaction domain types. */
final class TransactionProtoMapper {
  private TransactionProtoMapper() {}

  static TransactionInput toInput(TransactionInputOrBuilder p) {
    return new TransactionInput(
        p.hasLoan() ? p.getLoan() : null,
        p.hasType() ? p.getType() : null,
        p.hasAmount() ? p.getAmount() : null,
        p.hasFeeName() ? p.getFeeName() : null,
        p.hasFeeType() ? p.getFeeType() : null,
        p.hasIdempotencyKey() ? p.getIdempotencyKey() : null,
        p.hasCustomField() ? p.getCustomField() : null);
  }

  static ListTransactionsResponse toProto(TransactionPage page, PageInfo info) {
    ListTransactionsResponse.Builder out = ListTransactionsResponse.newBuilder().setPage(info);
    page.results().forEach(t -> out.addResults(toProto(t)));
    return out.build();
  }

  static dev.furrow.proto.lending.v1.Transaction toProto(Transaction t) {
    dev.furrow.proto.lending.v1.Transaction.Builder out =
        dev.furrow.proto.lending.v1.Transaction.newBuilder()
            .setId(t.id().toString())
            .setLoan(t.loanId().toString())
            .setType(t.type().code())
            .setAmount(t.amount().toPlainString())
            .setStatus(t.status().code())
            .setCreated(ProtoTime.toProto(t.created()))
            .setUpdated(ProtoTime.toProto(t.updated()));
    if (t.feeName() != null) {
      out.setFeeName(t.feeName());
    }
    if (t.feeType() != null) {
      out.setFeeType(t.feeType().code());
    }
    if (t.customFeeAmount() != null) {
      out.setCustomFeeAmount(t.customFeeAmount().toPlainString());
    }
    if (t.idempotencyKey() != null) {
      out.setIdempotencyKey(t.idempotencyKey());
    }
    if (t.customField() != null) {
      out.setCustomField(t.customField());
    }
    if (t.previousTransaction() != null) {
      out.setPreviousTransaction(t.previousTransaction().toString());
    }
    if (t.relatedTransaction() != null) {
      out.setRelatedTransaction(t.relatedTransaction().toString());
    }
    if (t.completedAt() != null) {
      out.setCompletedAt(ProtoTime.toProto(t.completedAt()));
    }
    if (t.revertedAt() != null) {
      out.setRevertedAt(ProtoTime.toProto(t.revertedAt()));
    }
    Effect effect = t.effect();
    if (effect != null) {
      BalanceChange change = effect.change();
      out.setResultOutstandingBalance(effect.resultOutstanding().toPlainString())
          .setAffectedLoanPrincipal(change.principal().toPlainString())
          .setAffectedLoanInterest(change.interest().toPlainString())
          .setAffectedLoanFee(change.fee().toPlainString())
          .setResultLoanStatus(effect.resultStatus().code());
    }
    if (t.statement() != null) {
      out.setStatement(t.statement().toString());
    }
    return out.build();
  }
}
