package dev.furrow.core.transaction;

import static dev.furrow.core.LoanOpening.fee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of disbursements, repayments, fees and reverts on a fresh loan, checked after
 * every step against a small model: the journal balances and matches the loan, no balance is
 * negative or pending beyond its outstanding, the model predicts which requests the loan takes, a
 * refused request changes nothing, and a revert puts the loan back exactly as it was before the
 * reverted transaction. Every sequence ends with a write-off, after which the ledger still checks.
 */
class TransactionPropertyTest {
  private static final CoreHarness core = new CoreHarness();
  private static final BigDecimal APPROVED = new BigDecimal("100000.00");
  private static final Set<String> RUNNING = Set.of("active", "late", "in_arrears", "default");

  private static Lender lender;
  private static Product product;

  @BeforeContainer
  static void startCore() {
    core.beforeAll(null);
    lender = Lender.newPartner(core, "properties");
    product =
        lender.product(
            fee("Processing", "percent", "1.25", "disbursement"),
            fee("Insurance", "flat", "300", "disbursement"));
  }

  @AfterContainer
  static void stopCore() {
    core.afterAll(null);
  }

  /** One step of a sequence. */
  sealed interface Step permits Disburse, Repay, FlatFee, PercentFee, Revert {}

  /** Disburses this many cents (up to 90,000.00 of 100,000.00); more than is left is refused. */
  record Disburse(long cents) implements Step {}

  /** Repays this many thousandths of the outstanding total; above 1000 is an overpayment. */
  record Repay(int permille) implements Step {}

  record FlatFee(long cents) implements Step {}

  /** A percent fee of this many ten-thousandths of a percent. */
  record PercentFee(int tenThousandths) implements Step {}

  /** Reverts the requested transaction at this index (modulo their number). */
  record Revert(int index) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().between(1, 9_000_000).map(Disburse::new)),
            Tuple.of(4, Arbitraries.integers().between(1, 1100).map(Repay::new)),
            Tuple.of(2, Arbitraries.longs().between(1, 500_000).map(FlatFee::new)),
            Tuple.of(1, Arbitraries.integers().between(1, 50_000).map(PercentFee::new)),
            Tuple.of(2, Arbitraries.integers().between(0, 40).map(Revert::new)));
    return step.list().ofMinSize(5).ofMaxSize(15);
  }

  @Property(tries = 30)
  void postingsKeepTheLedgerBalancedAndRevertsRestoreThePast(@ForAll("steps") List<Step> steps) {
    Loan loan = lender.openLoan(product, "100000");
    String id = loan.getId();
    List<String> requested = new ArrayList<>();
    Map<String, Loan> before = new HashMap<>();
    Map<String, Boolean> applied = new HashMap<>();
    Map<String, BigDecimal> disbursements = new HashMap<>();

    for (Step step : steps) {
      Loan prior = lender.loan(id);
      BigDecimal outstanding = outstanding(prior);
      if (step instanceof Revert revert) {
        if (requested.isEmpty()) {
          continue;
        }
        String target = requested.get(revert.index() % requested.size());
        boolean expected = applied.get(target);
        Transaction result = attempt(() -> lender.revert(target), expected, prior);
        Statistics.collect("revert", result != null);
        if (result != null) {
          assertThat(withoutUpdated(lender.loan(id))).isEqualTo(withoutUpdated(before.get(target)));
          for (String later : requested.subList(requested.indexOf(target), requested.size())) {
            applied.put(later, false);
          }
        }
      } else {
        Supplier<Transaction> call;
        boolean expected;
        BigDecimal disbursed =
            disbursements.entrySet().stream()
                .filter(e -> applied.get(e.getKey()))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = null;
        if (step instanceof Disburse d) {
          amount = BigDecimal.valueOf(d.cents(), 2);
          String text = amount.toPlainString();
          call = () -> lender.disburse(loan, text);
          expected =
              Set.of("approved", "active").contains(prior.getStatus())
                  && amount.compareTo(APPROVED.subtract(disbursed)) <= 0;
        } else if (step instanceof Repay r) {
          BigDecimal share =
              outstanding
                  .multiply(BigDecimal.valueOf(r.permille()))
                  .divide(BigDecimal.valueOf(1000), 2, RoundingMode.DOWN)
                  .max(new BigDecimal("0.01"));
          String text = share.toPlainString();
          call = () -> lender.repay(loan, text);
          expected = RUNNING.contains(prior.getStatus()) && share.compareTo(outstanding) <= 0;
        } else if (step instanceof FlatFee f) {
          String text = BigDecimal.valueOf(f.cents(), 2).toPlainString();
          call = () -> lender.customFee(loan, "Flat", "flat", text);
          expected = RUNNING.contains(prior.getStatus());
        } else {
          PercentFee p = (PercentFee) step;
          String text = BigDecimal.valueOf(p.tenThousandths(), 4).toPlainString();
          call = () -> lender.customFee(loan, "Percent", "percent", text);
          BigDecimal charge =
              outstanding
                  .multiply(BigDecimal.valueOf(p.tenThousandths(), 4))
                  .divide(BigDecimal.valueOf(100))
                  .setScale(2, RoundingMode.HALF_EVEN);
          expected = RUNNING.contains(prior.getStatus()) && charge.signum() > 0;
        }
        Transaction created = attempt(call, expected, prior);
        Statistics.collect(step.getClass().getSimpleName().toLowerCase(), created != null);
        if (created != null) {
          requested.add(created.getId());
          before.put(created.getId(), prior);
          applied.put(created.getId(), true);
          if (step instanceof Disburse) {
            disbursements.put(created.getId(), amount);
          }
          Loan after = lender.loan(id);
          List<Transaction> history = lender.history(loan);
          Transaction last = history.get(history.size() - 1);
          assertThat(after.getLastTransaction()).isEqualTo(last.getId());
          assertThat(last.getResultOutstandingBalance())
              .isEqualTo(outstanding(after).toPlainString());
          assertThat(last.getResultLoanStatus()).isEqualTo(after.getStatus());
        }
      }
      checkInvariants(lender.loan(id));
    }
    writeOffKeepsTheLedgerConsistent(lender.loan(id));
  }

  /**
   * The terminal step of every sequence: the loan, in whatever state the steps left it, is written
   * off; what it owed moves to loss, its balances stay, and its ledger still checks.
   */
  private static void writeOffKeepsTheLedgerConsistent(Loan last) {
    Loan closed = lender.writeOff(last);
    Statistics.collect("write-off", outstanding(last).signum() > 0);
    assertThat(closed.getStatus()).isEqualTo("closed");
    assertThat(closed.getWrittenOffAmount()).isEqualTo(outstanding(last).toPlainString());
    assertThat(closed.getPrincipal()).isEqualTo(last.getPrincipal());
    assertThat(closed.getInterest()).isEqualTo(last.getInterest());
    assertThat(closed.getFee()).isEqualTo(last.getFee());
    checkInvariants(closed);
  }

  /**
   * Runs a request the model expects to succeed or to be refused; a refusal must be
   * FAILED_PRECONDITION and leave the loan as it was. Returns the transaction, or null if refused.
   */
  private static Transaction attempt(Supplier<Transaction> call, boolean expected, Loan prior) {
    try {
      Transaction result = call.get();
      assertThat(expected).as("the model expected a refusal, got %s", result).isTrue();
      return result;
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode())
          .as(e.getStatus().toString())
          .isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(expected).as("the model expected success: %s", e.getStatus()).isFalse();
      assertThat(lender.loan(prior.getId())).isEqualTo(prior);
      return null;
    }
  }

  private static void checkInvariants(Loan loan) {
    lender.assertLedgerConsistent(loan);
    for (String[] pair :
        List.of(
            new String[] {loan.getPrincipal(), loan.getPendingPrincipal()},
            new String[] {loan.getInterest(), loan.getPendingInterest()},
            new String[] {loan.getFee(), loan.getPendingFee()})) {
      BigDecimal balance = new BigDecimal(pair[0]);
      BigDecimal pending = new BigDecimal(pair[1]);
      assertThat(balance.signum()).isGreaterThanOrEqualTo(0);
      assertThat(pending.signum()).isGreaterThanOrEqualTo(0);
      assertThat(pending).isLessThanOrEqualTo(balance);
    }
    boolean nothingOwed = outstanding(loan).signum() == 0;
    if (loan.getStatus().equals("approved")) {
      assertThat(nothingOwed).isTrue();
    }
    if (loan.getStatus().equals("paid_off")) {
      assertThat(nothingOwed).isTrue();
    }
  }

  private static BigDecimal outstanding(Loan loan) {
    return new BigDecimal(loan.getPrincipal())
        .add(new BigDecimal(loan.getInterest()))
        .add(new BigDecimal(loan.getFee()));
  }

  private static Loan withoutUpdated(Loan loan) {
    return loan.toBuilder().clearUpdated().build();
  }
}
