package dev.furrow.core.billing;

import static dev.furrow.core.GrpcAssertions.assertNotFound;
import static dev.furrow.core.billing.BillingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.BillingServiceGrpc;
import dev.furrow.proto.payg.v1.GetBillingPeriodRequest;
import dev.furrow.proto.payg.v1.GetInvoiceRequest;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.ListBillingPeriodsRequest;
import dev.furrow.proto.payg.v1.ListBillingPeriodsResponse;
import dev.furrow.proto.payg.v1.ListInvoicesRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Filters, ordering, paging and funding-source visibility of billing periods and invoices. */
class BillingListTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static BillingFixtures lender;
  private static BillingFixtures.Contract first;
  private static BillingFixtures.Contract second;

  @BeforeAll
  static void threeWeeksOfTwoContracts() {
    lender = BillingFixtures.newLender(core);
    first = lender.contract(BillingFixtures.Terms.of("100.00", "2010-01-01"));
    second = lender.contract(BillingFixtures.Terms.of("300.00", "2010-01-01"));
    // 2010-W10 (03-08..03-14), W11 (03-15..03-21), W12 (03-22..03-28).
    lender.record(
        usage(first.tractorId(), "a", "2010-03-09T08:00:00Z", "1.0000"),
        usage(first.tractorId(), "b", "2010-03-16T08:00:00Z", "2.0000"),
        usage(second.tractorId(), "c", "2010-03-10T08:00:00Z", "1.0000"));
    lender.runCycle("2010-03-15"); // issues both W10 periods
    lender.runCycle("2010-03-22"); // issues first's W11
    lender.record(usage(first.tractorId(), "d", "2010-03-23T08:00:00Z", "4.0000"));
  }

  @Test
  void periodsFilterByContractStatusAndOverlappingDates() {
    assertThat(periods(Map.of("contract", String.valueOf(first.id())), ""))
        .extracting(
            BillingPeriod::getIsoWeek, BillingPeriod::getStatus, BillingPeriod::getAmountDue)
        .containsExactly(
            tuple("2010-W12", "draft", "400.00"),
            tuple("2010-W11", "issued", "200.00"),
            tuple("2010-W10", "issued", "100.00"));
    assertThat(periods(Map.of("status", "draft"), ""))
        .extracting(BillingPeriod::getContract)
        .containsExactly(first.id());
    assertThat(periods(Map.of("date_from", "2010-03-14", "date_to", "2010-03-15"), "week_start"))
        .extracting(BillingPeriod::getIsoWeek, BillingPeriod::getContract)
        .containsExactly(
            tuple("2010-W10", first.id()),
            tuple("2010-W10", second.id()),
            tuple("2010-W11", first.id()));
    assertThat(periods(Map.of("funding_source", lender.fundingSource), "-amount_due"))
        .extracting(BillingPeriod::getAmountDue)
        .startsWith("300.00", "200.00");
  }

  @Test
  void periodListsArePagedWithTheTotalCount() {
    ListBillingPeriodsResponse page =
        lender
            .billing()
            .listBillingPeriods(
                ListBillingPeriodsRequest.newBuilder()
                    .setQuery(PaygListQuery.newBuilder().setLimit("2").setPage("2"))
                    .build());
    assertThat(page.getPage().getCount()).isEqualTo(4);
    assertThat(page.getPage().getPage()).isEqualTo(2);
    assertThat(page.getResultsList()).hasSize(2);
  }

  @Test
  void invoicesFilterByNumberStatusAndIssueDate() {
    var all = invoices(Map.of(), "issue_date");
    assertThat(all)
        .extracting(Invoice::getIsoWeek, Invoice::getIssueDate, Invoice::getAmountDue)
        .containsExactly(
            tuple("2010-W10", "2010-03-15", "100.00"),
            tuple("2010-W10", "2010-03-15", "300.00"),
            tuple("2010-W11", "2010-03-22", "200.00"));
    assertThat(invoices(Map.of("number", all.get(2).getNumber()), ""))
        .extracting(Invoice::getId)
        .containsExactly(all.get(2).getId());
    assertThat(invoices(Map.of("date_from", "2010-03-16"), ""))
        .extracting(Invoice::getIsoWeek)
        .containsExactly("2010-W11");
    assertThat(invoices(Map.of("contract", String.valueOf(second.id()), "status", "issued"), ""))
        .extracting(Invoice::getAmountDue)
        .containsExactly("300.00");
  }

  @Test
  void badListParametersAreFieldViolations() {
    assertFieldViolations(
        () -> periods(Map.of("status", "open"), "hectares"),
        tuple("status", "Select a valid choice. open is not one of the available choices."),
        tuple(
            "ordering",
            "Unknown ordering field 'hectares'. Use one of: week_start, created_at, amount_due."));
    assertFieldViolations(
        () -> invoices(Map.of("status", "draft"), ""),
        tuple("status", "Select a valid choice. draft is not one of the available choices."));
  }

  @Test
  void partnersWithoutTheFundingSourceSeeNothingAndGetNotFound() {
    BillingPeriod period = periods(Map.of("contract", String.valueOf(second.id())), "").get(0);
    CoreHarness.PartnerKey stranger = core.newPartner("stranger", ApiFace.API_FACE_PAYG);
    var billing =
        core.withApiKey(BillingServiceGrpc.newBlockingStub(core.channel()), stranger.key());

    assertThat(
            billing
                .listBillingPeriods(ListBillingPeriodsRequest.getDefaultInstance())
                .getPage()
                .getCount())
        .isZero();
    assertThat(billing.listInvoices(ListInvoicesRequest.getDefaultInstance()).getResultsList())
        .isEmpty();
    assertNotFound(
        () ->
            billing.getBillingPeriod(
                GetBillingPeriodRequest.newBuilder()
                    .setId(String.valueOf(period.getId()))
                    .build()));
    assertNotFound(
        () ->
            billing.getInvoice(
                GetInvoiceRequest.newBuilder().setId(String.valueOf(period.getInvoice())).build()));
    assertNotFound(
        () -> lender.billing().getInvoice(GetInvoiceRequest.newBuilder().setId("abc").build()));
  }

  private static java.util.List<BillingPeriod> periods(
      Map<String, String> filters, String ordering) {
    return lender
        .billing()
        .listBillingPeriods(
            ListBillingPeriodsRequest.newBuilder()
                .setQuery(PaygListQuery.newBuilder().putAllFilters(filters).setOrdering(ordering))
                .build())
        .getResultsList();
  }

  private static java.util.List<Invoice> invoices(Map<String, String> filters, String ordering) {
    return lender
        .billing()
        .listInvoices(
            ListInvoicesRequest.newBuilder()
                .setQuery(PaygListQuery.newBuilder().putAllFilters(filters).setOrdering(ordering))
                .build())
        .getResultsList();
  }

  private static void assertFieldViolations(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      org.assertj.core.groups.Tuple... expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              try {
                assertThat(
                        StatusProto.fromThrowable(e)
                            .getDetails(0)
                            .unpack(BadRequest.class)
                            .getFieldViolationsList())
                    .extracting(v -> v.getField(), v -> v.getDescription())
                    .containsExactly(expected);
              } catch (InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
              }
            });
  }
}
