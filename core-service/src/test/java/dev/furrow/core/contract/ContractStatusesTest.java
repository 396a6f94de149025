package dev.furrow.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.payg.v1.Contract;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status rule in SQL (ContractStatuses) against the same rule in Java, case by case. */
class ContractStatusesTest {
  @RegisterExtension static final CoreHarness CORE = new CoreHarness();

  private static final LocalDate DUE = LocalDate.of(2026, 1, 12);

  private static PaygContracts world;

  @BeforeAll
  static void setUp() {
    world = new PaygContracts(CORE);
    world.fundingSource("boa", "Bank of Agriculture");
  }

  private static Contract contract(String loanId) {
    return world.create(world.request(loanId));
  }

  /** An issued week with its invoice, due on {@code due}, in {@code status}. */
  private static void invoice(Contract c, LocalDate weekStart, LocalDate due, String status) {
    CORE.server()
        .jdbi()
        .useHandle(
            h -> {
              long period =
                  h.createQuery(
                          "INSERT INTO billing_period (contract_id, week_start, week_end, iso_week,"
                              + " status, rate_per_hectare, currency, amount_due, amount_paid,"
                              + " issued_at, due_date) VALUES (:c, :ws, :ws + 6, :iso, :status,"
                              + " 45000.00, 'NGN', 90000.00, CAST(:paid AS numeric), now(), :due) RETURNING id")
                      .bind("c", c.getId())
                      .bind("ws", weekStart)
                      .bind("iso", weekStart.getYear() + "-W02")
                      .bind("status", status)
                      .bind("paid", status.equals("payment_complete") ? "90000.00" : "0")
                      .bind("due", due)
                      .mapTo(Long.class)
                      .one();
              h.createUpdate(
                      "INSERT INTO invoice (number, billing_period_id, contract_id, status,"
                          + " currency, amount_due, amount_paid, issue_date, due_date)"
                          + " VALUES (:n, :p, :c, :status, 'NGN', 90000.00, CAST(:paid AS numeric), :issue, :due)")
                  .bind("n", "INV-" + c.getLoanId() + "-" + weekStart)
                  .bind("p", period)
                  .bind("c", c.getId())
                  .bind("status", status)
                  .bind("paid", status.equals("payment_complete") ? "90000.00" : "0")
                  .bind("issue", due.minusDays(7))
                  .bind("due", due)
                  .execute();
            });
  }

  private static void loanStatus(Contract c, String status) {
    CORE.server()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE loan SET status = ? WHERE id = CAST(? AS uuid)",
                    status,
                    c.getLoanAccountId()));
  }

  private static String refreshed(Contract c, LocalDate businessDate) {
    return CORE.server()
        .jdbi()
        .inTransaction(
            h -> {
              ContractStatuses.refresh(h, c.getId(), businessDate);
              return status(h, c);
            });
  }

  private static String status(Handle h, Contract c) {
    return h.createQuery("SELECT status FROM contract WHERE id = :id")
        .bind("id", c.getId())
        .mapTo(String.class)
        .one();
  }

  @Test
  void anUnpaidInvoiceTurnsDelinquentOnlyAfterDueDatePlusTolerance() {
    Contract c = contract("ST-TOL");
    invoice(c, LocalDate.of(2026, 1, 5), DUE, "issued");
    assertThat(refreshed(c, DUE.plusDays(7))).isEqualTo("CURRENT");
    assertThat(refreshed(c, DUE.plusDays(8))).isEqualTo("DELINQUENT");
    assertThat(ContractStatusRule.status("active", List.of(DUE), 7, DUE.plusDays(7)))
        .isEqualTo(ContractStatus.CURRENT);
    assertThat(ContractStatusRule.status("active", List.of(DUE), 7, DUE.plusDays(8)))
        .isEqualTo(ContractStatus.DELINQUENT);
  }

  @Test
  void partiallyPaidAndOverdueInvoicesCountAsUnpaidButPaidOnesDoNot() {
    Contract partial = contract("ST-PART");
    invoice(partial, LocalDate.of(2026, 1, 5), DUE, "partially_paid");
    assertThat(refreshed(partial, DUE.plusDays(30))).isEqualTo("DELINQUENT");
    Contract overdue = contract("ST-OVER");
    invoice(overdue, LocalDate.of(2026, 1, 5), DUE, "overdue");
    assertThat(refreshed(overdue, DUE.plusDays(30))).isEqualTo("DELINQUENT");
    Contract paid = contract("ST-PAID");
    invoice(paid, LocalDate.of(2026, 1, 5), DUE, "payment_complete");
    assertThat(refreshed(paid, DUE.plusDays(30))).isEqualTo("CURRENT");
  }

  @Test
  void settlingTheInvoiceMakesTheContractCurrentAgain() {
    Contract c = contract("ST-BACK");
    invoice(c, LocalDate.of(2026, 1, 5), DUE, "overdue");
    assertThat(refreshed(c, DUE.plusDays(30))).isEqualTo("DELINQUENT");
    CORE.server()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE invoice SET status = 'payment_complete', amount_paid = amount_due"
                        + " WHERE contract_id = ?",
                    c.getId()));
    assertThat(refreshed(c, DUE.plusDays(30))).isEqualTo("CURRENT");
  }

  @Test
  void loanArrearsOrDefaultMakeItDelinquentWithoutInvoices() {
    Contract arrears = contract("ST-ARR");
    loanStatus(arrears, "in_arrears");
    assertThat(refreshed(arrears, DUE)).isEqualTo("DELINQUENT");
    Contract defaulted = contract("ST-DEF");
    loanStatus(defaulted, "default");
    assertThat(refreshed(defaulted, DUE)).isEqualTo("DELINQUENT");
    Contract late = contract("ST-LATE");
    loanStatus(late, "late");
    assertThat(refreshed(late, DUE)).isEqualTo("CURRENT");
  }

  @Test
  void aPaidOffLoanClosesTheContractEvenWithAnOverdueInvoice() {
    Contract c = contract("ST-CLOSE");
    invoice(c, LocalDate.of(2026, 1, 5), DUE, "overdue");
    loanStatus(c, "paid_off");
    assertThat(refreshed(c, DUE.plusDays(30))).isEqualTo("CLOSED");
    assertThat(ContractStatusRule.status("paid_off", List.of(DUE), 7, DUE.plusDays(30)))
        .isEqualTo(ContractStatus.CLOSED);
    assertThat(ContractStatusRule.status("closed", List.of(), 7, DUE))
        .isEqualTo(ContractStatus.CLOSED);
  }

  @Test
  void theBulkRefreshChangesOnlyContractsWhoseStatusMoves() {
    Contract a = contract("ST-BULK-A");
    Contract b = contract("ST-BULK-B");
    invoice(a, LocalDate.of(2026, 1, 5), DUE, "issued");
    int changed =
        CORE.server()
            .jdbi()
            .inTransaction(
                h -> ContractStatuses.refresh(h, List.of(a.getId(), b.getId()), DUE.plusDays(8)));
    assertThat(changed).isEqualTo(1);
    assertThat(refreshed(b, DUE.plusDays(8))).isEqualTo("CURRENT");
    int again =
        CORE.server().jdbi().inTransaction(h -> ContractStatuses.refreshAll(h, DUE.plusDays(8)));
    assertThat(again).isZero();
  }
}
