package dev.furrow.core.billing;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.error.Violations;
import dev.furrow.core.payg.PaygLists;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.proto.payg.v1.BillingAdminServiceGrpc;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.BillingServiceGrpc;
import dev.furrow.proto.payg.v1.GetBillingPeriodRequest;
import dev.furrow.proto.payg.v1.GetInvoiceRequest;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.ListBillingPeriodsRequest;
import dev.furrow.proto.payg.v1.ListBillingPeriodsResponse;
import dev.furrow.proto.payg.v1.ListInvoicesRequest;
import dev.furrow.proto.payg.v1.ListInvoicesResponse;
import dev.furrow.proto.payg.v1.ListUnbilledUsageRequest;
import dev.furrow.proto.payg.v1.ListUnbilledUsageResponse;
import dev.furrow.proto.payg.v1.RunBillingCycleRequest;
import dev.furrow.proto.payg.v1.RunBillingCycleResponse;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The gRPC edges of weekly billing. */
public final class BillingGrpcServices {
  private BillingGrpcServices() {}

  /** Partner reads of billing periods and invoices (PAYG key). */
  public static final class Billing extends BillingServiceGrpc.BillingServiceImplBase {
    private final BillingDesk desk;

    public Billing(BillingDesk desk) {
      this.desk = desk;
    }

    @Override
    public void listBillingPeriods(
        ListBillingPeriodsRequest request, StreamObserver<ListBillingPeriodsResponse> response) {
      PaygQuery query = PaygLists.compile(BillingDesk.PERIODS, request.getQuery());
      PartnerPage<PeriodView> page = desk.periods(Caller.partnerId(), query);
      ListBillingPeriodsResponse.Builder out =
          ListBillingPeriodsResponse.newBuilder().setPage(PaygLists.page(query, page.count()));
      page.results().forEach(p -> out.addResults(BillingProtoMapper.toProto(p)));
      reply(response, out.build());
    }

    @Override
    public void getBillingPeriod(
        GetBillingPeriodRequest request, StreamObserver<BillingPeriod> response) {
      reply(response, BillingProtoMapper.toProto(desk.period(Caller.partnerId(), request.getId())));
    }

    @Override
    public void listInvoices(
        ListInvoicesRequest request, StreamObserver<ListInvoicesResponse> response) {
      PaygQuery query = PaygLists.compile(BillingDesk.INVOICES, request.getQuery());
      PartnerPage<InvoiceView> page = desk.invoices(Caller.partnerId(), query);
      ListInvoicesResponse.Builder out =
          ListInvoicesResponse.newBuilder().setPage(PaygLists.page(query, page.count()));
      page.results().forEach(i -> out.addResults(BillingProtoMapper.toProto(i)));
      reply(response, out.build());
    }

    @Override
    public void getInvoice(GetInvoiceRequest request, StreamObserver<Invoice> response) {
      reply(
          response, BillingProtoMapper.toProto(desk.invoice(Caller.partnerId(), request.getId())));
    }
  }

  /** Operator: the billing cycle and unbilled usage (service token). */
  public static final class BillingAdmin
      extends BillingAdminServiceGrpc.BillingAdminServiceImplBase {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final BillingCycle cycle;
    private final BillingDesk desk;

    public BillingAdmin(BillingCycle cycle, BillingDesk desk) {
      this.cycle = cycle;
      this.desk = desk;
    }

    @Override
    public void runBillingCycle(
        RunBillingCycleRequest request, StreamObserver<RunBillingCycleResponse> response) {
      LocalDate businessDate = businessDate(request.getBusinessDate());
      BillingCycle.Result result = cycle.run(businessDate);
      reply(
          response,
          RunBillingCycleResponse.newBuilder()
              .setBusinessDate(result.businessDate().toString())
              .setPeriodsIssued(result.periodsIssued())
              .setInvoicesOverdue(result.invoicesOverdue())
              .setContractsChanged(result.contractsChanged())
              .build());
    }

    @Override
    public void listUnbilledUsage(
        ListUnbilledUsageRequest request, StreamObserver<ListUnbilledUsageResponse> response) {
      new Violations()
          .check(
              request.getLimit() < 0, "limit", "Ensure this value is greater than or equal to 0.")
          .throwIfAny();
      int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : Math.min(request.getLimit(), MAX_LIMIT);
      ListUnbilledUsageResponse.Builder out = ListUnbilledUsageResponse.newBuilder();
      desk.unbilled(request.getTractorId(), limit)
          .forEach(u -> out.addUsage(BillingProtoMapper.toProto(u)));
      reply(response, out.build());
    }

    private static LocalDate businessDate(String text) {
      if (text.isEmpty()) {
        throw InvalidInputException.of("business_date", "This field is required.");
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw InvalidInputException.of(
            "business_date",
            "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
      }
    }
  }
}
