package dev.furrow.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.payment.SettlementPolicy.OpenInvoice;
import dev.furrow.core.payment.SettlementPolicy.Settlement;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementPolicyTest {
  private final SettlementPolicy policy = new SettlementPolicy();

  private static BigDecimal m(String v) {
    return new BigDecimal(v);
  }

  private static OpenInvoice invoice(long id, String status, String due, String paid) {
    return new OpenInvoice(id, "INV-" + id, 100 + id, status, m(due), m(paid));
  }

  @Test
  void settlesOldestFirstThenCreditsTheRest() {
    Settlement s =
        policy.settle(
            m("1000.00"),
            m("50000.00"),
            List.of(
                invoice(1, "overdue", "300.00", "100.00"), invoice(2, "issued", "450.50", "0")));
    assertThat(s.repaid()).isEqualByComparingTo("1000.00");
    assertThat(s.invoices()).hasSize(2);
    assertThat(s.invoices().get(0).amount()).isEqualByComparingTo("200.00");
    assertThat(s.invoices().get(0).outstandingAfter()).isEqualByComparingTo("0.00");
    assertThat(s.invoices().get(0).statusAfter()).isEqualTo("payment_complete");
    assertThat(s.invoices().get(1).amount()).isEqualByComparingTo("450.50");
    assertThat(s.invoices().get(1).statusAfter()).isEqualTo("payment_complete");
    assertThat(s.credit()).isEqualByComparingTo("349.50");
    assertThat(s.unapplied()).isEqualByComparingTo("0.00");
  }

  @Test
  void aPartlyPaidOverdueInvoiceStaysOverdueAndAnIssuedOneBecomesPartiallyPaid() {
    Settlement overdue =
        policy.settle(m("50.00"), m("1000.00"), List.of(invoice(1, "overdue", "300.00", "0")));
    assertThat(overdue.invoices().get(0).statusAfter()).isEqualTo("overdue");
    assertThat(overdue.invoices().get(0).outstandingAfter()).isEqualByComparingTo("250.00");
    Settlement issued =
        policy.settle(m("50.00"), m("1000.00"), List.of(invoice(1, "issued", "300.00", "0")));
    assertThat(issued.invoices().get(0).statusAfter()).isEqualTo("partially_paid");
    assertThat(issued.credit()).isEqualByComparingTo("0.00");
  }

  @Test
  void anythingBeyondWhatTheContractOwesIsUnapplied() {
    Settlement s =
        policy.settle(m("1200.00"), m("700.01"), List.of(invoice(1, "issued", "500.00", "0")));
    assertThat(s.repaid()).isEqualByComparingTo("700.01");
    assertThat(s.invoices().get(0).amount()).isEqualByComparingTo("500.00");
    assertThat(s.credit()).isEqualByComparingTo("200.01");
    assertThat(s.unapplied()).isEqualByComparingTo("499.99");
  }

  @Test
  void aContractThatOwesNothingLeavesEverythingUnapplied() {
    Settlement s = policy.settle(m("80.00"), m("0.00"), List.of());
    assertThat(s.repaid()).isEqualByComparingTo("0.00");
    assertThat(s.invoices()).isEmpty();
    assertThat(s.credit()).isEqualByComparingTo("0.00");
    assertThat(s.unapplied()).isEqualByComparingTo("80.00");
  }
}
