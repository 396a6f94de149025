package dev.furrow.core.billing;

import static dev.furrow.core.billing.BillingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.payg.v1.BillingAdminServiceGrpc;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.ListInvoicesRequest;
import dev.furrow.proto.payg.v1.ListUnbilledUsageRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.UnbilledUsage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Weekly billing rules end to end. Each test works in a calendar year of its own (cycle dates
 * included), so one test's billing cycles never touch another's periods.
 */
class WeeklyBillingTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  void lateUsageBecomesAnAdjustmentOnTheNextDraftAndLeavesTheInvoiceAlone() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("45000.00", "2019-01-01"));
    // 2019-W10: 2019-03-04 .. 2019-03-10.
    lender.record(usage(contract.tractorId(), "w10", "2019-03-05T08:00:00Z", "12.3456"));
    lender.runCycle("2019-03-11");
    BillingPeriod w10 = lender.period(contract, "2019-03-04");
    Invoice before = lender.invoice(w10.getInvoice());
    // Next week's usage opens the 2019-W11 draft; then W10 usage arrives late.
    lender.record(usage(contract.tractorId(), "w11", "2019-03-12T08:00:00Z", "2.0000"));
    lender.record(usage(contract.tractorId(), "w10-late", "2019-03-09T08:00:00Z", "1.5000"));

    assertThat(lender.invoice(w10.getInvoice())).isEqualTo(before);
    assertThat(lender.period(w10.getId()).getHectares()).isEqualTo("12.3456");
    BillingPeriod w11 = lender.period(contract, "2019-03-11");
    assertThat(w11.getStatus()).isEqualTo("draft");
    assertThat(w11.getHectares()).isEqualTo("2.0000");
    assertThat(w11.getAdjustmentHectares()).isEqualTo("1.5000");
    assertThat(w11.getAmountDue()).isEqualTo("157500.00");
    assertThat(billingStateOf(contract, "w10-late")).isEqualTo("adjustment:" + w11.getId());

    lender.runCycle("2019-03-18");
    BillingPeriod issued = lender.period(w11.getId());
    assertThat(issued.getStatus()).isEqualTo("issued");
    assertThat(issued.getAmountDue()).isEqualTo("157500.00");
    assertThat(issued.getLinesList())
        .extracting(
            BillingLine::getKind,
            BillingLine::getSourceWeekStart,
            BillingLine::getHectares,
            BillingLine::getAmount,
            BillingLine::getDescription)
        .containsExactly(
            tuple("usage", "2019-03-11", "2.0000", "90000.00", "Usage in 2019-W11"),
            tuple(
                "adjustment",
                "2019-03-04",
                "1.5000",
                "67500.00",
                "Late usage of 2019-W10 (already invoiced)"));
    assertThat(lender.invoice(w10.getInvoice())).isEqualTo(before);
  }

  @Test
  void lateUsageWithoutALaterDraftOpensTheCurrentWeeksDraft() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("1000.00", "2018-01-01"));
    lender.record(usage(contract.tractorId(), "a", "2018-05-08T08:00:00Z", "3.0000"));
    lender.runCycle("2018-05-14");
    lender.record(usage(contract.tractorId(), "late", "2018-05-09T08:00:00Z", "0.2500"));

    IsoWeek current = IsoWeek.of(LocalDate.now(ZoneOffset.UTC));
    BillingPeriod draft = lender.period(contract, current.start().toString());
    assertThat(draft.getStatus()).isEqualTo("draft");
    assertThat(draft.getHectares()).isEqualTo("0.0000");
    assertThat(draft.getAdjustmentHectares()).isEqualTo("0.2500");
    assertThat(draft.getAmountDue()).isEqualTo("250.00");
    assertThat(draft.getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getSourceWeekStart)
        .containsExactly(tuple("adjustment", "2018-05-07"));
    assertThat(lender.period(contract, "2018-05-07").getHectares()).isEqualTo("3.0000");
  }

  @Test
  void weeksFollowTheContractsTimeZone() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract nairobi =
        lender.contract(BillingFixtures.Terms.of("100.00", "2017-01-01").zone("Africa/Nairobi"));
    BillingFixtures.Contract utc =
        lender.contract(BillingFixtures.Terms.of("100.00", "2017-01-01"));
    // Sunday 2017-03-12 23:30 UTC is Monday 02:30 in Nairobi (UTC+3).
    lender.record(usage(nairobi.tractorId(), "n", "2017-03-12T23:30:00Z", "1.0000"));
    lender.record(usage(utc.tractorId(), "u", "2017-03-12T23:30:00Z", "1.0000"));

    assertThat(lender.periods(nairobi))
        .extracting(BillingPeriod::getIsoWeek, BillingPeriod::getPeriodStart)
        .containsExactly(tuple("2017-W11", "2017-03-13"));
    assertThat(lender.periods(utc))
        .extracting(BillingPeriod::getIsoWeek, BillingPeriod::getPeriodStart)
        .containsExactly(tuple("2017-W10", "2017-03-06"));
  }

  @Test
  void theLastWeekOfA53WeekYearSpansNewYear() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("200.00", "2020-06-01"));
    lender.record(
        usage(contract.tractorId(), "dec", "2020-12-31T10:00:00Z", "1.0000"),
        usage(contract.tractorId(), "jan", "2021-01-03T10:00:00Z", "2.0000"),
        usage(contract.tractorId(), "next", "2021-01-04T10:00:00Z", "4.0000"));

    assertThat(lender.periods(contract))
        .extracting(
            BillingPeriod::getIsoWeek,
            BillingPeriod::getPeriodStart,
            BillingPeriod::getPeriodEnd,
            BillingPeriod::getHectares)
        .containsExactly(
            tuple("2021-W01", "2021-01-04", "2021-01-10", "4.0000"),
            tuple("2020-W53", "2020-12-28", "2021-01-03", "3.0000"));
    lender.runCycle("2021-01-04");
    BillingPeriod w53 = lender.period(contract, "2020-12-28");
    assertThat(w53.getStatus()).isEqualTo("issued");
    assertThat(w53.getAmountDue()).isEqualTo("600.00");
    assertThat(w53.getInvoiceNumber()).startsWith("INV-2021-");
    assertThat(lender.period(contract, "2021-01-04").getStatus()).isEqualTo("draft");
  }

  @Test
  void minimumWeeklyPaymentTopsUpLowWeeksAndBillsWeeksWithoutUsage() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    // Term from Wednesday 2016-02-03 to Tuesday 2016-02-23: weeks W05 .. W08.
    BillingFixtures.Contract contract =
        lender.contract(
            BillingFixtures.Terms.of("100.00", "2016-02-03")
                .minimum("500.00")
                .loanEnd("2016-02-23"));
    lender.record(usage(contract.tractorId(), "low", "2016-02-09T08:00:00Z", "1.2345"));
    lender.record(usage(contract.tractorId(), "high", "2016-02-16T08:00:00Z", "6.0000"));

    BillingPeriod runningLow = lender.period(contract, "2016-02-08");
    assertThat(runningLow.getAmountDue()).isEqualTo("500.00");

    lender.runCycle("2016-03-07");

    assertThat(lender.periods(contract))
        .extracting(
            BillingPeriod::getIsoWeek, BillingPeriod::getStatus, BillingPeriod::getAmountDue)
        .containsExactly(
            tuple("2016-W08", "issued", "500.00"),
            tuple("2016-W07", "issued", "600.00"),
            tuple("2016-W06", "issued", "500.00"),
            tuple("2016-W05", "issued", "500.00"));
    assertThat(lender.period(contract, "2016-02-08").getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getHectares, BillingLine::getAmount)
        .containsExactly(tuple("usage", "1.2345", "123.45"), tuple("minimum", "0.0000", "376.55"));
    assertThat(lender.period(contract, "2016-02-01").getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getAmount, BillingLine::getDescription)
        .containsExactly(
            tuple("minimum", "500.00", "Top-up to the minimum weekly payment of 500.00 KES"));
  }

  @Test
  void catchUpIssuesEveryMissedWeekInOrderAndARerunChangesNothing() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("10.00", "2015-01-01"));
    lender.record(
        usage(contract.tractorId(), "a", "2015-04-07T08:00:00Z", "1.0000"),
        usage(contract.tractorId(), "b", "2015-04-14T08:00:00Z", "2.0000"),
        usage(contract.tractorId(), "c", "2015-04-21T08:00:00Z", "3.0000"));

    lender.runCycle("2015-04-28");
    List<Invoice> invoices = invoicesOf(lender, contract);
    assertThat(invoices)
        .extracting(Invoice::getIsoWeek, Invoice::getAmountDue, Invoice::getIssueDate)
        .containsExactly(
            tuple("2015-W15", "10.00", "2015-04-28"),
            tuple("2015-W16", "20.00", "2015-04-28"),
            tuple("2015-W17", "30.00", "2015-04-28"));
    assertThat(invoices.get(0).getNumber()).isLessThan(invoices.get(1).getNumber());
    assertThat(invoices.get(1).getNumber()).isLessThan(invoices.get(2).getNumber());

    lender.runCycle("2015-04-28");
    assertThat(invoicesOf(lender, contract)).isEqualTo(invoices);
  }

  @Test
  void contractCreditSettlesNewInvoicesWhenIssued() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("100.00", "2014-01-01"));
    lender.record(
        usage(contract.tractorId(), "a", "2014-04-08T08:00:00Z", "1.0000"),
        usage(contract.tractorId(), "b", "2014-04-15T08:00:00Z", "2.0000"));
    lender.setCredit(contract, "150.00");

    lender.runCycle("2014-04-21");

    assertThat(invoicesOf(lender, contract))
        .extracting(
            Invoice::getIsoWeek,
            Invoice::getStatus,
            Invoice::getAmountPaid,
            Invoice::getAmountOutstanding)
        .containsExactly(
            tuple("2014-W15", "payment_complete", "100.00", "0.00"),
            tuple("2014-W16", "partially_paid", "50.00", "150.00"));
    assertThat(credit(contract)).isEqualTo("0.00");
  }

  @Test
  void usageWithoutAnOpenContractOrBeforeTheLoanStartIsListedAsUnbilled() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("100.00", "2013-06-01"));
    String bare = "TR-bare-" + contract.tractorId();
    core.asOperator(
            dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc.newBlockingStub(core.channel()))
        .registerTractor(
            dev.furrow.proto.telematics.v1.RegisterTractorRequest.newBuilder()
                .setTractorId(bare)
                .setPartnerId(lender.partnerId)
                .build());
    lender.record(
        usage(bare, "x", "2013-06-04T08:00:00Z", "1.0000"),
        usage(contract.tractorId(), "early", "2013-05-31T08:00:00Z", "2.0000"),
        usage(contract.tractorId(), "ok", "2013-06-04T08:00:00Z", "3.0000"));

    var admin = core.asOperator(BillingAdminServiceGrpc.newBlockingStub(core.channel()));
    List<UnbilledUsage> bareUsage =
        admin
            .listUnbilledUsage(ListUnbilledUsageRequest.newBuilder().setTractorId(bare).build())
            .getUsageList();
    assertThat(bareUsage)
        .extracting(UnbilledUsage::getMessageId, UnbilledUsage::getHectares)
        .containsExactly(tuple("x", "1.0000"));
    assertThat(
            admin
                .listUnbilledUsage(
                    ListUnbilledUsageRequest.newBuilder()
                        .setTractorId(contract.tractorId())
                        .build())
                .getUsageList())
        .extracting(UnbilledUsage::getMessageId)
        .containsExactly("early");
    assertThat(lender.periods(contract))
        .extracting(BillingPeriod::getHectares)
        .containsExactly("3.0000");
    assertThatThrownBy(
            () ->
                BillingAdminServiceGrpc.newBlockingStub(core.channel())
                    .listUnbilledUsage(ListUnbilledUsageRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  private static List<Invoice> invoicesOf(BillingFixtures lender, BillingFixtures.Contract c) {
    return lender
        .billing()
        .listInvoices(
            ListInvoicesRequest.newBuilder()
                .setQuery(
                    PaygListQuery.newBuilder()
                        .putFilters("contract", String.valueOf(c.id()))
                        .setOrdering("issue_date"))
                .build())
        .getResultsList();
  }

  private String credit(BillingFixtures.Contract contract) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT credit_balance::text FROM contract WHERE id = :id")
                    .bind("id", contract.id())
                    .mapTo(String.class)
                    .one());
  }

  private String billingStateOf(BillingFixtures.Contract contract, String messageId) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT billing_state || ':' || billing_period_id FROM usage_event"
                            + " WHERE tractor_id = :t AND message_id = :m")
                    .bind("t", contract.tractorId())
                    .bind("m", messageId)
                    .mapTo(String.class)
                    .one());
  }
}
