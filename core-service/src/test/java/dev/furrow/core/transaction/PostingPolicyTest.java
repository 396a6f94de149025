package dev.furrow.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.ledger.JournalLine;
import dev.furrow.core.ledger.LedgerAccount;
import dev.furrow.core.loan.Loan;
import dev.furrow.core.loan.LoanBalances;
import dev.furrow.core.loan.LoanState;
import dev.furrow.core.loan.LoanStatus;
import dev.furrow.core.loan.LoanTerms;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The posting rules as plain functions of a loan, without a database. */
class PostingPolicyTest {
  private final PostingPolicy policy = new PostingPolicy();
  private final TransactionPolicy requests = new TransactionPolicy();

  private static final UUID LOAN = UUID.randomUUID();

  private static LoanContext loan(
      LoanStatus status, String principal, String fee, String disbursed, DefaultFee... fees) {
    LoanBalances balances =
        new LoanBalances(
            new BigDecimal(principal),
            BigDecimal.ZERO,
            new BigDecimal(fee),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            new BigDecimal(fee));
    LoanTerms terms =
        new LoanTerms(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            new BigDecimal("10000.00"),
            new BigDecimal("12"),
            12,
            null,
            null,
            null,
            "NGN",
            null);
    Instant now = Instant.now();
    Loan loan =
        new Loan(LOAN, terms, new LoanState(status, balances, true, null), null, null, now, now);
    return new LoanContext(loan, List.of(fees), new BigDecimal(disbursed));
  }

  private TransactionRequest request(String type, String amount, String feeName, String feeType) {
    return requests.validate(
        new TransactionInput(LOAN.toString(), type, amount, feeName, feeType, "key", null));
  }

  @Test
  void aFirstDisbursementActivatesTheLoanAndChargesItsDisbursementFees() {
    List<Posting> postings =
        policy.plan(
            request("disbursement", "4000.10", null, null),
            loan(
                LoanStatus.APPROVED,
                "0",
                "0",
                "0",
                new DefaultFee(
                    "Processing",
                    DefaultFee.Type.PERCENT,
                    new BigDecimal("2.5"),
                    DefaultFee.Event.DISBURSEMENT),
                new DefaultFee(
                    "Visit", DefaultFee.Type.FLAT, new BigDecimal("50"), DefaultFee.Event.MANUAL)));

    assertThat(postings).hasSize(2);
    assertThat(postings.get(0).after().status()).isEqualTo(LoanStatus.ACTIVE);
    assertThat(postings.get(0).effect().statusBefore()).isEqualTo(LoanStatus.APPROVED);
    assertThat(postings.get(0).entry().lines())
        .containsExactly(
            JournalLine.debit(LedgerAccount.LOAN_PRINCIPAL_RECEIVABLE, new BigDecimal("4000.10")),
            JournalLine.credit(LedgerAccount.CASH_SETTLEMENT, new BigDecimal("4000.10")));
    // 2.5% of 4000.10 is 100.0025.
    assertThat(postings.get(1).amount()).isEqualByComparingTo("100.00");
    assertThat(postings.get(1).idempotencyKey()).isNull();
    assertThat(postings.get(1).after().balances().outstanding()).isEqualByComparingTo("4100.10");
  }

  @Test
  void percentFeesRoundHalfToEvenAtTheCent() {
    // 0.5% of 9001.00 is 45.005; of 9003.00, 45.015.
    assertThat(
            policy
                .plan(
                    request("fee", "0.5", "Valuation", "percent"),
                    loan(LoanStatus.ACTIVE, "9001", "0", "9001"))
                .get(0)
                .amount())
        .isEqualByComparingTo("45.00");
    assertThat(
            policy
                .plan(
                    request("fee", "0.5", "Valuation", "percent"),
                    loan(LoanStatus.ACTIVE, "9003", "0", "9003"))
                .get(0)
                .amount())
        .isEqualByComparingTo("45.02");
  }

  @Test
  void disbursementsStopAtTheApprovedAmount() {
    assertThatThrownBy(
            () ->
                policy.plan(
                    request("disbursement", "2500.01", null, null),
                    loan(LoanStatus.ACTIVE, "7500", "0", "7500")))
        .isInstanceOf(ConflictException.class)
        .hasMessage(
            "Amount exceeds what is left to disburse; at most 2500.00 can still be disbursed.");
  }

  @Test
  void aProductFeeTakesNoAmountOrType() {
    LoanContext context =
        loan(
            LoanStatus.ACTIVE,
            "100",
            "0",
            "100",
            new DefaultFee(
                "Visit", DefaultFee.Type.FLAT, new BigDecimal("50"), DefaultFee.Event.MANUAL));

    assertThatThrownBy(() -> policy.plan(request("fee", "10", "visit", null), context))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + ": " + v.message())
                    .containsExactly("amount: Must be absent when fee_name names a product fee."));
    assertThat(policy.plan(request("fee", null, "visit", null), context).get(0).amount())
        .isEqualByComparingTo("50.00");
  }

  @Test
  void repayingEverythingPaysTheLoanOff() {
    Posting payoff =
        policy
            .plan(
                request("repayment", "150", null, null),
                loan(LoanStatus.IN_ARREARS, "100", "50", "100"))
            .get(0);

    assertThat(payoff.after().status()).isEqualTo(LoanStatus.PAID_OFF);
    assertThat(payoff.effect().change().fee()).isEqualByComparingTo("-50");
    assertThat(payoff.effect().change().principal()).isEqualByComparingTo("-100");
  }

  @Test
  void theFingerprintIgnoresHowTheAmountWasWrittenButNothingElse() {
    String base = request("repayment", "150", null, null).fingerprint();

    assertThat(request("repayment", "150.00", null, null).fingerprint()).isEqualTo(base);
    assertThat(request("repayment", "1.5e2", null, null).fingerprint()).isEqualTo(base);
    assertThat(request("repayment", "150.01", null, null).fingerprint()).isNotEqualTo(base);
    assertThat(request("disbursement", "150", null, null).fingerprint()).isNotEqualTo(base);
    assertThat(base).matches("[0-9a-f]{64}");
    // Checked only as a number until the fee type is known; hashing it must stay cheap.
    assertThat(request("fee", "1e999999999", "Visit", null).fingerprint()).hasSize(64);
  }
}
