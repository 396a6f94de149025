package dev.furrow.core.application;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.ApplicationInputOrBuilder;

/** Translates between the applications protobuf messages and the application domain types. */
final class ApplicationProtoMapper {
  private ApplicationProtoMapper() {}

  /** The fields the message carries, each present only when it was set. */
  static ApplicationInput toInput(ApplicationInputOrBuilder p) {
    ApplicationInput in = ApplicationInput.empty();
    if (p.hasProduct()) {
      in = in.with(ApplicationField.PRODUCT, p.getProduct());
    }
    if (p.hasEndUser()) {
      in = in.with(ApplicationField.END_USER, p.getEndUser());
    }
    if (p.hasAmount()) {
      in = in.with(ApplicationField.AMOUNT, p.getAmount());
    }
    if (p.hasInstallments()) {
      in = in.with(ApplicationField.INSTALLMENTS, p.getInstallments());
    }
    if (p.hasRate()) {
      in = in.with(ApplicationField.RATE, p.getRate());
    }
    if (p.hasCustomField()) {
      in = in.with(ApplicationField.CUSTOM_FIELD, p.getCustomField());
    }
    return in;
  }

  static dev.furrow.proto.lending.v1.Application toProto(Application application) {
    ApplicationTerms t = application.terms();
    var out =
        dev.furrow.proto.lending.v1.Application.newBuilder()
            .setId(application.id().toString())
            .setProduct(t.productId().toString())
            .setEndUser(t.endUserId().toString())
            .setAmount(t.amount().toPlainString())
            .setRate(t.rate().toPlainString())
            .setStatus(application.status().code())
            .setCreated(ProtoTime.toProto(application.created()))
            .setUpdated(ProtoTime.toProto(application.updated()));
    if (t.installments() != null) {
      out.setInstallments(t.installments());
    }
    if (t.customField() != null) {
      out.setCustomField(t.customField());
    }
    if (application.reason() != null) {
      out.setReason(application.reason());
    }
    if (application.processingFinishedAt() != null) {
      out.setProcessingFinishedAt(ProtoTime.toProto(application.processingFinishedAt()));
    }
    if (application.loanId() != null) {
      out.setLoan(application.loanId().toString());
    }
    return out.build();
  }
}
