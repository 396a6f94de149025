package dev.furrow.core.billing;

import static dev.furrow.core.billing.BillingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.RunBillingCycleResponse;
import dev.furrow.proto.telematics.v1.UsageOutcome.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One contract's week from draft to issued to overdue, with the cycle's counts. */
class BillingLifecycleTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  void weekOfUsageIsIssuedWithExactAmountsThenGoesOverdueAndTheContractDelinquent() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("45000.00", "2026-10-01"));

    // 2026-W45 runs from Monday 2026-11-02 to Sunday 2026-11-08 (UTC contract).
    assertThat(
            lender.record(
                usage(contract.tractorId(), "m-1", "2026-11-04T06:00:00Z", "10.0000"),
                usage(contract.tractorId(), "m-2", "2026-11-08T20:00:00Z", "2.3456"),
                usage(contract.tractorId(), "m-1", "2026-11-04T06:00:00Z", "10.0000")))
        .extracting(o -> o.getKind())
        .containsExactly(Kind.RECORDED, Kind.RECORDED, Kind.DUPLICATE);

    BillingPeriod draft = lender.period(contract, "2026-11-02");
    assertThat(draft.getStatus()).isEqualTo("draft");
    assertThat(draft.getIsoWeek()).isEqualTo("2026-W45");
    assertThat(draft.getPeriodEnd()).isEqualTo("2026-11-08");
    assertThat(draft.getHectares()).isEqualTo("12.3456");
    assertThat(draft.getAmountDue()).isEqualTo("555552.00");
    assertThat(draft.getAmountOutstanding()).isEqualTo("555552.00");
    assertThat(draft.getInvoiceNumber()).isEmpty();
    assertThat(draft.getInvoice()).isZero();
    assertThat(draft.getLoanId()).isEqualTo(contract.loanId());
    assertThat(draft.getFundingSource()).isEqualTo(lender.fundingSource);

    RunBillingCycleResponse sunday = lender.runCycle("2026-11-08");
    assertThat(sunday.getPeriodsIssued()).isZero();
    assertThat(lender.period(draft.getId()).getStatus()).isEqualTo("draft");

    RunBillingCycleResponse monday = lender.runCycle("2026-11-09");
    assertThat(monday.getPeriodsIssued()).isEqualTo(1);
    assertThat(monday.getBusinessDate()).isEqualTo("2026-11-09");

    BillingPeriod issued = lender.period(draft.getId());
    assertThat(issued.getStatus()).isEqualTo("issued");
    assertThat(issued.getAmountDue()).isEqualTo("555552.00");
    assertThat(issued.getAmountPaid()).isEqualTo("0.00");
    assertThat(issued.getDueDate()).isEqualTo("2026-11-16");
    assertThat(issued.getInvoiceNumber()).matches("INV-2026-\\d{6}");
    assertThat(issued.getLinesList())
        .extracting(
            BillingLine::getKind,
            BillingLine::getSourceWeekStart,
            BillingLine::getHectares,
            BillingLine::getAmount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("usage", "2026-11-02", "12.3456", "555552.00"));

    Invoice invoice = lender.invoice(issued.getInvoice());
    assertThat(invoice.getNumber()).isEqualTo(issued.getInvoiceNumber());
    assertThat(invoice.getStatus()).isEqualTo("issued");
    assertThat(invoice.getIssueDate()).isEqualTo("2026-11-09");
    assertThat(invoice.getDueDate()).isEqualTo("2026-11-16");
    assertThat(invoice.getAmountDue()).isEqualTo("555552.00");
    assertThat(invoice.getAmountOutstanding()).isEqualTo("555552.00");
    assertThat(invoice.getIsoWeek()).isEqualTo("2026-W45");
    assertThat(invoice.getBillingPeriod()).isEqualTo(draft.getId());
    assertThat(invoice.getContract()).isEqualTo(contract.id());
    assertThat(invoice.getLinesList()).hasSize(1);

    // Same date again: nothing changes.
    RunBillingCycleResponse again = lender.runCycle("2026-11-09");
    assertThat(again.getPeriodsIssued()).isZero();
    assertThat(again.getInvoicesOverdue()).isZero();
    assertThat(again.getContractsChanged()).isZero();
    assertThat(lender.invoice(invoice.getId())).isEqualTo(invoice);

    // Due on the 16th: still issued that day, overdue from the 17th.
    assertThat(lender.runCycle("2026-11-16").getInvoicesOverdue()).isZero();
    RunBillingCycleResponse late = lender.runCycle("2026-11-17");
    assertThat(late.getInvoicesOverdue()).isEqualTo(1);
    assertThat(lender.invoice(invoice.getId()).getStatus()).isEqualTo("overdue");
    assertThat(lender.period(draft.getId()).getStatus()).isEqualTo("overdue");
    assertThat(lender.contractStatus(contract)).isEqualTo("CURRENT");

    // Tolerance of 7 days past the due date: DELINQUENT once the 23rd has passed.
    assertThat(lender.runCycle("2026-11-23").getContractsChanged()).isZero();
    RunBillingCycleResponse delinquent = lender.runCycle("2026-11-24");
    assertThat(delinquent.getContractsChanged()).isEqualTo(1);
    assertThat(lender.contractStatus(contract)).isEqualTo("DELINQUENT");
    assertThat(lender.runCycle("2026-11-24").getContractsChanged()).isZero();
  }
}
