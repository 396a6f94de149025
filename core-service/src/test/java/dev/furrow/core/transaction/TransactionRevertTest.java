package dev.furrow.core.transaction;

import static dev.furrow.core.GrpcAssertions.assertConflict;
import static dev.furrow.core.LoanOpening.fee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.MakeDefaultRequest;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionRevertTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private Lender lender;
  private Product product;

  @BeforeEach
  void newPartner() {
    lender = Lender.newPartner(core, "reverts");
    product = lender.product(fee("Processing", "percent", "1", "disbursement"));
  }

  @Test
  void revertCascadesToLaterTransactionsAndRestoresBalancesAndStatusExactly() {
    Loan loan = lender.openLoan(product, "100000");
    lender.disburse(loan, "100000"); // and the 1000.00 processing fee
    Transaction visit = lender.customFee(loan, "Field visit", "flat", "500");
    Loan beforeRepayments = lender.loan(loan.getId());
    Transaction first = lender.repay(loan, "20000");
    Transaction second = lender.repay(loan, "81500");
    assertThat(second.getResultLoanStatus()).isEqualTo("paid_off");

    Transaction reverted = lender.revert(first.getId());

    assertThat(reverted.getId()).isEqualTo(first.getId());
    assertThat(reverted.getStatus()).isEqualTo("reverted");
    assertThat(reverted.hasRevertedAt()).isTrue();
    assertThat(reverted.getUpdated()).isEqualTo(reverted.getRevertedAt());
    Loan restored = lender.loan(loan.getId());
    assertThat(restored.toBuilder().clearUpdated().build())
        .isEqualTo(beforeRepayments.toBuilder().clearUpdated().build());
    assertThat(restored.getStatus()).isEqualTo("active");
    assertThat(restored.getLastTransaction()).isEqualTo(visit.getId());

    List<Transaction> history = lender.history(loan);
    assertThat(history)
        .extracting(
            Transaction::getType,
            Transaction::getStatus,
            Transaction::getAffectedLoanFee,
            Transaction::getAffectedLoanPrincipal,
            Transaction::getResultOutstandingBalance,
            Transaction::getResultLoanStatus)
        .containsExactly(
            tuple("disbursement", "applied", "0.00", "100000.00", "100000.00", "active"),
            tuple("fee", "applied", "1000.00", "0.00", "101000.00", "active"),
            tuple("fee", "applied", "500.00", "0.00", "101500.00", "active"),
            tuple("repayment", "reverted", "-1500.00", "-18500.00", "81500.00", "active"),
            tuple("repayment", "reverted", "0.00", "-81500.00", "0.00", "paid_off"),
            // Newest first: the payoff's reversal, then the first repayment's.
            tuple("repayment", "reversal", "0.00", "81500.00", "81500.00", "active"),
            tuple("repayment", "reversal", "1500.00", "18500.00", "101500.00", "active"));
    Transaction secondNow = history.get(4);
    Transaction secondReversal = history.get(5);
    Transaction firstReversal = history.get(6);
    assertThat(secondNow.getRelatedTransaction()).isEqualTo(secondReversal.getId());
    assertThat(secondReversal.getRelatedTransaction()).isEqualTo(second.getId());
    assertThat(reverted.getRelatedTransaction()).isEqualTo(firstReversal.getId());
    assertThat(firstReversal.getRelatedTransaction()).isEqualTo(first.getId());
    assertThat(firstReversal.getAmount()).isEqualTo("20000.00");
    assertThat(firstReversal.hasIdempotencyKey()).isFalse();
    assertThat(firstReversal.hasPreviousTransaction()).isFalse();
    assertThat(secondNow.getRevertedAt()).isEqualTo(reverted.getRevertedAt());
    assertThat(Lender.accountBalances(lender.assertLedgerConsistent(loan)))
        .containsEntry("cash_settlement", "-100000.00")
        .containsEntry("fee_receivable", "1500.00");

    // The loan takes new transactions after the restored state.
    Transaction again = lender.repay(loan, "1500");
    assertThat(again.getPreviousTransaction()).isEqualTo(visit.getId());
    assertThat(again.getAffectedLoanFee()).isEqualTo("-1500.00");
    lender.assertLedgerConsistent(loan);
  }

  @Test
  void revertingTheDisbursementUndoesItsFeesAndApprovesTheLoanAgain() {
    Loan loan = lender.openLoan(product, "100000");
    Loan approved = lender.loan(loan.getId());
    Transaction disbursement = lender.disburse(loan, "60000");
    lender.repay(loan, "5000");
    lender.loans.makeDefault(MakeDefaultRequest.newBuilder().setId(loan.getId()).build());

    lender.revert(disbursement.getId());

    Loan after = lender.loan(loan.getId());
    assertThat(after.toBuilder().clearUpdated().build())
        .isEqualTo(approved.toBuilder().clearUpdated().build());
    assertThat(lender.history(loan))
        .extracting(Transaction::getType, Transaction::getStatus, Transaction::getResultLoanStatus)
        .containsExactly(
            tuple("disbursement", "reverted", "active"),
            tuple("fee", "reverted", "active"),
            tuple("repayment", "reverted", "active"),
            tuple("repayment", "reversal", "default"),
            tuple("fee", "reversal", "default"),
            tuple("disbursement", "reversal", "approved"));
    assertThat(Lender.accountBalances(lender.assertLedgerConsistent(loan)))
        .allSatisfy((account, balance) -> assertThat(balance).isEqualTo("0.00"));

    // Nothing is disbursed any more, so the whole amount may be disbursed again.
    assertThat(lender.disburse(loan, "100000").getResultLoanStatus()).isEqualTo("active");
    assertThat(lender.loan(loan.getId()).getFee()).isEqualTo("1000.00");
    lender.assertLedgerConsistent(loan);
  }

  @Test
  void aReversalKeepsALaterStatusChangeThatWasNotTheTransactions() {
    Loan loan = lender.openLoan(product, "100000");
    lender.disburse(loan, "100000");
    Transaction repayment = lender.repay(loan, "1000");
    lender.loans.makeDefault(MakeDefaultRequest.newBuilder().setId(loan.getId()).build());

    lender.revert(repayment.getId());

    Loan after = lender.loan(loan.getId());
    assertThat(after.getStatus()).isEqualTo("default");
    assertThat(after.getPrincipal()).isEqualTo("100000.00");
    assertThat(after.getFee()).isEqualTo("1000.00");
  }

  @Test
  void onlyAnAppliedTransactionCanBeReverted() {
    Loan loan = lender.openLoan(product, "100000");
    Transaction disbursement = lender.disburse(loan, "100000");
    Transaction repayment = lender.repay(loan, "1000");
    lender.revert(repayment.getId());
    Transaction reversal = lender.get(lender.get(repayment.getId()).getRelatedTransaction());

    assertConflict(
        () -> lender.revert(repayment.getId()),
        "Transaction is reverted; only an applied transaction can be reverted.");
    assertConflict(
        () -> lender.revert(reversal.getId()),
        "Transaction is a reversal; only an applied transaction can be reverted.");

    // A reverted transaction later in the chain is skipped; a pending one blocks.
    UUID pending = insertPending(loan);
    assertConflict(
        () -> lender.revert(disbursement.getId()),
        "Transaction "
            + pending
            + " on this loan is pending; a transaction can only be reverted when every later one"
            + " has been applied.");
    assertConflict(
        () -> lender.revert(pending.toString()),
        "Transaction is pending; only an applied transaction can be reverted.");
    assertThat(lender.get(disbursement.getId()).getStatus()).isEqualTo("applied");
    assertThat(lender.loan(loan.getId()).getPrincipal()).isEqualTo("100000.00");
    lender.assertLedgerConsistent(loan);
  }

  /**
   * A transaction accepted but not applied, as a payment provider's will be; nothing creates these
   * through the API yet.
   */
  private UUID insertPending(Loan loan) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO loan_transaction (partner_id, loan_id, type, status, amount,"
                            + " idempotency_key, request_fingerprint, created_at, updated_at)"
                            + " VALUES (:partner, :loan, 'repayment', 'pending', 100, :key,"
                            + " repeat('0', 64), :now, :now) RETURNING id")
                    .bind("partner", lender.partnerId)
                    .bind("loan", UUID.fromString(loan.getId()))
                    .bind("key", Lender.newKey())
                    .bind("now", now)
                    .mapTo(UUID.class)
                    .one());
  }
}
