package dev.furrow.core.billing;

import static dev.furrow.core.billing.BillingFixtures.usage;
import static dev.furrow.core.cob.Books.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.CloseOfBusinessRun;
import dev.furrow.proto.lending.v1.CloseOfBusinessStepRun;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessResponse;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.RunBillingCycleResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The weekly billing cycle as the last step of close of business: closing date D runs the cycle of
 * {@code RunBillingCycle} for D + 1. Two contracts in UTC: {@code metered} bills 1234.56 a hectare
 * from 1 March 2026 without a minimum; {@code minimum} bills 1000.00 a hectare from 2 March with a
 * 500.00 weekly minimum and no usage. 2026-W10 is 2 to 8 March (8 March is a Sunday). Dates are
 * closed in the order of the methods.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingCloseOfBusinessTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static BillingFixtures lender;
  private static BillingFixtures.Contract metered;
  private static BillingFixtures.Contract minimum;

  @BeforeAll
  static void contracts() {
    lender = BillingFixtures.newLender(core);
    metered = lender.contract(BillingFixtures.Terms.of("1234.56", "2026-03-01"));
    minimum = lender.contract(BillingFixtures.Terms.of("1000.00", "2026-03-02").minimum("500.00"));
    // 12.3456 + 0.5000 ha, the second late on Sunday evening: 12.8456 × 1234.56 = 15858.663936.
    lender.record(
        usage(metered.tractorId(), "w10-tue", "2026-03-03T08:00:00Z", "12.3456"),
        usage(metered.tractorId(), "w10-sun", "2026-03-08T20:00:00Z", "0.5000"));
  }

  @Test
  @Order(1)
  void closingTheSaturdayLeavesTheWeekOpen() {
    RunCloseOfBusinessResponse response = close(core, "2026-03-07");

    CloseOfBusinessRun run = response.getRuns(0);
    assertThat(run.getStepsList())
        .extracting(CloseOfBusinessStepRun::getStep)
        .containsExactly(
            "accrue_interest",
            "age_instalments",
            "apply_delinquency",
            "run_billing_cycle",
            "generate_statements");
    assertThat(run.getSteps(3).getRows()).isZero();
    assertThat(lender.period(metered, "2026-03-02").getStatus()).isEqualTo("draft");
    assertThat(lender.periods(minimum)).isEmpty();
  }

  @Test
  @Order(2)
  void closingTheSundayIssuesTheWeekAsRunBillingCycleWouldForTheNextDay() {
    RunCloseOfBusinessResponse response = close(core, "2026-03-08");

    // Two periods issued, one commit per contract; billing posts nothing to the ledger.
    CloseOfBusinessStepRun billing = response.getRuns(0).getSteps(3);
    assertThat(billing.getStep()).isEqualTo("run_billing_cycle");
    assertThat(billing.getRows()).isEqualTo(2);
    assertThat(billing.getChunks()).isEqualTo(2);
    assertThat(billing.getAmount()).isEqualTo("0.00");

    BillingPeriod w10 = lender.period(metered, "2026-03-02");
    assertThat(w10.getStatus()).isEqualTo("issued");
    assertThat(w10.getHectares()).isEqualTo("12.8456");
    assertThat(w10.getAmountDue()).isEqualTo("15858.66");
    assertThat(w10.getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getHectares, BillingLine::getAmount)
        .containsExactly(tuple("usage", "12.8456", "15858.66"));
    Invoice invoice = lender.invoice(w10.getInvoice());
    assertThat(invoice.getNumber()).isEqualTo("INV-2026-000001");
    assertThat(invoice.getStatus()).isEqualTo("issued");
    assertThat(invoice.getIssueDate()).isEqualTo("2026-03-09");
    assertThat(invoice.getDueDate()).isEqualTo("2026-03-16");
    assertThat(invoice.getAmountDue()).isEqualTo("15858.66");
    assertThat(invoice.getAmountOutstanding()).isEqualTo("15858.66");

    BillingPeriod topUp = lender.period(minimum, "2026-03-02");
    assertThat(topUp.getStatus()).isEqualTo("issued");
    assertThat(topUp.getAmountDue()).isEqualTo("500.00");
    assertThat(topUp.getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getAmount, BillingLine::getDescription)
        .containsExactly(
            tuple("minimum", "500.00", "Top-up to the minimum weekly payment of 500.00 KES"));
    assertThat(lender.invoice(topUp.getInvoice()).getNumber()).isEqualTo("INV-2026-000002");

    // The operator's call for the same business date finds nothing left to do.
    RunBillingCycleResponse rpc = lender.runCycle("2026-03-09");
    assertThat(rpc.getPeriodsIssued()).isZero();
    assertThat(rpc.getInvoicesOverdue()).isZero();
    assertThat(rpc.getContractsChanged()).isZero();
    assertThat(lender.invoice(w10.getInvoice())).isEqualTo(invoice);
  }

  @Test
  @Order(3)
  void closingTheSameDateAgainBillsNothing() {
    Map<String, Object> before = billingFootprint();

    RunCloseOfBusinessResponse again = close(core, "2026-03-08");

    assertThat(again.getAlreadyClosed()).isTrue();
    assertThat(billingFootprint()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aLaterCloseCatchesUpEveryWeekInOrderAndMarksUnpaidInvoicesOverdue() {
    lender.record(usage(metered.tractorId(), "w11", "2026-03-10T08:00:00Z", "2.0000"));

    RunCloseOfBusinessResponse response = close(core, "2026-03-23");

    assertThat(response.getRunsCount()).isEqualTo(15);
    // Each week is issued by the close of its Sunday, dated the Monday after.
    BillingPeriod w11 = lender.period(metered, "2026-03-09");
    Invoice w11Invoice = lender.invoice(w11.getInvoice());
    assertThat(w11Invoice.getAmountDue()).isEqualTo("2469.12");
    assertThat(w11Invoice.getIssueDate()).isEqualTo("2026-03-16");
    assertThat(w11Invoice.getDueDate()).isEqualTo("2026-03-23");
    assertThat(w11Invoice.getStatus()).isEqualTo("overdue");
    assertThat(lender.periods(minimum))
        .extracting(
            BillingPeriod::getIsoWeek, BillingPeriod::getAmountDue, BillingPeriod::getStatus)
        .containsExactly(
            tuple("2026-W12", "500.00", "issued"),
            tuple("2026-W11", "500.00", "overdue"),
            tuple("2026-W10", "500.00", "overdue"));
    assertThat(lender.invoice(lender.period(minimum, "2026-03-16").getInvoice()).getIssueDate())
        .isEqualTo("2026-03-23");
    // W10's invoices fell due on 16 March: overdue from the close of that day, and more than 7
    // days past due (the tolerance) at the close of 23 March; W11's fell due on 23 March, overdue
    // from its close.
    assertThat(lender.period(metered, "2026-03-02").getStatus()).isEqualTo("overdue");
    assertThat(lender.contractStatus(metered)).isEqualTo("DELINQUENT");
    assertThat(lender.contractStatus(minimum)).isEqualTo("DELINQUENT");
  }

  /** Every billing row a cycle may write, to see that a re-run writes none. */
  private static Map<String, Object> billingFootprint() {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT (SELECT string_agg(concat_ws('|', id, status, amount_due,"
                            + " amount_paid, updated_at), ',' ORDER BY id) FROM billing_period)"
                            + " AS periods, (SELECT string_agg(concat_ws('|', id, number, status,"
                            + " amount_due, updated_at), ',' ORDER BY id) FROM invoice) AS invoices,"
                            + " (SELECT string_agg(concat_ws('|', id, status, credit_balance,"
                            + " updated_at), ',' ORDER BY id) FROM contract) AS contracts,"
                            + " (SELECT count(*) FROM billing_line) AS lines")
                    .mapToMap()
                    .one());
  }
}
