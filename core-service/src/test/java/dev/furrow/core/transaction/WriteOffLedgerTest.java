package dev.furrow.core.transaction;

import static dev.furrow.core.GrpcAssertions.assertConflict;
import static dev.furrow.core.transaction.Lender.accountBalances;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A write-off moves what the loan owes from its receivables to the loss account. */
class WriteOffLedgerTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private Lender lender;
  private Product plain;

  @BeforeEach
  void newPartner() {
    lender = Lender.newPartner(core, "write-offs");
    plain = lender.product();
  }

  @Test
  void writeOffPostsPrincipalInterestAndFeeToLossToTheCent() {
    Loan loan = lender.openLoan(plain, "100000");
    lender.disburse(loan, "100000");
    lender.accrueInterest(loan, "1234.56");
    lender.customFee(loan, "late", "flat", "250.75");
    lender.repay(loan, "10000.31");

    Loan closed = lender.writeOff(loan);

    // Repayment 10000.31: fee 250.75 (pending first), interest 1234.56, principal 8515.00.
    assertThat(closed.getStatus()).isEqualTo("closed");
    assertThat(closed.getCloseSubstatus()).isEqualTo("written_off");
    assertThat(closed.getPrincipal()).isEqualTo("91485.00");
    assertThat(closed.getInterest()).isEqualTo("0.00");
    assertThat(closed.getFee()).isEqualTo("0.00");
    assertThat(closed.getWrittenOffAmount()).isEqualTo("91485.00");
    lender.assertLedgerConsistent(closed);
  }

  @Test
  void writeOffCreditsEachReceivableItsOutstandingPart() {
    Loan loan = lender.openLoan(plain, "50000");
    lender.disburse(loan, "50000");
    lender.accrueInterest(loan, "612.33");
    lender.customFee(loan, "visit", "flat", "1500.10");

    Loan closed = lender.writeOff(loan);

    assertThat(closed.getWrittenOffAmount()).isEqualTo("52112.43");
    assertThat(writeOffLines(closed))
        .containsExactly(
            tuple("loss", new BigDecimal("52112.43"), new BigDecimal("0.00")),
            tuple("loan_principal_receivable", new BigDecimal("0.00"), new BigDecimal("50000.00")),
            tuple("interest_receivable", new BigDecimal("0.00"), new BigDecimal("612.33")),
            tuple("fee_receivable", new BigDecimal("0.00"), new BigDecimal("1500.10")));

    LedgerCheck check = lender.assertLedgerConsistent(closed);
    assertThat(check.getStored().getPrincipal()).isEqualTo("50000.00");
    assertThat(check.getStored().getInterest()).isEqualTo("612.33");
    assertThat(check.getStored().getFee()).isEqualTo("1500.10");
    assertThat(check.getStored().getOutstanding()).isEqualTo("52112.43");
    assertThat(check.getWrittenOff().getPrincipal()).isEqualTo("50000.00");
    assertThat(check.getWrittenOff().getInterest()).isEqualTo("612.33");
    assertThat(check.getWrittenOff().getFee()).isEqualTo("1500.10");
    assertThat(check.getWrittenOff().getOutstanding()).isEqualTo("52112.43");
    assertThat(check.getJournal().getOutstanding()).isEqualTo("0.00");
    assertThat(check.getEntries()).isEqualTo(4);
    assertThat(check.getTotalDebits()).isEqualTo("104224.86");
    assertThat(accountBalances(check))
        .containsExactly(
            entry("loan_principal_receivable", "0.00"),
            entry("interest_receivable", "0.00"),
            entry("fee_receivable", "0.00"),
            entry("cash_settlement", "-50000.00"),
            entry("fee_income", "1500.10"),
            entry("interest_income", "612.33"),
            entry("loss", "52112.43"));
  }

  @Test
  void writeOffOfNothingOutstandingPostsNothing() {
    Loan loan = lender.openLoan(plain, "1000");
    lender.disburse(loan, "1000");
    lender.repay(loan, "1000");

    Loan closed = lender.writeOff(loan);

    assertThat(closed.getWrittenOffAmount()).isEqualTo("0.00");
    assertThat(writeOffLines(closed)).isEmpty();
    LedgerCheck check = lender.assertLedgerConsistent(closed);
    assertThat(check.getEntries()).isEqualTo(2);
  }

  @Test
  void closingAsPaidInFullPostsNothing() {
    Loan loan = lender.openLoan(plain, "1000");
    lender.disburse(loan, "1000");
    lender.repay(loan, "1000");

    Loan closed =
        lender.loans.closeLoan(
            dev.furrow.proto.lending.v1.CloseLoanRequest.newBuilder()
                .setId(loan.getId())
                .setCloseReason("Repaid")
                .setCloseSubstatus("paid_in_full")
                .build());

    assertThat(closed.hasWrittenOffAmount()).isFalse();
    assertThat(lender.assertLedgerConsistent(closed).getEntries()).isEqualTo(2);
  }

  @Test
  void writtenOffLoanTakesNoTransactionsAndNoReverts() {
    Loan loan = lender.openLoan(plain, "20000");
    Transaction disbursement = lender.disburse(loan, "20000");
    lender.customFee(loan, "visit", "flat", "100");
    Loan closed = lender.writeOff(loan);
    LedgerCheck before = lender.assertLedgerConsistent(closed);

    assertConflict(
        () -> lender.repay(loan, "100"), "Loan is closed; a closed loan takes no transactions.");
    assertConflict(
        () -> lender.customFee(loan, "late", "flat", "5"),
        "Loan is closed; a closed loan takes no transactions.");
    assertConflict(
        () -> lender.disburse(loan, "1"), "Loan is closed; a closed loan takes no transactions.");
    assertConflict(
        () -> lender.revert(disbursement.getId()),
        "Loan is closed; transactions of a closed loan cannot be reverted.");

    assertThat(lender.ledger(closed)).isEqualTo(before);
    assertThat(lender.loan(loan.getId())).isEqualTo(closed);
  }

  /** The lines of the loan's write-off entry (the entry without a transaction), in order. */
  private List<org.assertj.core.groups.Tuple> writeOffLines(Loan loan) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT jl.account, jl.debit, jl.credit FROM journal_line jl"
                            + " JOIN journal_entry je ON je.id = jl.entry_id"
                            + " WHERE je.loan_id = :loan AND je.transaction_id IS NULL"
                            + " AND jl.account IN ('loss', 'loan_principal_receivable',"
                            + " 'interest_receivable', 'fee_receivable')"
                            + " AND EXISTS (SELECT 1 FROM journal_line l2"
                            + " WHERE l2.entry_id = je.id AND l2.account = 'loss')"
                            + " ORDER BY jl.position")
                    .bind("loan", UUID.fromString(loan.getId()))
                    .map(
                        (rs, ctx) ->
                            tuple(
                                rs.getString("account"),
                                rs.getBigDecimal("debit"),
                                rs.getBigDecimal("credit")))
                    .list());
  }
}
