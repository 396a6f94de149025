package dev.furrow.gateway.payg;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.GetBillingPeriodRequest;
import dev.furrow.proto.payg.v1.GetContractRequest;
import dev.furrow.proto.payg.v1.GetInvoiceRequest;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.ListBillingPeriodsRequest;
import dev.furrow.proto.payg.v1.ListBillingPeriodsResponse;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.ListContractsResponse;
import dev.furrow.proto.payg.v1.ListInvoicesRequest;
import dev.furrow.proto.payg.v1.ListInvoicesResponse;
import dev.furrow.proto.payg.v1.ListPaymentsRequest;
import dev.furrow.proto.payg.v1.ListPaymentsResponse;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.PaygPage;
import dev.furrow.proto.payg.v1.Payment;
import dev.furrow.proto.payg.v1.PaymentAllocation;
import io.grpc.protobuf.StatusProto;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PAYG read endpoints: request mapping, JSON shapes, page links and error mapping. */
class PaygListEndpointsTest {

  @RegisterExtension static final PaygGateway gateway = new PaygGateway();

  static final Contract CONTRACT =
      Contract.newBuilder()
          .setId(1001)
          .setLoanId("LOAN-1")
          .setName("Musa Ibrahim")
          .setLoaner("Kano Agro")
          .setFundingSource("boa")
          .setTractorId("TR-1")
          .setStatus("CURRENT")
          .setEquipmentCost("1500000.00")
          .setPrincipalAmount("300000.00")
          .setRemainingContractValue("850000.00")
          .setTotalRepaymentAmount("2000000.00")
          .setCurrency("NGN")
          .setLoanStartDate("2025-01-15")
          .setLoanEndDate("2027-01-15")
          .setUsdSnapshot("1200.00")
          .setRepaymentPerHectare("45000.00")
          .setCreatedAt(ts("2025-01-15T09:30:00Z"))
          .setTimeZone("Africa/Lagos")
          .setMinimumWeeklyPayment("0.00")
          .setCreditBalance("0.00")
          .setLoanAccountId("0b6b6f5e-7d0a-4a53-a1e9-3c1f0e0b9d11")
          .build();

  static final String CONTRACT_JSON =
      "{\"id\":1001,\"loan_id\":\"LOAN-1\",\"name\":\"Musa Ibrahim\",\"loaner\":\"Kano Agro\","
          + "\"funding_source\":\"boa\",\"tractor_id\":\"TR-1\",\"status\":\"CURRENT\","
          + "\"equipment_cost\":\"1500000.00\",\"principal_amount\":\"300000.00\","
          + "\"remaining_contract_value\":\"850000.00\",\"total_repayment_amount\":\"2000000.00\","
          + "\"currency\":\"NGN\",\"loan_start_date\":\"2025-01-15\","
          + "\"loan_end_date\":\"2027-01-15\",\"usd_snapshot\":\"1200.00\","
          + "\"repayment_per_hectare\":\"45000.00\",\"created_at\":\"2025-01-15T09:30:00Z\"}";

  private static Timestamp ts(String iso) {
    final Instant instant = Instant.parse(iso);
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  private static PaygPage page(long count, int page, int limit) {
    return PaygPage.newBuilder().setCount(count).setPage(page).setLimit(limit).build();
  }

  private static void answerContracts(long count, int page, int limit, Contract... contracts) {
    gateway
        .core()
        .answer(
            "ListContracts",
            ListContractsResponse.newBuilder()
                .addAllResults(java.util.List.of(contracts))
                .setPage(page(count, page, limit))
                .build());
  }

  @Test
  void documentedCurlExampleMapsOntoTheListQuery() {
    answerContracts(42, 1, 25, CONTRACT);

    final HttpResponse<String> response =
        gateway.get("/payg/lms/contracts?page=1&limit=25&funding_source=boa&status=CURRENT");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(gateway.core().last(ListContractsRequest.class).getQuery())
        .isEqualTo(
            PaygListQuery.newBuilder()
                .setPage("1")
                .setLimit("25")
                .putFilters("funding_source", "boa")
                .putFilters("status", "CURRENT")
                .build());
    assertThat(response.body())
        .isEqualTo(
            "{\"count\":42,\"next\":\""
                + gateway.base()
                + "/payg/lms/contracts?funding_source=boa&limit=25&page=2&status=CURRENT\","
                + "\"previous\":null,\"results\":["
                + CONTRACT_JSON
                + "]}");
  }

  @Test
  void everyListParameterReachesTheCoreAndUnknownOnesAreIgnored() {
    answerContracts(0, 1, 25);

    gateway.get(
        "/payg/lms/contracts/?page=2&limit=10&search=musa+i&searchby=name&currency=NGN"
            + "&status=DELINQUENT&funding_source=boa&ordering=-remaining_contract_value"
            + "&colour=red&offset=5");

    assertThat(gateway.core().last(ListContractsRequest.class).getQuery())
        .isEqualTo(
            PaygListQuery.newBuilder()
                .setPage("2")
                .setLimit("10")
                .setSearch("musa i")
                .setSearchby("name")
                .setOrdering("-remaining_contract_value")
                .putAllFilters(
                    Map.of("currency", "NGN", "status", "DELINQUENT", "funding_source", "boa"))
                .build());
  }

  @Test
  void repeatedParameterCountsWithItsLastValue() {
    answerContracts(0, 1, 25);

    gateway.get("/payg/lms/contracts?status=CURRENT&status=CLOSED");

    assertThat(gateway.core().last(ListContractsRequest.class).getQuery().getFiltersMap())
        .isEqualTo(Map.of("status", "CLOSED"));
  }

  @Test
  void middlePageLinksBothWaysKeepingEveryOtherParameter() {
    answerContracts(60, 2, 20, CONTRACT);

    final String body =
        gateway.get("/payg/lms/contracts?limit=20&page=2&search=a%20b&colour=red").body();

    final String base = gateway.base() + "/payg/lms/contracts";
    assertThat(body)
        .startsWith(
            "{\"count\":60,\"next\":\""
                + base
                + "?colour=red&limit=20&page=3&search=a+b\",\"previous\":\""
                + base
                + "?colour=red&limit=20&search=a+b\",\"results\":[");
  }

  @Test
  void lastPageHasNoNextAndPreviousKeepsThePageNumber() {
    answerContracts(60, 3, 20);

    final String body = gateway.get("/payg/lms/contracts/?page=3&limit=20").body();

    assertThat(body)
        .isEqualTo(
            "{\"count\":60,\"next\":null,\"previous\":\""
                + gateway.base()
                + "/payg/lms/contracts/?limit=20&page=2\",\"results\":[]}");
  }

  @Test
  void contractWithoutUsdRateSaysWhy() {
    gateway
        .core()
        .answer(
            "GetContract",
            CONTRACT.toBuilder()
                .setUsdSnapshot("")
                .setUsdSnapshotUnavailable("No FX rate for NGN.")
                .build());

    final HttpResponse<String> response = gateway.get("/payg/lms/contracts/1001");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo(
            CONTRACT_JSON
                .replace("\"usd_snapshot\":\"1200.00\"", "\"usd_snapshot\":null")
                .replace("}", ",\"usd_snapshot_unavailable\":\"No FX rate for NGN.\"}"));
    assertThat(gateway.core().last(GetContractRequest.class).getId()).isEqualTo("1001");
  }

  @Test
  void detailTakesTheIdAsSentWithOrWithoutSlash() {
    gateway.core().answer("GetContract", CONTRACT);

    assertThat(gateway.get("/payg/lms/contracts/1001/").body()).isEqualTo(CONTRACT_JSON);
    gateway.get("/payg/lms/contracts/abc");
    assertThat(gateway.core().last(GetContractRequest.class).getId()).isEqualTo("abc");
  }

  @Test
  void anotherPartnersContractIsNotFound() {
    final HttpResponse<String> response = gateway.get("/payg/lms/contracts/2002");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }

  @Test
  void badListParameterIsA400NamingIt() {
    gateway
        .core()
        .answer(
            "ListContracts",
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("bad query")
                    .addDetails(
                        Any.pack(
                            BadRequest.newBuilder()
                                .addFieldViolations(
                                    BadRequest.FieldViolation.newBuilder()
                                        .setField("limit")
                                        .setDescription("A positive integer is required."))
                                .build()))
                    .build()));

    final HttpResponse<String> response = gateway.get("/payg/lms/contracts?limit=zero");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"limit\":[\"A positive integer is required.\"]}");
  }

  @Test
  void everyEndpointNeedsAKey() {
    for (String path :
        new String[] {
          "/payg/lms/contracts",
          "/payg/lms/contracts/",
          "/payg/lms/contracts/1001",
          "/payg/lms/billing-periods",
          "/payg/lms/billing-periods/1/",
          "/payg/lms/invoices",
          "/payg/lms/invoices/1",
          "/payg/lms/payments/"
        }) {
      final HttpResponse<String> response = gateway.send("GET", path, null);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.body())
          .as(path)
          .isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
      assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
    }
    assertThat(gateway.core().requests()).isEmpty();
  }

  @Test
  void wrongKeyIsTheCoresRefusal() {
    final HttpResponse<String> response =
        gateway.send("GET", "/payg/lms/invoices", null, "Authorization", "Bearer not-the-key");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid API key.\"}");
  }

  static final BillingPeriod DRAFT =
      BillingPeriod.newBuilder()
          .setId(7)
          .setContract(1001)
          .setLoanId("LOAN-1")
          .setFundingSource("boa")
          .setTractorId("TR-1")
          .setIsoWeek("2026-W47")
          .setPeriodStart("2026-11-16")
          .setPeriodEnd("2026-11-22")
          .setStatus("draft")
          .setHectares("7.5000")
          .setAdjustmentHectares("0.0000")
          .setRatePerHectare("45000.00")
          .setCurrency("NGN")
          .setAmountDue("337500.00")
          .setAmountPaid("0.00")
          .setAmountOutstanding("337500.00")
          .addLines(
              BillingLine.newBuilder()
                  .setKind("usage")
                  .setSourceWeekStart("2026-11-16")
                  .setHectares("7.5000")
                  .setAmount("337500.00")
                  .setDescription("2026-W47 usage"))
          .setCreatedAt(ts("2026-11-16T07:00:00.123456Z"))
          .setUpdatedAt(ts("2026-11-18T07:00:00Z"))
          .build();

  @Test
  void draftBillingPeriodHasNullInvoiceFields() {
    gateway
        .core()
        .answer(
            "ListBillingPeriods",
            ListBillingPeriodsResponse.newBuilder()
                .addResults(DRAFT)
                .setPage(page(1, 1, 25))
                .build());

    final HttpResponse<String> response =
        gateway.get(
            "/payg/lms/billing-periods?contract=1001&status=draft&funding_source=boa"
                + "&date_from=2026-11-01&date_to=2026-11-30&number=INV-1&ordering=week_start");

    assertThat(gateway.core().last(ListBillingPeriodsRequest.class).getQuery())
        .isEqualTo(
            PaygListQuery.newBuilder()
                .setOrdering("week_start")
                .putAllFilters(
                    Map.of(
                        "contract", "1001",
                        "status", "draft",
                        "funding_source", "boa",
                        "date_from", "2026-11-01",
                        "date_to", "2026-11-30"))
                .build());
    assertThat(response.body())
        .isEqualTo(
            "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":7,\"contract\":1001,"
                + "\"loan_id\":\"LOAN-1\",\"funding_source\":\"boa\",\"tractor_id\":\"TR-1\","
                + "\"iso_week\":\"2026-W47\",\"period_start\":\"2026-11-16\","
                + "\"period_end\":\"2026-11-22\",\"status\":\"draft\",\"hectares\":\"7.5000\","
                + "\"adjustment_hectares\":\"0.0000\",\"rate_per_hectare\":\"45000.00\","
                + "\"currency\":\"NGN\",\"amount_due\":\"337500.00\",\"amount_paid\":\"0.00\","
                + "\"amount_outstanding\":\"337500.00\",\"invoice\":null,\"invoice_number\":null,"
                + "\"due_date\":null,\"issued_at\":null,\"lines\":[{\"kind\":\"usage\","
                + "\"source_week_start\":\"2026-11-16\",\"hectares\":\"7.5000\","
                + "\"amount\":\"337500.00\",\"description\":\"2026-W47 usage\"}],"
                + "\"created_at\":\"2026-11-16T07:00:00.123456Z\","
                + "\"updated_at\":\"2026-11-18T07:00:00Z\"}]}");
  }

  @Test
  void issuedBillingPeriodShowsItsInvoice() {
    gateway
        .core()
        .answer(
            "GetBillingPeriod",
            DRAFT.toBuilder()
                .setStatus("issued")
                .setInvoice(3)
                .setInvoiceNumber("INV-2026-000003")
                .setDueDate("2026-11-30")
                .setIssuedAt(ts("2026-11-23T00:00:01Z"))
                .build());

    final String body = gateway.get("/payg/lms/billing-periods/7/").body();

    assertThat(body)
        .contains(
            "\"invoice\":3,\"invoice_number\":\"INV-2026-000003\",\"due_date\":\"2026-11-30\","
                + "\"issued_at\":\"2026-11-23T00:00:01Z\",");
    assertThat(gateway.core().last(GetBillingPeriodRequest.class).getId()).isEqualTo("7");
  }

  @Test
  void invoiceJsonAndFilters() {
    final Invoice invoice =
        Invoice.newBuilder()
            .setId(3)
            .setNumber("INV-2026-000003")
            .setBillingPeriod(7)
            .setContract(1001)
            .setLoanId("LOAN-1")
            .setFundingSource("boa")
            .setStatus("issued")
            .setCurrency("NGN")
            .setAmountDue("337500.00")
            .setAmountPaid("0.00")
            .setAmountOutstanding("337500.00")
            .setIssueDate("2026-11-23")
            .setDueDate("2026-11-30")
            .setIsoWeek("2026-W47")
            .addAllLines(DRAFT.getLinesList())
            .setCreatedAt(ts("2026-11-23T00:00:01Z"))
            .setUpdatedAt(ts("2026-11-23T00:00:01Z"))
            .build();
    gateway
        .core()
        .answer(
            "ListInvoices",
            ListInvoicesResponse.newBuilder().addResults(invoice).setPage(page(1, 1, 25)).build());
    gateway.core().answer("GetInvoice", invoice);

    final String list =
        gateway.get("/payg/lms/invoices/?number=INV-2026-000003&contract=1001").body();
    final String one = gateway.get("/payg/lms/invoices/3").body();

    assertThat(gateway.core().last(ListInvoicesRequest.class).getQuery().getFiltersMap())
        .isEqualTo(Map.of("number", "INV-2026-000003", "contract", "1001"));
    assertThat(gateway.core().last(GetInvoiceRequest.class).getId()).isEqualTo("3");
    assertThat(one)
        .isEqualTo(
            "{\"id\":3,\"number\":\"INV-2026-000003\",\"billing_period\":7,\"contract\":1001,"
                + "\"loan_id\":\"LOAN-1\",\"funding_source\":\"boa\",\"status\":\"issued\","
                + "\"currency\":\"NGN\",\"amount_due\":\"337500.00\",\"amount_paid\":\"0.00\","
                + "\"amount_outstanding\":\"337500.00\",\"issue_date\":\"2026-11-23\","
                + "\"due_date\":\"2026-11-30\",\"iso_week\":\"2026-W47\",\"lines\":[{\"kind\":"
                + "\"usage\",\"source_week_start\":\"2026-11-16\",\"hectares\":\"7.5000\","
                + "\"amount\":\"337500.00\",\"description\":\"2026-W47 usage\"}],"
                + "\"created_at\":\"2026-11-23T00:00:01Z\",\"updated_at\":\"2026-11-23T00:00:01Z\"}");
    assertThat(list)
        .isEqualTo("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[" + one + "]}");
  }

  static final Payment APPLIED =
      Payment.newBuilder()
          .setId(11)
          .setTransactionCode("BOA-1")
          .setCustomerName("Kano Agro")
          .setAmountPaid("400000.00")
          .setCurrency("NGN")
          .setInitiatedAt(ts("2026-11-24T09:00:00Z"))
          .setCompletedAt(ts("2026-11-24T09:01:00Z"))
          .setReceivedAt(ts("2026-11-24T09:01:02.5Z"))
          .setStatus("applied")
          .setMatchMethod("loan_id")
          .setContract(1001)
          .setLoanId("LOAN-1")
          .setFundingSource("boa")
          .setLoanTransaction("0b6b6f5e-7d0a-4a53-a1e9-3c1f0e0b9d12")
          .addAllocations(
              PaymentAllocation.newBuilder()
                  .setInvoiceNumber("INV-2026-000003")
                  .setInvoice(3)
                  .setBillingPeriod(7)
                  .setAmount("337500.00")
                  .setInvoiceOutstandingAfter("0.00"))
          .addAllocations(PaymentAllocation.newBuilder().setAmount("62500.00"))
          .setUnappliedAmount("0.00")
          .setRemainingContractValueAfter("1600000.00")
          .setAppliedAt(ts("2026-11-24T09:01:02.5Z"))
          .setRequestedLoanId("LOAN-1")
          .build();

  static final String APPLIED_JSON =
      "{\"id\":11,\"transaction_code\":\"BOA-1\",\"customer_name\":\"Kano Agro\","
          + "\"amount_paid\":\"400000.00\",\"currency\":\"NGN\","
          + "\"initiated_at\":\"2026-11-24T09:00:00Z\",\"completed_at\":\"2026-11-24T09:01:00Z\","
          + "\"received_at\":\"2026-11-24T09:01:02.500000Z\",\"status\":\"applied\","
          + "\"match_method\":\"loan_id\",\"unmatched_reason\":null,\"contract\":1001,"
          + "\"loan_id\":\"LOAN-1\",\"funding_source\":\"boa\","
          + "\"loan_transaction\":\"0b6b6f5e-7d0a-4a53-a1e9-3c1f0e0b9d12\",\"allocations\":["
          + "{\"invoice\":3,\"invoice_number\":\"INV-2026-000003\",\"billing_period\":7,"
          + "\"amount\":\"337500.00\",\"invoice_outstanding_after\":\"0.00\"},"
          + "{\"invoice\":null,\"invoice_number\":null,\"billing_period\":null,"
          + "\"amount\":\"62500.00\",\"invoice_outstanding_after\":null}],"
          + "\"unapplied_amount\":\"0.00\",\"remaining_contract_value_after\":\"1600000.00\","
          + "\"applied_at\":\"2026-11-24T09:01:02.500000Z\",\"requested_loan_id\":\"LOAN-1\","
          + "\"requested_invoice_number\":null}";

  @Test
  void paymentJsonShowsAllocationsAndCredit() {
    gateway
        .core()
        .answer(
            "ListPayments",
            ListPaymentsResponse.newBuilder().addResults(APPLIED).setPage(page(1, 1, 25)).build());

    final String body =
        gateway
            .get(
                "/payg/lms/payments?contract=1001&status=applied&date_from=2026-11-01&date_to=2026-11-30&funding_source=boa&number=x")
            .body();

    assertThat(gateway.core().last(ListPaymentsRequest.class).getQuery().getFiltersMap())
        .isEqualTo(
            Map.of(
                "contract", "1001",
                "status", "applied",
                "date_from", "2026-11-01",
                "date_to", "2026-11-30",
                "funding_source", "boa"));
    assertThat(body)
        .isEqualTo(
            "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[" + APPLIED_JSON + "]}");
  }

  @Test
  void unmatchedPaymentHasNullContractFields() {
    final Payment unmatched =
        Payment.newBuilder()
            .setId(12)
            .setTransactionCode("BOA-2")
            .setCustomerName("Nobody Known")
            .setAmountPaid("1000.00")
            .setInitiatedAt(ts("2026-11-24T09:00:00Z"))
            .setCompletedAt(ts("2026-11-24T09:01:00Z"))
            .setReceivedAt(ts("2026-11-24T09:01:02Z"))
            .setStatus("unmatched")
            .setUnmatchedReason("No open contract matches the customer name.")
            .setUnappliedAmount("0.00")
            // A core may fill an absent time with the default Timestamp: still null.
            .setAppliedAt(Timestamp.getDefaultInstance())
            .build();
    gateway
        .core()
        .answer(
            "ListPayments",
            ListPaymentsResponse.newBuilder()
                .addResults(unmatched)
                .setPage(page(1, 1, 25))
                .build());

    assertThat(gateway.get("/payg/lms/payments").body())
        .contains(
            "{\"id\":12,\"transaction_code\":\"BOA-2\",\"customer_name\":\"Nobody Known\","
                + "\"amount_paid\":\"1000.00\",\"currency\":null,"
                + "\"initiated_at\":\"2026-11-24T09:00:00Z\","
                + "\"completed_at\":\"2026-11-24T09:01:00Z\","
                + "\"received_at\":\"2026-11-24T09:01:02Z\",\"status\":\"unmatched\","
                + "\"match_method\":null,"
                + "\"unmatched_reason\":\"No open contract matches the customer name.\","
                + "\"contract\":null,\"loan_id\":null,\"funding_source\":null,"
                + "\"loan_transaction\":null,\"allocations\":[],\"unapplied_amount\":\"0.00\","
                + "\"remaining_contract_value_after\":null,\"applied_at\":null,"
                + "\"requested_loan_id\":null,\"requested_invoice_number\":null}");
  }
}
