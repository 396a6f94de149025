package dev.furrow.core.delinquency;

import static dev.furrow.core.LoanOpening.fee;
import static dev.furrow.core.cob.Books.close;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.cob.Books;
import dev.furrow.proto.lending.v1.Instalment;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanDelinquency;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reverts after close of business has made part of a loan due. Loans of 1,200.00 at 12% over 12
 * months, disbursed on 15 January 2026 (first due date 15 February: 100.00 principal, 12.23
 * interest), under a product with an arrears tolerance of 3 days and a flat 250.00 arrears fee.
 * After a close the pending principal and interest are what the schedule has due by the open
 * business date, capped by the balances, whatever a revert undid; reverts keep the ledger
 * consistent. Dates are closed in the order of the methods.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevertAfterCloseTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static Books books;
  private static Loan dueTomorrow;
  private static Transaction dueTomorrowDisbursement;
  private static Loan late;
  private static Transaction lateDisbursement;
  private static Loan paidAhead;
  private static Transaction paidAheadRepayment;
  private static Loan inArrears;

  @BeforeAll
  static void loans() {
    books = Books.newPartner(core, "revert-after-close");
    Product product =
        books.product(
            p -> p.setArrearsTolerance(3), fee("Arrears letter", "flat", "250.00", "arrears"));
    dueTomorrow = books.openLoan(product, "1200");
    dueTomorrowDisbursement = books.post(dueTomorrow, "disbursement", "1200.00", "2026-01-15");
    late = books.openLoan(product, "1200");
    lateDisbursement = books.post(late, "disbursement", "1200.00", "2026-01-15");
    paidAhead = books.openLoan(product, "1200");
    books.post(paidAhead, "disbursement", "1200.00", "2026-01-15");
    inArrears = books.openLoan(product, "1200");
    books.post(inArrears, "disbursement", "1200.00", "2026-01-15");
    close(core, "2026-01-15");
  }

  @Test
  @Order(1)
  void revertingTheFirstDisbursementAfterACloseMadePrincipalDueLeavesNothingDue() {
    close(core, "2026-02-09");
    // Paid on 10 February, before anything is due: 10.25 accrued interest, then 101.98 principal;
    // the schedule takes it as the first instalment (12.23 + 100.00), paid in full.
    paidAheadRepayment = books.post(paidAhead, "repayment", "112.23", "2026-02-10");
    close(core, "2026-02-14");
    Loan before = books.loan(dueTomorrow);
    assertThat(before.getPendingPrincipal()).isEqualTo("100.00");
    assertThat(before.getPendingInterest()).isEqualTo("12.23");

    books.revert(dueTomorrowDisbursement);

    Loan loan = books.loan(dueTomorrow);
    assertThat(loan.getStatus()).isEqualTo("approved");
    assertThat(loan.getPrincipal()).isEqualTo("0.00");
    // Nothing was lent: the 12.23 the closes accrued over 31 days is taken back.
    assertThat(loan.getInterest()).isEqualTo("0.00");
    assertThat(loan.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(loan.getPendingInterest()).isEqualTo("0.00");
    assertThat(loan.getPendingFee()).isEqualTo("0.00");
    assertThat(books.schedule(dueTomorrow).getInstalmentsList()).isEmpty();
    LoanDelinquency d = books.delinquency(dueTomorrow);
    assertThat(d.getDaysPastDue()).isZero();
    assertThat(d.getAgeingBucket()).isEqualTo("current");
    assertThat(d.hasOverdueSince()).isFalse();
    assertConsistent(dueTomorrow, "0.00", "0.00", "0.00");
  }

  @Test
  @Order(2)
  void revertingTheFirstDisbursementOfALateLoanMakesItApprovedAndCurrent() {
    close(core, "2026-02-16");
    assertThat(books.loan(late).getStatus()).isEqualTo("late");
    assertThat(books.delinquency(late).getDaysPastDue()).isEqualTo(2);

    books.revert(lateDisbursement);

    Loan loan = books.loan(late);
    assertThat(loan.getStatus()).isEqualTo("approved");
    assertThat(loan.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(loan.getPendingInterest()).isEqualTo("0.00");
    assertThat(books.delinquency(late).getDaysPastDue()).isZero();
    assertThat(books.delinquency(late).hasOverdueSince()).isFalse();
    // 33 days of 0.3945205479 = 13.0191780807 accrued, 13.01 posted, all taken back.
    assertThat(loan.getInterest()).isEqualTo("0.00");
    assertConsistent(late, "0.00", "0.00", "0.00");

    // An approved loan is not aged, accrued or moved by later closes.
    close(core, "2026-02-20");
    assertThat(books.loan(late).getStatus()).isEqualTo("approved");
    assertThat(books.loan(late).getInterest()).isEqualTo("0.00");
    assertThat(books.fees(late)).isEmpty();
  }

  @Test
  @Order(3)
  void revertingARepaymentAfterACloseMakesWhatItPaidDueAgain() {
    Loan before = books.loan(paidAhead);
    assertThat(before.getStatus()).isEqualTo("active");
    assertThat(before.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(books.schedule(paidAhead).getInstalments(0).getStatus()).isEqualTo("paid");

    books.revert(paidAheadRepayment);

    // The first instalment (due 15 February) is unpaid again and overdue as of 21 February: its
    // 100.00 principal and 12.23 interest are due. The loan owes the 10.25 interest the repayment
    // had paid again, plus the 3.97 accrued from 10 to 20 February on the 1098.02 then left (11
    // days of 0.3609983561, with the 0.0075342454 carried).
    Loan loan = books.loan(paidAhead);
    assertThat(loan.getPrincipal()).isEqualTo("1200.00");
    assertThat(loan.getInterest()).isEqualTo("14.22");
    assertThat(loan.getPendingPrincipal()).isEqualTo("100.00");
    assertThat(loan.getPendingInterest()).isEqualTo("12.23");
    Instalment first = books.schedule(paidAhead).getInstalments(0);
    assertThat(first.getStatus()).isEqualTo("overdue");
    assertThat(first.getPaid()).isEqualTo("0.00");
    assertThat(books.schedule(paidAhead).getInstalments(1).getStatus()).isEqualTo("pending");
    LoanDelinquency d = books.delinquency(paidAhead);
    assertThat(d.getOverdueSince()).isEqualTo("2026-02-15");
    assertThat(d.getDaysPastDue()).isEqualTo(6);
    assertThat(d.getOverduePrincipal()).isEqualTo("100.00");
    assertThat(books.ledger(paidAhead).getConsistent()).isTrue();

    // The next close moves it on from there: late, then in arrears with its fee.
    close(core, "2026-02-21");
    assertThat(books.loan(paidAhead).getStatus()).isEqualTo("in_arrears");
    assertThat(books.fees(paidAhead)).containsExactly("Arrears letter 250.00 applied");
  }

  @Test
  @Order(4)
  void revertingAnArrearsFeeAfterACloseTakesItOffAndItIsNotChargedAgain() {
    Loan before = books.loan(inArrears);
    assertThat(before.getStatus()).isEqualTo("in_arrears");
    assertThat(before.getPendingFee()).isEqualTo("250.00");
    Transaction arrearsFee = books.lastTransaction(inArrears);
    assertThat(arrearsFee.getFeeName()).isEqualTo("Arrears letter");

    books.revert(arrearsFee);

    Loan loan = books.loan(inArrears);
    assertThat(loan.getStatus()).isEqualTo("in_arrears");
    assertThat(loan.getFee()).isEqualTo("0.00");
    assertThat(loan.getPendingFee()).isEqualTo("0.00");
    assertThat(loan.getPendingPrincipal()).isEqualTo("100.00");
    assertThat(loan.getPendingInterest()).isEqualTo("12.23");
    assertThat(books.schedule(inArrears).getTotalFee()).isEqualTo("0.00");
    assertThat(books.ledger(inArrears).getConsistent()).isTrue();

    close(core, "2026-02-22");
    assertThat(books.fees(inArrears))
        .containsExactly("Arrears letter 250.00 reverted", "Arrears letter 250.00 reversal");
    assertThat(books.loan(inArrears).getFee()).isEqualTo("0.00");
  }

  @Test
  @Order(5)
  void revertingARepaymentOfWhatWasOverdueAfterACloseRestoresItsDueAmounts() {
    Loan before = books.loan(inArrears);
    Transaction repayment = books.post(inArrears, "repayment", "112.23", "2026-02-23");
    Loan paid = books.loan(inArrears);
    assertThat(paid.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(paid.getPendingInterest()).isEqualTo("0.00");
    assertThat(paid.getStatus()).isEqualTo("active");

    books.revert(repayment);

    Loan loan = books.loan(inArrears);
    assertThat(loan.getStatus()).isEqualTo("in_arrears");
    assertThat(loan.getPrincipal()).isEqualTo(before.getPrincipal());
    assertThat(loan.getInterest()).isEqualTo(before.getInterest());
    assertThat(loan.getPendingPrincipal()).isEqualTo("100.00");
    assertThat(loan.getPendingInterest()).isEqualTo("12.23");
    assertThat(books.delinquency(inArrears).getDaysPastDue()).isEqualTo(8);
    assertThat(books.ledger(inArrears).getConsistent()).isTrue();
  }

  private static void assertConsistent(Loan loan, String principal, String interest, String fee) {
    LedgerCheck check = books.ledger(loan);
    assertThat(check.getConsistent()).isTrue();
    assertThat(check.getJournal().getPrincipal()).isEqualTo(principal);
    assertThat(check.getJournal().getInterest()).isEqualTo(interest);
    assertThat(check.getJournal().getFee()).isEqualTo(fee);
  }
}
