package dev.furrow.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.payg.v1.BillingAdminServiceGrpc;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.BillingServiceGrpc;
import dev.furrow.proto.payg.v1.GetBillingPeriodRequest;
import dev.furrow.proto.payg.v1.GetInvoiceRequest;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.ListBillingPeriodsRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.RunBillingCycleRequest;
import dev.furrow.proto.payg.v1.RunBillingCycleResponse;
import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageOutcome;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lender with a PAYG key, a funding source it is entitled to, and contracts over loan accounts
 * opened through the lending API; usage is recorded through the real RecordUsage call.
 */
final class BillingFixtures {
  final CoreHarness core;
  final long partnerId;
  final String lendingKey;
  final String paygKey;
  final String fundingSource;

  private BillingFixtures(CoreHarness core) {
    this.core = core;
    CoreHarness.PartnerKey lender = core.newPartner("lender", ApiFace.API_FACE_LENDING);
    this.partnerId = lender.partnerId();
    this.lendingKey = lender.key();
    this.paygKey =
        core.asOperator(PartnerAdminServiceGrpc.newBlockingStub(core.channel()))
            .issueApiKey(
                IssueApiKeyRequest.newBuilder()
                    .setPartnerId(partnerId)
                    .setFace(ApiFace.API_FACE_PAYG)
                    .build())
            .getKey();
    this.fundingSource = "fs-" + UUID.randomUUID().toString().substring(0, 8);
    sql(
        "INSERT INTO funding_source (code, name) VALUES (:code, 'Program')",
        Map.of("code", fundingSource));
    sql(
        "INSERT INTO funding_source_entitlement (partner_id, funding_source) VALUES (:p, :code)",
        Map.of("p", partnerId, "code", fundingSource));
  }

  static BillingFixtures newLender(CoreHarness core) {
    return new BillingFixtures(core);
  }

  /** The terms of a contract to open; defaults as in the issue's example. */
  record Terms(
      String rate,
      String minimum,
      String zone,
      String loanStart,
      String loanEnd,
      int invoiceDueDays,
      int toleranceDays) {
    static Terms of(String rate, String loanStart) {
      return new Terms(rate, "0", "UTC", loanStart, "2030-12-31", 7, 7);
    }

    Terms minimum(String value) {
      return new Terms(rate, value, zone, loanStart, loanEnd, invoiceDueDays, toleranceDays);
    }

    Terms zone(String value) {
      return new Terms(rate, minimum, value, loanStart, loanEnd, invoiceDueDays, toleranceDays);
    }

    Terms loanEnd(String value) {
      return new Terms(rate, minimum, zone, loanStart, value, invoiceDueDays, toleranceDays);
    }
  }

  /** A contract opened on a fresh tractor. */
  record Contract(long id, String tractorId, String loanId) {}

  Contract contract(Terms terms) {
    String tractor = "TR-" + UUID.randomUUID().toString().substring(0, 8);
    core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractor)
                .setPartnerId(partnerId)
                .build());
    String loanAccount = openLoan();
    String loanId = "LN-" + UUID.randomUUID().toString().substring(0, 8);
    long id =
        core.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "INSERT INTO contract (loan_id, loan_account_id, partner_id,"
                                + " funding_source, tractor_id, name, loaner, status,"
                                + " equipment_cost, principal_amount, total_repayment_amount,"
                                + " remaining_contract_value, repayment_per_hectare,"
                                + " minimum_weekly_payment, currency, time_zone, loan_start_date,"
                                + " loan_end_date, invoice_due_days, delinquency_tolerance_days)"
                                + " VALUES (:loanId, :loan::uuid, :p, :fs, :t, 'Amina Farms',"
                                + " 'Amina Bello', 'CURRENT', 25000000.00, 5000000.00,"
                                + " 22000000.00, 22000000.00, :rate, :min, 'KES', :zone,"
                                + " :start::date, :end::date, :due, :tol) RETURNING id")
                        .bind("loanId", loanId)
                        .bind("loan", loanAccount)
                        .bind("p", partnerId)
                        .bind("fs", fundingSource)
                        .bind("t", tractor)
                        .bind("rate", new BigDecimal(terms.rate()))
                        .bind("min", new BigDecimal(terms.minimum()))
                        .bind("zone", terms.zone())
                        .bind("start", terms.loanStart())
                        .bind("end", terms.loanEnd())
                        .bind("due", terms.invoiceDueDays())
                        .bind("tol", terms.toleranceDays())
                        .mapTo(Long.class)
                        .one());
    return new Contract(id, tractor, loanId);
  }

  private String openLoan() {
    var products = core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), lendingKey);
    var product =
        products.createProduct(
            CreateProductRequest.newBuilder()
                .setProduct(
                    ProductInput.newBuilder()
                        .setType("pay_as_you_go")
                        .setName("Hectare plan")
                        .setCurrency("KES")
                        .setDefaultLoanAmount("20000000")
                        .setDefaultInterestRate("0")
                        .setRepaymentPerHectare("45000")
                        .setBillingDueDays(7)
                        .setArrearsTolerance(7))
                .build());
    products.publishProduct(PublishProductRequest.newBuilder().setId(product.getId()).build());
    var endUser =
        core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), lendingKey)
            .createEndUser(
                CreateEndUserRequest.newBuilder()
                    .setEndUser(
                        EndUserInput.newBuilder()
                            .setFirstName("Amina")
                            .setLastName("Bello")
                            .setBirthDate("1985-04-12")
                            .setAddressLine1("12 Farm Road")
                            .setAddressLine2("Nakuru")
                            .setCity("Nakuru")
                            .setPostalCode("20100")
                            .setBankAccountNumber("0123456789")
                            .setSortCode("058")
                            .setEmail("amina@example.ke"))
                    .build());
    var applications =
        core.withApiKey(ApplicationServiceGrpc.newBlockingStub(core.channel()), lendingKey);
    var application =
        applications.createApplication(
            CreateApplicationRequest.newBuilder()
                .setApplication(
                    ApplicationInput.newBuilder()
                        .setProduct(product.getId())
                        .setEndUser(endUser.getId()))
                .build());
    var decided =
        applications.completeApplication(
            CompleteApplicationRequest.newBuilder().setId(application.getId()).build());
    assertThat(decided.getStatus()).isEqualTo("accepted");
    return core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), lendingKey)
        .createLoan(
            CreateLoanRequest.newBuilder()
                .setLoan(LoanInput.newBuilder().setApplication(application.getId()))
                .build())
        .getId();
  }

  /** A usage report of a tractor for a window. */
  static UsageSubmission usage(
      String tractorId, String messageId, Instant start, Instant end, String hectares) {
    return UsageSubmission.newBuilder()
        .setTopic("furrow/v1/tractors/" + tractorId + "/usage")
        .setRawPayload(ByteString.copyFromUtf8(messageId))
        .setContentType("application/json")
        .setReport(
            UsageReport.newBuilder()
                .setSchemaVersion(1)
                .setTractorId(tractorId)
                .setMessageId(messageId)
                .setWindowStart(ts(start))
                .setWindowEnd(ts(end))
                .setHectares(hectares))
        .build();
  }

  /** A two-hour report starting at {@code start}. */
  static UsageSubmission usage(String tractorId, String messageId, String start, String hectares) {
    Instant at = Instant.parse(start);
    return usage(tractorId, messageId, at, at.plusSeconds(7200), hectares);
  }

  /** Records the batch through RecordUsage, as the ingester does. */
  List<UsageOutcome> record(UsageSubmission... submissions) {
    return core.asOperator(UsageIngestServiceGrpc.newBlockingStub(core.channel()))
        .recordUsage(
            RecordUsageRequest.newBuilder().addAllSubmissions(List.of(submissions)).build())
        .getOutcomesList();
  }

  RunBillingCycleResponse runCycle(String businessDate) {
    return core.asOperator(BillingAdminServiceGrpc.newBlockingStub(core.channel()))
        .runBillingCycle(RunBillingCycleRequest.newBuilder().setBusinessDate(businessDate).build());
  }

  BillingServiceGrpc.BillingServiceBlockingStub billing() {
    return core.withApiKey(BillingServiceGrpc.newBlockingStub(core.channel()), paygKey);
  }

  /** The contract's periods, newest week first. */
  List<BillingPeriod> periods(Contract contract) {
    return billing()
        .listBillingPeriods(
            ListBillingPeriodsRequest.newBuilder()
                .setQuery(
                    PaygListQuery.newBuilder()
                        .putFilters("contract", String.valueOf(contract.id()))
                        .setLimit("100"))
                .build())
        .getResultsList();
  }

  /** The contract's period of the week starting on {@code monday}. */
  BillingPeriod period(Contract contract, String monday) {
    return periods(contract).stream()
        .filter(p -> p.getPeriodStart().equals(monday))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no period of the week of " + monday));
  }

  BillingPeriod period(long id) {
    return billing()
        .getBillingPeriod(GetBillingPeriodRequest.newBuilder().setId(String.valueOf(id)).build());
  }

  Invoice invoice(long id) {
    return billing().getInvoice(GetInvoiceRequest.newBuilder().setId(String.valueOf(id)).build());
  }

  String contractStatus(Contract contract) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT status FROM contract WHERE id = :id")
                    .bind("id", contract.id())
                    .mapTo(String.class)
                    .one());
  }

  void setCredit(Contract contract, String credit) {
    sql(
        "UPDATE contract SET credit_balance = :c WHERE id = :id",
        Map.of("c", new BigDecimal(credit), "id", contract.id()));
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  private void sql(String statement, Map<String, Object> binds) {
    core.server().jdbi().useHandle(h -> h.createUpdate(statement).bindMap(binds).execute());
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
  }
}
