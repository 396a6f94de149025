package dev.furrow.core.payment;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.payg.PaygLists;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.ConfirmPaymentResponse;
import dev.furrow.proto.payg.v1.ListPaymentsRequest;
import dev.furrow.proto.payg.v1.ListPaymentsResponse;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc;
import io.grpc.stub.StreamObserver;

/** gRPC edge of the partner's payment calls; guarded by a PAYG partner API key. */
public final class PaymentGrpcService extends PaymentServiceGrpc.PaymentServiceImplBase {
  private final PaymentDesk desk;

  public PaymentGrpcService(PaymentDesk desk) {
    this.desk = desk;
  }

  @Override
  public void listPayments(
      ListPaymentsRequest request, StreamObserver<ListPaymentsResponse> response) {
    long partnerId = Caller.partnerId();
    PaygQuery query = PaygLists.compile(PaymentLists.SPEC, request.getQuery());
    PartnerPage<Payment> page = desk.list(partnerId, query);
    ListPaymentsResponse.Builder out =
        ListPaymentsResponse.newBuilder().setPage(PaygLists.page(query, page.count()));
    page.results().forEach(p -> out.addResults(PaymentProtoMapper.toProto(p)));
    reply(response, out.build());
  }

  @Override
  public void confirmPayment(
      ConfirmPaymentRequest request, StreamObserver<ConfirmPaymentResponse> response) {
    Confirmation confirmation =
        desk.confirm(Caller.partnerId(), PaymentProtoMapper.toDelivery(request));
    reply(
        response,
        ConfirmPaymentResponse.newBuilder()
            .setPayment(PaymentProtoMapper.toProto(confirmation.payment()))
            .setReplayed(confirmation.replayed())
            .build());
  }
}
