package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Path;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.proto.payg.v1.BillingServiceGrpc;
import dev.furrow.proto.payg.v1.BillingServiceGrpc.BillingServiceFutureStub;
import dev.furrow.proto.payg.v1.GetBillingPeriodRequest;
import dev.furrow.proto.payg.v1.GetInvoiceRequest;
import dev.furrow.proto.payg.v1.ListBillingPeriodsRequest;
import dev.furrow.proto.payg.v1.ListBillingPeriodsResponse;
import dev.furrow.proto.payg.v1.ListInvoicesRequest;
import dev.furrow.proto.payg.v1.ListInvoicesResponse;
import io.grpc.Channel;

/**
 * Weekly billing periods ({@code /payg/lms/billing-periods}) and their invoices ({@code
 * /payg/lms/invoices}), with or without a trailing slash, over the core's {@code BillingService}.
 */
public final class BillingApi {

  static final String PERIODS = "/payg/lms/billing-periods";
  static final String INVOICES = "/payg/lms/invoices";

  private final BillingServiceFutureStub billing;

  /** The endpoints, calling the core behind the given channel. */
  public BillingApi(Channel core) {
    this.billing = BillingServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** The billing periods of the caller's contracts. */
  @Get
  @Path(PERIODS)
  @Path(PERIODS + "/")
  public HttpResponse listPeriods(ServiceRequestContext ctx) {
    final ListBillingPeriodsRequest request =
        ListBillingPeriodsRequest.newBuilder()
            .setQuery(PaygListParams.BILLING_PERIODS.toQuery(ctx.queryParams()))
            .build();
    return PaygReplies.page(
        ctx,
        CoreCalls.forRequest(billing, ctx).listBillingPeriods(request),
        ListBillingPeriodsResponse::getPage,
        ListBillingPeriodsResponse::getResultsList,
        PaygJson::billingPeriod);
  }

  /** One billing period of the caller's contracts by its integer id. */
  @Get
  @Path(PERIODS + "/{id}")
  @Path(PERIODS + "/{id}/")
  public HttpResponse getPeriod(ServiceRequestContext ctx, @Param("id") String id) {
    return PaygReplies.ok(
        CoreCalls.forRequest(billing, ctx)
            .getBillingPeriod(GetBillingPeriodRequest.newBuilder().setId(id).build()),
        PaygJson::billingPeriod);
  }

  /** The invoices of the caller's contracts. */
  @Get
  @Path(INVOICES)
  @Path(INVOICES + "/")
  public HttpResponse listInvoices(ServiceRequestContext ctx) {
    final ListInvoicesRequest request =
        ListInvoicesRequest.newBuilder()
            .setQuery(PaygListParams.INVOICES.toQuery(ctx.queryParams()))
            .build();
    return PaygReplies.page(
        ctx,
        CoreCalls.forRequest(billing, ctx).listInvoices(request),
        ListInvoicesResponse::getPage,
        ListInvoicesResponse::getResultsList,
        PaygJson::invoice);
  }

  /** One invoice of the caller's contracts by its integer id. */
  @Get
  @Path(INVOICES + "/{id}")
  @Path(INVOICES + "/{id}/")
  public HttpResponse getInvoice(ServiceRequestContext ctx, @Param("id") String id) {
    return PaygReplies.ok(
        CoreCalls.forRequest(billing, ctx)
            .getInvoice(GetInvoiceRequest.newBuilder().setId(id).build()),
        PaygJson::invoice);
  }
}
