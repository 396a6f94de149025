package dev.furrow.core.schedule;

import static dev.furrow.core.LoanOpening.fee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.Transaction;
import io.grpc.StatusRuntimeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of repayments (alone and in concurrent bursts that post as one batch), fees,
 * further disbursements and reverts on a loan disbursed some months ago, posted through the real
 * path: after every step a full rewrite of the schedule from the loan's applied transactions must
 * change nothing, so the rows a repayment paid into directly are exactly those the rewrite gives.
 */
class ScheduleFastPathPropertyTest {
  private static final CoreHarness core = new CoreHarness();

  private static Borrowing lender;
  private static Product fromLast;
  private static Product reduced;
  private static ExecutorService pool;

  @BeforeContainer
  static void startCore() {
    core.beforeAll(null);
    lender = Borrowing.newPartner(core, "fastpath");
    fromLast =
        lender.product("from_last_instalment", fee("Processing", "flat", "300", "disbursement"));
    reduced =
        lender.product("reduced_instalments", fee("Processing", "percent", "1.25", "disbursement"));
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterContainer
  static void stopCore() {
    pool.shutdownNow();
    core.afterAll(null);
  }

  /** One step of a sequence. */
  sealed interface Step permits Repay, Burst, Charge, Disburse, Revert {}

  /** Repays this many thousandths of what is due and current (above 1000 repays early). */
  record Repay(int permille) implements Step {}

  /** Repays these thousandths of what is due and current, all at once from several threads. */
  record Burst(List<Integer> permilles) implements Step {}

  record Charge(long cents) implements Step {}

  record Disburse(long cents) implements Step {}

  /** Reverts the transaction at this index of those posted (modulo their number). */
  record Revert(int index) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Integer> permille =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(1, 1000)),
            Tuple.of(1, Arbitraries.integers().between(1000, 3000)));
    Arbitrary<Step> step =
        Arbitraries.frequencyOf(
            Tuple.of(8, permille.map(Repay::new)),
            Tuple.of(
                3,
                Arbitraries.integers()
                    .between(1, 400)
                    .list()
                    .ofMinSize(2)
                    .ofMaxSize(5)
                    .map(Burst::new)),
            Tuple.of(1, Arbitraries.longs().between(1, 50_000).map(Charge::new)),
            Tuple.of(1, Arbitraries.longs().between(1, 20_000_00).map(Disburse::new)),
            Tuple.of(1, Arbitraries.integers().between(0, 40).map(Revert::new)));
    return step.list().ofMinSize(4).ofMaxSize(14);
  }

  @Property(tries = 25)
  void repaymentsPaidIntoTheStoredScheduleEqualAFullRewrite(
      @ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 0, max = 14) int monthsAgo,
      @ForAll boolean reducing) {
    Loan loan = lender.openLoan(reducing ? reduced : fromLast, "50000");
    UUID id = UUID.fromString(loan.getId());
    List<Transaction> posted = new ArrayList<>();
    posted.add(lender.post(loan, "disbursement", "12000.00"));
    backdate(id, monthsAgo);
    assertRewriteChangesNothing(id);

    for (Step step : steps) {
      if (step instanceof Repay r) {
        BigDecimal amount = share(id, r.permille());
        Statistics.collect("repay", fits(id, amount) ? "fits" : "early or beyond");
        attempt(() -> lender.post(loan, "repayment", amount.toPlainString()), posted);
      } else if (step instanceof Burst b) {
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int p : b.permilles()) {
          BigDecimal amount = share(id, p);
          calls.add(
              CompletableFuture.runAsync(
                  () ->
                      attempt(() -> lender.post(loan, "repayment", amount.toPlainString()), posted),
                  pool));
        }
        calls.forEach(CompletableFuture::join);
        Statistics.collect("burst", b.permilles().size());
      } else if (step instanceof Charge c) {
        attempt(
            () -> lender.flatFee(loan, BigDecimal.valueOf(c.cents(), 2).toPlainString()), posted);
      } else if (step instanceof Disburse d) {
        attempt(
            () ->
                lender.post(loan, "disbursement", BigDecimal.valueOf(d.cents(), 2).toPlainString()),
            posted);
      } else if (step instanceof Revert v) {
        Transaction target = posted.get(v.index() % posted.size());
        try {
          lender.revert(target);
        } catch (StatusRuntimeException refused) {
          // already reverted, or a revert the loan does not take: nothing changed
        }
      }
      assertRewriteChangesNothing(id);
    }
  }

  @Example
  void aRepaymentThatFitsPaysTheStoredRowsWithoutRecomputingThem() {
    Loan loan = lender.openLoan(fromLast, "1200");
    UUID id = UUID.fromString(loan.getId());
    lender.post(loan, "disbursement", "1200.00");
    tamperLastDueDate(id);
    List<String> tampered = rows(id);

    // #1 asks 300.00 processing fee, 11.84 interest and 100.00 principal: 350.00 fits in it.
    lender.post(loan, "repayment", "350.00");

    List<String> after = rows(id);
    assertThat(after.get(11)).isEqualTo(tampered.get(11));
    assertThat(after.get(0)).contains(" 100.00 11.84 300.00 38.16 11.84 300.00 partially_paid ");
  }

  @Example
  void anEarlyRepaymentRecomputesTheSchedule() {
    Loan loan = lender.openLoan(fromLast, "1200");
    UUID id = UUID.fromString(loan.getId());
    lender.post(loan, "disbursement", "1200.00");
    List<String> generated = rows(id);
    tamperLastDueDate(id);

    lender.post(loan, "repayment", "600.00");

    assertThat(rows(id).get(10)).startsWith(generated.get(10).substring(0, 14));
    assertThat(rows(id)).hasSizeLessThan(12);
    assertRewriteChangesNothing(id);
  }

  @Example
  void aRepaymentAfterTheBorrowersHolidaysChangedRecomputesTheSchedule() {
    Loan loan = lender.openLoan(fromLast, "1200");
    UUID id = UUID.fromString(loan.getId());
    lender.post(loan, "disbursement", "1200.00");
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE end_user SET country = 'KE' WHERE id ="
                            + " (SELECT end_user_id FROM loan WHERE id = :loan)")
                    .bind("loan", id)
                    .execute());
    List<String> generated = rows(id);
    tamperLastDueDate(id);
    new ScheduleRepository(core.server().jdbi()).replaceHolidays("KE", 2030, List.of());

    lender.post(loan, "repayment", "350.00");

    assertThat(rows(id).get(11)).startsWith(generated.get(11).substring(0, 14));
    assertRewriteChangesNothing(id);
  }

  @Example
  void aRepaymentAfterTheBorrowersCountryChangedRecomputesTheSchedule() {
    Loan loan = lender.openLoan(fromLast, "1200");
    UUID id = UUID.fromString(loan.getId());
    lender.post(loan, "disbursement", "1200.00");
    List<String> generated = rows(id);
    tamperLastDueDate(id);
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE end_user SET country = 'GH' WHERE id ="
                            + " (SELECT end_user_id FROM loan WHERE id = :loan)")
                    .bind("loan", id)
                    .execute());

    lender.post(loan, "repayment", "350.00");

    assertThat(rows(id).get(11)).startsWith(generated.get(11).substring(0, 14));
    assertRewriteChangesNothing(id);
  }

  /** Moves the last instalment's stored due date a day on, as no rewrite would. */
  private static void tamperLastDueDate(UUID loan) {
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE loan_instalment SET due_date = due_date + 1"
                            + " WHERE loan_id = :loan AND number = 12")
                    .bind("loan", loan)
                    .execute());
  }

  private static void attempt(
      java.util.function.Supplier<Transaction> call, List<Transaction> posted) {
    try {
      Transaction t = call.get();
      synchronized (posted) {
        posted.add(t);
      }
    } catch (StatusRuntimeException refused) {
      // more than the loan owes, or a disbursement beyond the approved amount: nothing posted
    }
  }

  /** Moves the loan's transactions back by whole months and rewrites its schedule as of today. */
  private static void backdate(UUID loan, int months) {
    core.server()
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      "UPDATE loan_transaction SET created_at = created_at - make_interval(months"
                          + " => :months) WHERE loan_id = :loan")
                  .bind("months", months)
                  .bind("loan", loan)
                  .execute();
              new ScheduleRepository(core.server().jdbi()).rewrite(h, loan, Instant.now());
            });
  }

  /** Thousandths of the fees and of the interest and principal due or current, at least 0.01. */
  private static BigDecimal share(UUID loan, int permille) {
    return payable(loan)
        .multiply(BigDecimal.valueOf(permille))
        .divide(BigDecimal.valueOf(1000), 2, RoundingMode.DOWN)
        .max(new BigDecimal("0.01"));
  }

  private static boolean fits(UUID loan, BigDecimal amount) {
    return amount.compareTo(payable(loan)) <= 0;
  }

  /** Unpaid fees, plus unpaid interest and principal up to the current instalment. */
  private static BigDecimal payable(UUID loan) {
    LocalDate today = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate();
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT coalesce(sum(fee - paid_fee), 0) + coalesce(sum(interest"
                            + " - paid_interest + principal - paid_principal) FILTER (WHERE"
                            + " number <= coalesce((SELECT min(number) FROM loan_instalment"
                            + " WHERE loan_id = :loan AND due_date > :today), 1000000)), 0)"
                            + " FROM loan_instalment WHERE loan_id = :loan")
                    .bind("loan", loan)
                    .bind("today", today)
                    .mapTo(BigDecimal.class)
                    .one());
  }

  /** A full rewrite now writes no row (every stored row, its updated_at included, stays). */
  private static void assertRewriteChangesNothing(UUID loan) {
    List<String> before = rows(loan);
    core.server()
        .jdbi()
        .useTransaction(
            h -> new ScheduleRepository(core.server().jdbi()).rewrite(h, loan, Instant.now()));
    assertThat(rows(loan)).isEqualTo(before);
  }

  private static List<String> rows(UUID loan) {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT concat_ws(' ', number, due_date, principal, interest, fee,"
                            + " paid_principal, paid_interest, paid_fee, status, updated_at)"
                            + " FROM loan_instalment WHERE loan_id = :loan ORDER BY number")
                    .bind("loan", loan)
                    .mapTo(String.class)
                    .list());
  }
}
