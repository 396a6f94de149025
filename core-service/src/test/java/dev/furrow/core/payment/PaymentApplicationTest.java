package dev.furrow.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.payment.PaygWorld.Bank;
import dev.furrow.core.payment.PaygWorld.Contract;
import dev.furrow.proto.payg.v1.AssignPaymentRequest;
import dev.furrow.proto.payg.v1.ListPaymentsRequest;
import dev.furrow.proto.payg.v1.ListPaymentsResponse;
import dev.furrow.proto.payg.v1.ListUnmatchedPaymentsRequest;
import dev.furrow.proto.payg.v1.PaygListQuery;
import dev.furrow.proto.payg.v1.Payment;
import dev.furrow.proto.payg.v1.PaymentAllocation;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Matching, settlement, the unmatched queue, closing a contract, and the payment list. */
class PaymentApplicationTest {
  @RegisterExtension static final CoreHarness CORE = new CoreHarness();

  private static PaygWorld world;

  private static PaygWorld world() {
    if (world == null) {
      world = new PaygWorld(CORE);
    }
    return world;
  }

  private static StatusRuntimeException refused(Runnable call) {
    return catchThrowableOfType(call::run, StatusRuntimeException.class);
  }

  private static Map<String, String> report(String name, String amount) {
    return PaygWorld.report(name, amount, PaygWorld.code());
  }

  @Test
  void aPaymentSettlesInvoicesOldestFirstAndCreditsTheRest() {
    PaygWorld w = world();
    Bank bank = w.bank("settle");
    Contract c = w.contract("settle", "Musa Bello", "8000.00", "10000.00");
    long newer = w.invoice(c.id(), "INV-S-2", LocalDate.of(2026, 3, 9), "450.50", "issued");
    long older = w.invoice(c.id(), "INV-S-1", LocalDate.of(2026, 3, 2), "300.00", "overdue");
    Map<String, String> fields = report("Musa Bello", "1000.00");
    fields.put("loan_id", c.loanId());

    Payment p = w.pay(bank, fields).getPayment();

    assertThat(p.getStatus()).isEqualTo("applied");
    assertThat(p.getMatchMethod()).isEqualTo("loan_id");
    assertThat(p.getContract()).isEqualTo(c.id());
    assertThat(p.getLoanId()).isEqualTo(c.loanId());
    assertThat(p.getFundingSource()).isEqualTo("settle");
    assertThat(p.getAmountPaid()).isEqualTo("1000.00");
    assertThat(p.getAllocationsList())
        .extracting(
            PaymentAllocation::getInvoiceNumber,
            PaymentAllocation::getInvoice,
            PaymentAllocation::getAmount,
            PaymentAllocation::getInvoiceOutstandingAfter)
        .containsExactly(
            tuple("INV-S-1", older, "300.00", "0.00"),
            tuple("INV-S-2", newer, "450.50", "0.00"),
            tuple("", 0L, "249.50", ""));
    assertThat(p.getUnappliedAmount()).isEqualTo("0.00");
    assertThat(p.getRemainingContractValueAfter()).isEqualTo("9000.00");
    assertThat(p.getLoanTransaction()).isNotEmpty();
    assertThat(w.invoiceState(older))
        .isEqualTo("payment_complete 300.00 / payment_complete 300.00");
    assertThat(w.invoiceState(newer))
        .isEqualTo("payment_complete 450.50 / payment_complete 450.50");
    assertThat(w.contractField(c.id(), "remaining_contract_value")).isEqualTo("9000.00");
    assertThat(w.contractField(c.id(), "credit_balance")).isEqualTo("249.50");
    assertThat(w.contractField(c.id(), "status")).isEqualTo("CURRENT");
    assertThat(w.loan(c.loanAccount()).getStatus()).isEqualTo("active");
    assertThat(w.ledger(c.loanAccount()).getConsistent()).isTrue();
  }

  @Test
  void aPartPaymentLeavesAnOverdueInvoiceOverdueAndAnIssuedOnePartiallyPaid() {
    PaygWorld w = world();
    Bank bank = w.bank("part");
    Contract c = w.contract("part", "Ngozi Eze", "8000.00", "10000.00");
    long overdue = w.invoice(c.id(), "INV-P-1", LocalDate.of(2026, 2, 2), "300.00", "overdue");
    long issued = w.invoice(c.id(), "INV-P-2", LocalDate.of(2026, 2, 9), "300.00", "issued");
    Map<String, String> first = report("Ngozi Eze", "120.00");
    first.put("invoice_number", "INV-P-1");
    Payment p = w.pay(bank, first).getPayment();
    assertThat(p.getMatchMethod()).isEqualTo("invoice_number");
    assertThat(p.getRequestedInvoiceNumber()).isEqualTo("INV-P-1");
    assertThat(w.invoiceState(overdue)).isEqualTo("overdue 120.00 / overdue 120.00");
    // an old overdue invoice unpaid beyond the tolerance keeps the contract delinquent
    assertThat(w.contractField(c.id(), "status")).isEqualTo("DELINQUENT");

    Map<String, String> second = report("Ngozi Eze", "200.00");
    second.put("invoice_number", "INV-P-2");
    Payment q = w.pay(bank, second).getPayment();
    assertThat(q.getAllocationsList())
        .extracting(PaymentAllocation::getInvoiceNumber, PaymentAllocation::getAmount)
        .containsExactly(tuple("INV-P-1", "180.00"), tuple("INV-P-2", "20.00"));
    assertThat(w.invoiceState(overdue))
        .isEqualTo("payment_complete 300.00 / payment_complete 300.00");
    assertThat(w.invoiceState(issued)).isEqualTo("partially_paid 20.00 / partially_paid 20.00");
    assertThat(w.contractField(c.id(), "remaining_contract_value")).isEqualTo("9680.00");
  }

  @Test
  void paymentBeyondWhatIsOwedIsUnappliedAndThePaidUpContractCloses() {
    PaygWorld w = world();
    Bank bank = w.bank("close");
    Contract c = w.contract("close", "Emeka Obi", "800.00", "1000.00");
    long invoice = w.invoice(c.id(), "INV-C-1", LocalDate.of(2026, 3, 2), "400.00", "issued");
    Map<String, String> fields = report("  emeka OBI ", "1250.75");

    Payment p = w.pay(bank, fields).getPayment();

    assertThat(p.getMatchMethod()).isEqualTo("customer_name");
    assertThat(p.getAllocationsList())
        .extracting(PaymentAllocation::getInvoiceNumber, PaymentAllocation::getAmount)
        .containsExactly(tuple("INV-C-1", "400.00"), tuple("", "600.00"));
    assertThat(p.getUnappliedAmount()).isEqualTo("250.75");
    assertThat(p.getRemainingContractValueAfter()).isEqualTo("0.00");
    assertThat(w.invoiceState(invoice)).startsWith("payment_complete 400.00");
    assertThat(w.contractField(c.id(), "status")).isEqualTo("CLOSED");
    assertThat(w.contractField(c.id(), "remaining_contract_value")).isEqualTo("0.00");
    assertThat(w.loan(c.loanAccount()).getStatus()).isEqualTo("paid_off");
    assertThat(w.ledger(c.loanAccount()).getConsistent()).isTrue();

    // a later payment naming the closed contract is kept, entirely unapplied, posting nothing
    Map<String, String> late = report("Emeka Obi", "50.00");
    late.put("loan_id", c.loanId());
    Payment after = w.pay(bank, late).getPayment();
    assertThat(after.getStatus()).isEqualTo("applied");
    assertThat(after.getUnappliedAmount()).isEqualTo("50.00");
    assertThat(after.getLoanTransaction()).isEmpty();
    assertThat(after.getAllocationsList()).isEmpty();
    assertThat(w.repayments(c.loanAccount())).isEqualTo(1);
    // and a name no longer matches the closed contract
    Payment byName = w.pay(bank, report("Emeka Obi", "5.00")).getPayment();
    assertThat(byName.getStatus()).isEqualTo("unmatched");
    assertThat(byName.getUnmatchedReason()).isEqualTo("no open contract for customer 'Emeka Obi'");
  }

  @Test
  void unmatchedPaymentsWaitInTheQueueUntilAnOperatorAssignsThem() {
    PaygWorld w = world();
    Bank bank = w.bank("queue");
    Contract a = w.contract("queue", "Ada Obi", "8000.00", "10000.00");
    w.contract("queue", "ada obi", "8000.00", "10000.00");
    w.contract("queue", "Sani Bako", "8000.00", "10000.00");

    Payment ambiguous = w.pay(bank, report("Ada Obi", "300.00")).getPayment();
    assertThat(ambiguous.getStatus()).isEqualTo("unmatched");
    assertThat(ambiguous.getUnmatchedReason())
        .isEqualTo("2 open contracts match customer 'Ada Obi'");
    assertThat(ambiguous.getContract()).isZero();
    assertThat(ambiguous.getCurrency()).isEmpty();
    assertThat(ambiguous.getAllocationsList()).isEmpty();

    Payment unknown = w.pay(bank, report("Yusuf Ali", "20.00")).getPayment();
    assertThat(unknown.getUnmatchedReason()).isEqualTo("no open contract for customer 'Yusuf Ali'");

    Map<String, String> typo = report("Sani Bako", "40.00");
    typo.put("loan_id", "LN-does-not-exist");
    Payment named = w.pay(bank, typo).getPayment();
    assertThat(named.getStatus()).isEqualTo("unmatched");
    assertThat(named.getUnmatchedReason())
        .isEqualTo("no contract with loan_id 'LN-does-not-exist'");
    assertThat(named.getRequestedLoanId()).isEqualTo("LN-does-not-exist");

    assertThat(
            w.admin
                .listUnmatchedPayments(
                    ListUnmatchedPaymentsRequest.newBuilder().setPartnerId(bank.id()).build())
                .getPaymentsList())
        .extracting(Payment::getId)
        .containsExactly(ambiguous.getId(), unknown.getId(), named.getId());

    Payment assigned =
        w.admin.assignPayment(
            AssignPaymentRequest.newBuilder()
                .setPaymentId(ambiguous.getId())
                .setContractId(a.id())
                .build());
    assertThat(assigned.getStatus()).isEqualTo("applied");
    assertThat(assigned.getMatchMethod()).isEqualTo("operator");
    assertThat(assigned.getUnmatchedReason()).isEmpty();
    assertThat(assigned.getContract()).isEqualTo(a.id());
    assertThat(assigned.getRemainingContractValueAfter()).isEqualTo("9700.00");
    assertThat(w.contractField(a.id(), "remaining_contract_value")).isEqualTo("9700.00");
    assertThat(w.contractField(a.id(), "credit_balance")).isEqualTo("300.00");
    assertThat(w.ledger(a.loanAccount()).getConsistent()).isTrue();
    assertThat(
            w.admin
                .listUnmatchedPayments(
                    ListUnmatchedPaymentsRequest.newBuilder().setPartnerId(bank.id()).build())
                .getPaymentsList())
        .extracting(Payment::getId)
        .containsExactly(unknown.getId(), named.getId());

    StatusRuntimeException twice =
        refused(
            () ->
                w.admin.assignPayment(
                    AssignPaymentRequest.newBuilder()
                        .setPaymentId(ambiguous.getId())
                        .setContractId(a.id())
                        .build()));
    assertThat(twice.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(twice.getStatus().getDescription())
        .isEqualTo(
            "Payment " + ambiguous.getId() + " is already applied to contract " + a.id() + ".");
    assertThat(w.repayments(a.loanAccount())).isEqualTo(1);
  }

  @Test
  void partnersSeeAndMatchOnlyTheContractsOfTheirFundingSources() {
    PaygWorld w = world();
    Bank boa = w.bank("iso-boa");
    Bank other = w.bank("iso-other");
    Contract c = w.contract("iso-boa", "Bala Usman", "8000.00", "10000.00");

    Map<String, String> byLoan = report("Bala Usman", "10.00");
    byLoan.put("loan_id", c.loanId());
    Payment foreign = w.pay(other, byLoan).getPayment();
    assertThat(foreign.getStatus()).isEqualTo("unmatched");
    assertThat(foreign.getUnmatchedReason())
        .isEqualTo("no contract with loan_id '" + c.loanId() + "'");
    Payment foreignName = w.pay(other, report("Bala Usman", "11.00")).getPayment();
    assertThat(foreignName.getUnmatchedReason())
        .isEqualTo("no open contract for customer 'Bala Usman'");

    StatusRuntimeException invisible =
        refused(
            () ->
                w.admin.assignPayment(
                    AssignPaymentRequest.newBuilder()
                        .setPaymentId(foreign.getId())
                        .setContractId(c.id())
                        .build()));
    assertThat(invisible.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    StatusRuntimeException missing =
        refused(
            () ->
                w.admin.assignPayment(
                    AssignPaymentRequest.newBuilder()
                        .setPaymentId(foreign.getId())
                        .setContractId(999_999)
                        .build()));
    assertThat(missing.getStatus().getDescription())
        .isEqualTo("contract_id: Invalid pk \"999999\" - object does not exist.");
    assertThat(w.repayments(c.loanAccount())).isZero();

    Payment mine = w.pay(boa, byLoan).getPayment();
    assertThat(mine.getStatus()).isEqualTo("applied");

    assertThat(list(boa, Map.of()).getResultsList())
        .extracting(Payment::getId)
        .containsExactly(mine.getId());
    assertThat(list(other, Map.of()).getResultsList())
        .extracting(Payment::getId)
        .containsExactlyInAnyOrder(foreign.getId(), foreignName.getId());
  }

  @Test
  void thePaymentListFiltersAndOrders() {
    PaygWorld w = world();
    Bank bank = w.bank("list-a", "list-b");
    Contract a = w.contract("list-a", "Amina Lawal", "8000.00", "10000.00");
    Contract b = w.contract("list-b", "Tunde Ade", "8000.00", "10000.00");
    Map<String, String> p1 = report("Amina Lawal", "30.00");
    p1.put("completed_at", "2026-03-01T23:30:00Z");
    p1.put("initiated_at", "2026-03-01T23:00:00Z");
    Map<String, String> p2 = report("Tunde Ade", "10.00");
    p2.put("completed_at", "2026-03-02T00:30:00+01:00"); // 2026-03-01T23:30Z
    p2.put("initiated_at", "2026-03-01T23:00:00Z");
    Map<String, String> p3 = report("Amina Lawal", "20.00");
    p3.put("completed_at", "2026-03-05T10:00:00Z");
    p3.put("initiated_at", "2026-03-05T09:00:00Z");
    Map<String, String> p4 = report("Nobody Known", "99.00");
    p4.put("completed_at", "2026-03-03T10:00:00Z");
    p4.put("initiated_at", "2026-03-03T09:00:00Z");
    long id1 = w.pay(bank, p1).getPayment().getId();
    long id2 = w.pay(bank, p2).getPayment().getId();
    long id3 = w.pay(bank, p3).getPayment().getId();
    long id4 = w.pay(bank, p4).getPayment().getId();

    ListPaymentsResponse all = list(bank, Map.of());
    assertThat(all.getPage().getCount()).isEqualTo(4);
    // newest completion first; equal times (one written with an offset) newest report first
    assertThat(all.getResultsList()).extracting(Payment::getId).containsExactly(id3, id4, id2, id1);
    assertThat(ids(bank, Map.of("contract", Long.toString(a.id())))).containsExactly(id3, id1);
    assertThat(ids(bank, Map.of("funding_source", "list-b"))).containsExactly(id2);
    assertThat(ids(bank, Map.of("status", "unmatched"))).containsExactly(id4);
    assertThat(ids(bank, Map.of("date_from", "2026-03-02", "date_to", "2026-03-05")))
        .containsExactly(id3, id4);
    assertThat(ids(bank, Map.of("date_to", "2026-03-01"))).containsExactly(id2, id1);
    assertThat(ids(bank, Map.of("ordering", "amount_paid"))).containsExactly(id2, id3, id1, id4);
    assertThat(ids(bank, Map.of("search", "tunde"))).containsExactly(id2);
    assertThat(list(bank, Map.of("status", "applied")).getResults(0).getAllocationsCount())
        .isEqualTo(1);

    StatusRuntimeException bad = refused(() -> list(bank, Map.of("status", "pending")));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    StatusRuntimeException unknown = refused(() -> list(bank, Map.of("colour", "red")));
    assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(b.id()).isNotEqualTo(a.id());
  }

  private static java.util.List<Long> ids(Bank bank, Map<String, String> params) {
    return list(bank, params).getResultsList().stream().map(Payment::getId).toList();
  }

  private static ListPaymentsResponse list(Bank bank, Map<String, String> params) {
    PaygListQuery.Builder query = PaygListQuery.newBuilder();
    params.forEach(
        (k, v) -> {
          switch (k) {
            case "ordering" -> query.setOrdering(v);
            case "search" -> query.setSearch(v);
            default -> query.putFilters(k, v);
          }
        });
    return bank.payments().listPayments(ListPaymentsRequest.newBuilder().setQuery(query).build());
  }
}
