package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Path;
import com.linecorp.armeria.server.annotation.Post;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.error.RestErrors;
import dev.furrow.gateway.http.JsonResponses;
import dev.furrow.proto.payg.v1.ListPaymentsRequest;
import dev.furrow.proto.payg.v1.ListPaymentsResponse;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc.PaymentServiceFutureStub;
import io.grpc.Channel;
import io.grpc.Status;

/**
 * Payments ({@code GET /payg/lms/payments}) and the payment-confirmation webhook ({@code POST
 * /payg/lms/webhooks/payment-confirmation}), with or without a trailing slash, over the core's
 * {@code PaymentService}.
 */
public final class PaymentsApi {

  static final String PAYMENTS = "/payg/lms/payments";
  static final String WEBHOOK = "/payg/lms/webhooks/payment-confirmation";

  /** The signed Unix time of a webhook delivery. */
  static final String TIMESTAMP_HEADER = "x-furrow-timestamp";

  /** {@code sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>}. */
  static final String SIGNATURE_HEADER = "x-furrow-signature";

  /** The largest webhook body read; a larger one is 413. */
  static final int MAX_WEBHOOK_BODY = 64 * 1024;

  private final PaymentServiceFutureStub payments;

  /** The endpoints, calling the core behind the given channel. */
  public PaymentsApi(Channel core) {
    this.payments = PaymentServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** Payments applied to the caller's contracts and the caller's unmatched reports. */
  @Get
  @Path(PAYMENTS)
  @Path(PAYMENTS + "/")
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListPaymentsRequest request =
        ListPaymentsRequest.newBuilder()
            .setQuery(PaygListParams.PAYMENTS.toQuery(ctx.queryParams()))
            .build();
    return PaygReplies.page(
        ctx,
        CoreCalls.forRequest(payments, ctx).listPayments(request),
        ListPaymentsResponse::getPage,
        ListPaymentsResponse::getResultsList,
        PaygJson::payment);
  }

  /**
   * A funding partner's payment report: the raw body and signature headers go to the core, which
   * verifies, records and applies it. 201 with the payment for a new report (applied or unmatched),
   * 200 with the same payment for a redelivery.
   */
  @Post
  @Path(WEBHOOK)
  @Path(WEBHOOK + "/")
  public HttpResponse confirm(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    final PaymentReports.Read read =
        PaymentReports.read(
            request.content().array(),
            request.headers().get(TIMESTAMP_HEADER),
            request.headers().get(SIGNATURE_HEADER));
    return HttpResponse.of(
        CoreCalls.toCompletable(CoreCalls.forRequest(payments, ctx).confirmPayment(read.request()))
            .handle(
                (reply, cause) -> {
                  if (cause == null) {
                    return JsonResponses.of(
                        reply.getReplayed() ? HttpStatus.OK : HttpStatus.CREATED,
                        PaygJson.payment(reply.getPayment()));
                  }
                  if (read.badRequestBody() != null
                      && Status.fromThrowable(cause).getCode() == Status.Code.INVALID_ARGUMENT) {
                    // The core refused the body the gateway could not read; say precisely why.
                    return JsonResponses.of(HttpStatus.BAD_REQUEST, read.badRequestBody());
                  }
                  return RestErrors.fromThrowable(cause);
                }));
  }
}
