package dev.furrow.core.payment;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.proto.payg.v1.AssignPaymentRequest;
import dev.furrow.proto.payg.v1.IssueWebhookSecretRequest;
import dev.furrow.proto.payg.v1.ListUnmatchedPaymentsRequest;
import dev.furrow.proto.payg.v1.ListUnmatchedPaymentsResponse;
import dev.furrow.proto.payg.v1.ListWebhookSecretsRequest;
import dev.furrow.proto.payg.v1.ListWebhookSecretsResponse;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc;
import dev.furrow.proto.payg.v1.RevokeWebhookSecretRequest;
import io.grpc.stub.StreamObserver;

/** gRPC edge of the operator's payment calls; guarded by the service token. */
public final class PaymentAdminGrpcService
    extends PaymentAdminServiceGrpc.PaymentAdminServiceImplBase {
  private final PaymentDesk desk;

  public PaymentAdminGrpcService(PaymentDesk desk) {
    this.desk = desk;
  }

  @Override
  public void listUnmatchedPayments(
      ListUnmatchedPaymentsRequest request,
      StreamObserver<ListUnmatchedPaymentsResponse> response) {
    ListUnmatchedPaymentsResponse.Builder out = ListUnmatchedPaymentsResponse.newBuilder();
    desk.unmatched(request.getPartnerId(), request.getLimit())
        .forEach(p -> out.addPayments(PaymentProtoMapper.toProto(p)));
    reply(response, out.build());
  }

  @Override
  public void assignPayment(
      AssignPaymentRequest request, StreamObserver<dev.furrow.proto.payg.v1.Payment> response) {
    reply(
        response,
        PaymentProtoMapper.toProto(desk.assign(request.getPaymentId(), request.getContractId())));
  }

  @Override
  public void issueWebhookSecret(
      IssueWebhookSecretRequest request,
      StreamObserver<dev.furrow.proto.payg.v1.WebhookSecret> response) {
    reply(response, PaymentProtoMapper.toProto(desk.issueSecret(request.getPartnerId())));
  }

  @Override
  public void revokeWebhookSecret(
      RevokeWebhookSecretRequest request,
      StreamObserver<dev.furrow.proto.payg.v1.WebhookSecret> response) {
    reply(response, PaymentProtoMapper.toProto(desk.revokeSecret(request.getSecretId())));
  }

  @Override
  public void listWebhookSecrets(
      ListWebhookSecretsRequest request, StreamObserver<ListWebhookSecretsResponse> response) {
    ListWebhookSecretsResponse.Builder out = ListWebhookSecretsResponse.newBuilder();
    desk.secrets(request.getPartnerId())
        .forEach(s -> out.addSecrets(PaymentProtoMapper.toProto(s)));
    reply(response, out.build());
  }
}
