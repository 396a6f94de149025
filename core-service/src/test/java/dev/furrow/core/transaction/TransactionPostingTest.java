package dev.furrow.core.transaction;

import static dev.furrow.core.GrpcAssertions.assertConflict;
import static dev.furrow.core.GrpcAssertions.assertNotFound;
import static dev.furrow.core.GrpcAssertions.fieldViolations;
import static dev.furrow.core.LoanOpening.fee;
import static dev.furrow.core.transaction.Lender.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.LoanOpening;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.MakeArrearsRequest;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionPostingTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private Lender lender;
  private Product plain;

  @BeforeEach
  void newPartner() {
    lender = Lender.newPartner(core, "postings");
    plain = lender.product();
  }

  @Test
  void aCreditLineIsDrawnAgainUpToItsLimitAsItsPrincipalIsRepaid() {
    Product line = lender.creditLine(LoanOpening.fee("Set-up fee", "flat", "1000", "disbursement"));
    Loan loan = lender.openLoan(line, "100000");

    lender.disburse(loan, "100000");
    assertConflict(
        () -> lender.disburse(loan, "0.01"),
        "Amount exceeds what is left to disburse; at most 0.00 can still be disbursed.");

    // The set-up fee is paid first, then 30,000.00 of principal: 30,000.00 of the limit is free.
    lender.repay(loan, "31000");
    assertConflict(
        () -> lender.disburse(loan, "30000.01"),
        "Amount exceeds what is left to disburse; at most 30000.00 can still be disbursed.");
    Transaction redraw = lender.disburse(loan, "30000");

    // The flat set-up fee came with the first draw only.
    assertThat(redraw.getResultOutstandingBalance()).isEqualTo("100000.00");
    Loan drawn = lender.loan(loan.getId());
    assertThat(drawn.getPrincipal()).isEqualTo("100000.00");
    assertThat(drawn.getFee()).isEqualTo("0.00");
    assertThat(drawn.getStatus()).isEqualTo("active");
    lender.assertLedgerConsistent(loan);
  }

  @Test
  void disbursementsMayBePartialButNeverExceedTheApprovedAmount() {
    Loan loan = lender.openLoan(plain, "1000000");
    Instant before = Instant.now();

    Transaction first = lender.disburse(loan, "400000");

    assertThat(first.getType()).isEqualTo("disbursement");
    assertThat(first.getStatus()).isEqualTo("applied");
    assertThat(first.getAmount()).isEqualTo("400000.00");
    assertThat(first.getAffectedLoanPrincipal()).isEqualTo("400000.00");
    assertThat(first.getAffectedLoanInterest()).isEqualTo("0.00");
    assertThat(first.getAffectedLoanFee()).isEqualTo("0.00");
    assertThat(first.getResultOutstandingBalance()).isEqualTo("400000.00");
    assertThat(first.getResultLoanStatus()).isEqualTo("active");
    assertThat(first.hasPreviousTransaction()).isFalse();
    assertThat(first.hasRelatedTransaction()).isFalse();
    assertThat(first.hasRevertedAt()).isFalse();
    assertThat(first.hasStatement()).isFalse();
    assertThat(first.hasFeeName()).isFalse();
    assertThat(ProtoTime.fromProto(first.getCompletedAt()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(first.getCreated()).isEqualTo(first.getCompletedAt());
    assertThat(lender.get(first.getId())).isEqualTo(first);

    Loan active = lender.loan(loan.getId());
    assertThat(active.getStatus()).isEqualTo("active");
    assertThat(active.getPrincipal()).isEqualTo("400000.00");
    assertThat(active.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(active.getLastTransaction()).isEqualTo(first.getId());

    assertConflict(
        () -> lender.disburse(loan, "600000.01"),
        "Amount exceeds what is left to disburse; at most 600000.00 can still be disbursed.");
    Transaction rest = lender.disburse(loan, "600000.00");
    assertThat(rest.getPreviousTransaction()).isEqualTo(first.getId());
    assertThat(rest.getResultOutstandingBalance()).isEqualTo("1000000.00");
    assertThat(rest.getResultLoanStatus()).isEqualTo("active");
    assertConflict(
        () -> lender.disburse(loan, "0.01"),
        "Amount exceeds what is left to disburse; at most 0.00 can still be disbursed.");

    assertThat(lender.loan(loan.getId()).getPrincipal()).isEqualTo("1000000.00");
    LedgerCheck check = lender.assertLedgerConsistent(loan);
    assertThat(Lender.accountBalances(check))
        .containsEntry("loan_principal_receivable", "1000000.00")
        .containsEntry("cash_settlement", "-1000000.00");
    assertThat(check.getEntries()).isEqualTo(2);
  }

  @Test
  void disbursementsChargeTheProductsDisbursementFeesAsTransactionsOfTheirOwn() {
    Product product =
        lender.product(
            fee("Processing", "percent", "1.5", "disbursement"),
            fee("Insurance", "flat", "2500", "disbursement"),
            fee("Late payment", "flat", "1000", "arrears"));
    Loan loan = lender.openLoan(product, "1500000");

    Transaction disbursement = lender.disburse(loan, "1000003");

    List<Transaction> history = lender.history(loan);
    assertThat(history)
        .extracting(
            Transaction::getType,
            Transaction::getFeeName,
            Transaction::getFeeType,
            Transaction::getAmount,
            Transaction::getAffectedLoanFee,
            Transaction::getResultOutstandingBalance)
        .containsExactly(
            tuple("disbursement", "", "", "1000003.00", "0.00", "1000003.00"),
            // 1.5% of 1000003.00 is 15000.045, rounded half to even.
            tuple("fee", "Processing", "percent", "15000.04", "15000.04", "1015003.04"),
            tuple("fee", "Insurance", "flat", "2500.00", "2500.00", "1017503.04"));
    assertThat(history.get(0)).isEqualTo(disbursement);
    assertThat(history.get(1).getPreviousTransaction()).isEqualTo(disbursement.getId());
    assertThat(history.get(2).getPreviousTransaction()).isEqualTo(history.get(1).getId());
    assertThat(history.subList(1, 3))
        .allSatisfy(
            f -> {
              assertThat(f.hasIdempotencyKey()).isFalse();
              assertThat(f.hasCustomFeeAmount()).isFalse();
              assertThat(f.getStatus()).isEqualTo("applied");
            });

    Loan after = lender.loan(loan.getId());
    assertThat(after.getPrincipal()).isEqualTo("1000003.00");
    assertThat(after.getFee()).isEqualTo("17500.04");
    assertThat(after.getPendingFee()).isEqualTo("17500.04");
    assertThat(after.getLastTransaction()).isEqualTo(history.get(2).getId());

    // Later disbursements charge the percent fee on what they pay out; flat fees came once.
    lender.disburse(loan, "100000");
    assertThat(lender.history(loan).subList(3, 5))
        .extracting(Transaction::getFeeName, Transaction::getAmount)
        .containsExactly(tuple("", "100000.00"), tuple("Processing", "1500.00"));
    assertThat(lender.loan(loan.getId()).getFee()).isEqualTo("19000.04");
    assertThat(Lender.accountBalances(lender.assertLedgerConsistent(loan)))
        .containsEntry("fee_receivable", "19000.04")
        .containsEntry("fee_income", "19000.04");
  }

  @Test
  void repaymentsPayDueFeesInterestAndPrincipalFirstThenTheRestInTheSameOrder() {
    Loan loan = lender.openLoan(plain, "100000");
    lender.disburse(loan, "100000");
    lender.customFee(loan, "Field visit", "flat", "500");
    lender.accrueInterest(loan, "1200");
    lender.makePending(loan, "5000", "800", "500");

    Transaction first = lender.repay(loan, "3000");

    assertThat(first.getAffectedLoanFee()).isEqualTo("-500.00");
    assertThat(first.getAffectedLoanInterest()).isEqualTo("-800.00");
    assertThat(first.getAffectedLoanPrincipal()).isEqualTo("-1700.00");
    assertThat(first.getResultOutstandingBalance()).isEqualTo("98700.00");
    assertBalances(loan, "98300.00", "400.00", "0.00", "3300.00", "0.00", "0.00");

    // Due principal comes before interest that is not due yet.
    Transaction second = lender.repay(loan, "1000");
    assertThat(second.getAffectedLoanFee()).isEqualTo("0.00");
    assertThat(second.getAffectedLoanInterest()).isEqualTo("0.00");
    assertThat(second.getAffectedLoanPrincipal()).isEqualTo("-1000.00");
    assertBalances(loan, "97300.00", "400.00", "0.00", "2300.00", "0.00", "0.00");

    Transaction third = lender.repay(loan, "3000.50");
    assertThat(third.getAffectedLoanInterest()).isEqualTo("-400.00");
    assertThat(third.getAffectedLoanPrincipal()).isEqualTo("-2600.50");
    assertThat(third.getResultOutstandingBalance()).isEqualTo("94699.50");
    assertThat(third.getResultLoanStatus()).isEqualTo("active");
    assertBalances(loan, "94699.50", "0.00", "0.00", "0.00", "0.00", "0.00");

    LedgerCheck check = lender.assertLedgerConsistent(loan);
    assertThat(Lender.accountBalances(check))
        .containsEntry("loan_principal_receivable", "94699.50")
        .containsEntry("interest_receivable", "0.00")
        .containsEntry("fee_receivable", "0.00")
        .containsEntry("cash_settlement", "-92999.50")
        .containsEntry("interest_income", "1200.00")
        .containsEntry("fee_income", "500.00");
  }

  @Test
  void overpaymentIsRefusedNamingTheMostThatCanBeRepaid() {
    Loan loan = lender.openLoan(plain, "100000");
    lender.disburse(loan, "100000");
    lender.customFee(loan, "Field visit", "flat", "500");

    assertConflict(
        () -> lender.repay(loan, "100500.01"),
        "Amount exceeds what the loan owes; at most 100500.00 can be repaid.");
    assertBalances(loan, "100000.00", "0.00", "500.00", "0.00", "0.00", "500.00");
    assertThat(lender.history(loan)).hasSize(2);
  }

  @Test
  void repayingEverythingMakesTheLoanPaidOff() {
    Loan loan = lender.openLoan(plain, "100000");
    lender.disburse(loan, "100000");
    lender.accrueInterest(loan, "1000");

    Transaction payoff = lender.repay(loan, "101000");

    assertThat(payoff.getResultLoanStatus()).isEqualTo("paid_off");
    assertThat(payoff.getResultOutstandingBalance()).isEqualTo("0.00");
    assertThat(payoff.getAffectedLoanInterest()).isEqualTo("-1000.00");
    assertThat(payoff.getAffectedLoanPrincipal()).isEqualTo("-100000.00");
    assertThat(lender.loan(loan.getId()).getStatus()).isEqualTo("paid_off");
    assertConflict(
        () -> lender.repay(loan, "1"),
        "Loan is paid off; only a loan that is active, late, in arrears or in default can be"
            + " repaid.");
    assertConflict(
        () -> lender.customFee(loan, "Late", "flat", "10"),
        "Loan is paid off; only a loan that is active, late, in arrears or in default can be"
            + " charged a fee.");
    lender.assertLedgerConsistent(loan);
    Loan closed =
        lender.loans.closeLoan(
            CloseLoanRequest.newBuilder()
                .setId(loan.getId())
                .setCloseReason("Repaid")
                .setCloseSubstatus("paid_in_full")
                .build());
    assertThat(closed.getStatus()).isEqualTo("closed");
  }

  @Test
  void aProductFeeIsNamedAndItsAmountComesFromTheProduct() {
    Product product =
        lender.product(
            fee("Field visit", "flat", "750.5", "manual"),
            fee("Restructuring", "percent", "2", "manual"));
    Loan loan = lender.openLoan(product, "100000");
    lender.disburse(loan, "100000");

    Transaction visit = lender.productFee(loan, "field VISIT");
    assertThat(visit.getFeeName()).isEqualTo("Field visit");
    assertThat(visit.getFeeType()).isEqualTo("flat");
    assertThat(visit.getAmount()).isEqualTo("750.50");
    assertThat(visit.hasCustomFeeAmount()).isFalse();
    assertThat(visit.getAffectedLoanFee()).isEqualTo("750.50");

    // 2% of 100750.50 is 2015.01.
    Transaction restructuring = lender.productFee(loan, "Restructuring");
    assertThat(restructuring.getAmount()).isEqualTo("2015.01");
    assertThat(restructuring.getResultOutstandingBalance()).isEqualTo("102765.51");

    assertThat(
            fieldViolations(
                () ->
                    lender.create(
                        request(loan, "fee", "10").setFeeName("Field visit").setFeeType("flat"))))
        .containsExactly(
            entry("amount", "Must be absent when fee_name names a product fee."),
            entry("fee_type", "Must be absent when fee_name names a product fee."));
    assertThat(fieldViolations(() -> lender.productFee(loan, "Stamp duty")))
        .containsExactly(
            entry("amount", "This field is required."),
            entry("fee_type", "This field is required."));
    lender.assertLedgerConsistent(loan);
  }

  @Test
  void customFeesAreFlatOrAPercentOfTheOutstandingTotalRoundedHalfToEven() {
    Loan loan = lender.openLoan(plain, "100001");
    lender.disburse(loan, "100001");

    // 0.5% of 100001.00 is 500.005: half to even keeps 500.00.
    Transaction half = lender.customFee(loan, "Valuation", "percent", "0.50");
    assertThat(half.getAmount()).isEqualTo("500.00");
    assertThat(half.getCustomFeeAmount()).isEqualTo("0.5");
    assertThat(half.getFeeType()).isEqualTo("percent");

    // 1.5% of 100501.00 is 1507.515: half to even rounds up to 1507.52.
    Transaction up = lender.customFee(loan, "Valuation 2", "percent", "1.5");
    assertThat(up.getAmount()).isEqualTo("1507.52");

    Transaction flat = lender.customFee(loan, "Courier", "flat", "1250.5");
    assertThat(flat.getAmount()).isEqualTo("1250.50");
    assertThat(flat.getCustomFeeAmount()).isEqualTo("1250.50");
    assertThat(flat.getResultOutstandingBalance()).isEqualTo("103259.02");

    // 0.0001% of 103259.02 is 0.10325902.
    assertThat(lender.customFee(loan, "Tiny", "percent", "0.0001").getAmount()).isEqualTo("0.10");
    assertThat(fieldViolations(() -> lender.customFee(loan, "Too much", "percent", "100.5")))
        .containsExactly(entry("amount", "Ensure this value is less than or equal to 100."));
    assertThat(fieldViolations(() -> lender.customFee(loan, "Fraction", "flat", "1.005")))
        .containsExactly(entry("amount", "Ensure that there are no more than 2 decimal places."));
    assertBalances(loan, "100001.00", "0.00", "3258.12", "0.00", "0.00", "3258.12");
    lender.assertLedgerConsistent(loan);

    Loan small = lender.openLoan(plain, "1000");
    lender.disburse(small, "1000");
    assertConflict(
        () -> lender.customFee(small, "Tiny", "percent", "0.0001"),
        "Fee comes to 0.00 on an outstanding balance of 1000.00; nothing to charge.");
  }

  @Test
  void aClosedLoanTakesNoTransactionsAndEachStatusOnlyItsOwn() {
    Loan approved = lender.openLoan(plain, "50000");
    assertConflict(
        () -> lender.repay(approved, "10"),
        "Loan is approved; only a loan that is active, late, in arrears or in default can be"
            + " repaid.");
    assertConflict(
        () -> lender.customFee(approved, "Early", "flat", "10"),
        "Loan is approved; only a loan that is active, late, in arrears or in default can be"
            + " charged a fee.");

    lender.disburse(approved, "20000");
    lender.loans.makeArrears(MakeArrearsRequest.newBuilder().setId(approved.getId()).build());
    assertConflict(
        () -> lender.disburse(approved, "10"),
        "Loan is in arrears; only a loan that is approved or active can receive a disbursement.");
    Transaction repayment = lender.repay(approved, "1000");
    assertThat(repayment.getResultLoanStatus()).isEqualTo("in_arrears");

    lender.loans.closeLoan(
        CloseLoanRequest.newBuilder()
            .setId(approved.getId())
            .setCloseReason("Borrower absconded")
            .setCloseSubstatus("written_off")
            .build());
    String closed = "Loan is closed; a closed loan takes no transactions.";
    assertConflict(() -> lender.disburse(approved, "10"), closed);
    assertConflict(() -> lender.repay(approved, "10"), closed);
    assertConflict(() -> lender.customFee(approved, "Late", "flat", "10"), closed);
    assertConflict(
        () -> lender.revert(repayment.getId()),
        "Loan is closed; transactions of a closed loan cannot be reverted.");
    lender.assertLedgerConsistent(approved);
  }

  @Test
  void malformedRequestsReportEveryFieldAtOnce() {
    assertThat(fieldViolations(() -> lender.create(TransactionInput.newBuilder())))
        .containsExactly(
            entry("loan", "This field is required."),
            entry("type", "This field is required."),
            entry("idempotency_key", "This field is required."));

    assertThat(
            fieldViolations(
                () ->
                    lender.create(
                        TransactionInput.newBuilder()
                            .setLoan("not-a-loan")
                            .setType("refund")
                            .setAmount("ten")
                            .setIdempotencyKey("   ")
                            .setCustomField("x".repeat(10_001)))))
        .containsExactly(
            entry("loan", "Invalid pk \"not-a-loan\" - object does not exist."),
            entry("type", "\"refund\" is not a valid choice."),
            entry("amount", "A valid number is required."),
            entry("idempotency_key", "This field may not be blank."),
            entry("custom_field", "Ensure this field has no more than 10000 characters."));

    Loan loan = lender.openLoan(plain, "50000");
    assertThat(
            fieldViolations(
                () ->
                    lender.create(
                        request(loan, "repayment", null)
                            .setFeeName("Late")
                            .setFeeType("flat")
                            .setIdempotencyKey("k".repeat(256)))))
        .containsExactly(
            entry("amount", "This field is required."),
            entry("fee_name", "This field applies only to fee transactions."),
            entry("fee_type", "This field applies only to fee transactions."),
            entry("idempotency_key", "Ensure this field has no more than 255 characters."));
    assertThat(
            fieldViolations(() -> lender.create(request(loan, "fee", "5").setFeeType("monthly"))))
        .containsExactly(
            entry("fee_name", "This field is required."),
            entry("fee_type", "\"monthly\" is not a valid choice."));
    assertThat(fieldViolations(() -> lender.disburse(loan, "0")))
        .containsExactly(entry("amount", "Ensure this value is greater than or equal to 0.01."));
    assertThat(fieldViolations(() -> lender.create(request(loan, "disbursement", "").setLoan(""))))
        .containsExactly(
            entry("loan", "This field may not be null."),
            entry("amount", "A valid number is required."));
  }

  @Test
  void anotherPartnersLoansAndTransactionsDoNotExistForTheCaller() {
    Loan loan = lender.openLoan(plain, "50000");
    Transaction disbursement = lender.disburse(loan, "50000");
    Lender other = Lender.newPartner(core, "postings-other");

    assertThat(fieldViolations(() -> other.disburse(loan, "10")))
        .containsExactly(
            entry("loan", "Invalid pk \"" + loan.getId() + "\" - object does not exist."));
    assertNotFound(() -> other.get(disbursement.getId()));
    assertNotFound(() -> other.revert(disbursement.getId()));
    assertNotFound(() -> other.ledger(loan));
    assertNotFound(() -> lender.get("12345"));
    assertNotFound(() -> lender.revert("12345"));
    assertThat(other.list().getResultsList()).isEmpty();
    assertThat(lender.get(disbursement.getId().toUpperCase())).isEqualTo(disbursement);
  }

  private void assertBalances(
      Loan loan,
      String principal,
      String interest,
      String fee,
      String pendingPrincipal,
      String pendingInterest,
      String pendingFee) {
    Loan stored = lender.loan(loan.getId());
    assertThat(
            List.of(
                stored.getPrincipal(),
                stored.getInterest(),
                stored.getFee(),
                stored.getPendingPrincipal(),
                stored.getPendingInterest(),
                stored.getPendingFee()))
        .containsExactly(principal, interest, fee, pendingPrincipal, pendingInterest, pendingFee);
  }
}
