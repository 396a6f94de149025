package dev.furrow.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.telematics.RecordedUsageHook;
import dev.furrow.core.telematics.UsageDelivery;
import dev.furrow.core.telematics.UsageOutcome;
import dev.furrow.core.telematics.UsagePolicy;
import dev.furrow.core.telematics.UsageRecorder;
import dev.furrow.core.telematics.UsageReport;
import dev.furrow.core.telematics.UsageRepository;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Usage recorded while the billing cycle issues the same week: whichever transaction takes the
 * period's row lock first, the hectares are billed exactly once, and an issued period never
 * changes. Likewise a redelivery recorded while the first delivery is still uncommitted: it is a
 * duplicate and bills nothing. Each test holds one side's transaction open (through its hook) until
 * the other side is seen waiting on the lock, then lets it commit.
 */
class UsageIssueRaceTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  void usageArrivingWhileTheWeekIsBeingIssuedBecomesAnAdjustment() throws Exception {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("100.00", "2012-01-01"));
    // 2012-W19: 2012-05-07 .. 2012-05-13; W20 already has a draft.
    lender.record(
        BillingFixtures.usage(contract.tractorId(), "first", "2012-05-08T08:00:00Z", "2.0000"),
        BillingFixtures.usage(contract.tractorId(), "next", "2012-05-15T08:00:00Z", "1.0000"));
    Jdbi jdbi = core.server().jdbi();
    BillingPolicy policy = new BillingPolicy();
    UsageRecorder recorder =
        recorder(jdbi, new UsageBilling(new BillingRepository(jdbi), policy, Clock.systemUTC()));

    CompletableFuture<List<UsageOutcome>> racing = new CompletableFuture<>();
    BillingCycle cycle =
        new BillingCycle(
            new BillingRepository(jdbi),
            policy,
            (h, contractId, businessDate) -> {
              // The draft is issued but not committed: usage for its week now arrives.
              CompletableFuture.runAsync(
                  () ->
                      racing.complete(
                          recorder.record(
                              List.of(
                                  delivery(
                                      contract, "racing", "2012-05-10T08:00:00Z", "0.5000")))));
              awaitLockWaiter(jdbi);
              return false;
            });
    cycle.run(LocalDate.parse("2012-05-14"));

    assertThat(racing.get(10, TimeUnit.SECONDS)).containsExactly(UsageOutcome.RECORDED);
    BillingPeriod w19 = lender.period(contract, "2012-05-07");
    assertThat(w19.getStatus()).isEqualTo("issued");
    assertThat(w19.getHectares()).isEqualTo("2.0000");
    assertThat(w19.getAmountDue()).isEqualTo("200.00");
    assertThat(lender.invoice(w19.getInvoice()).getAmountDue()).isEqualTo("200.00");
    BillingPeriod w20 = lender.period(contract, "2012-05-14");
    assertThat(w20.getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getSourceWeekStart, BillingLine::getHectares)
        .containsExactly(
            tuple("usage", "2012-05-14", "1.0000"), tuple("adjustment", "2012-05-07", "0.5000"));
    assertThat(w20.getAmountDue()).isEqualTo("150.00");
  }

  @Test
  void issueWaitingForUsageInFlightBillsThatUsageInTheWeek() throws Exception {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("100.00", "2011-01-01"));
    // 2011-W19: 2011-05-09 .. 2011-05-15.
    lender.record(
        BillingFixtures.usage(contract.tractorId(), "first", "2011-05-10T08:00:00Z", "2.0000"));
    Jdbi jdbi = core.server().jdbi();
    BillingPolicy policy = new BillingPolicy();
    BillingCycle cycle =
        new BillingCycle(new BillingRepository(jdbi), policy, ContractStatusRefresh.NONE);
    UsageBilling billing = new UsageBilling(new BillingRepository(jdbi), policy, Clock.systemUTC());
    CompletableFuture<BillingCycle.Result> issuing = new CompletableFuture<>();
    UsageRecorder recorder =
        recorder(
            jdbi,
            billingThen(
                billing,
                () -> {
                  // The usage holds the draft's lock, uncommitted: the cycle now tries to issue it.
                  CompletableFuture.runAsync(
                      () -> issuing.complete(cycle.run(LocalDate.parse("2011-05-16"))));
                  awaitLockWaiter(jdbi);
                }));

    assertThat(
            recorder.record(
                List.of(delivery(contract, "in-flight", "2011-05-14T08:00:00Z", "0.7500"))))
        .containsExactly(UsageOutcome.RECORDED);

    assertThat(issuing.get(10, TimeUnit.SECONDS).periodsIssued()).isEqualTo(1);
    BillingPeriod w19 = lender.period(contract, "2011-05-09");
    assertThat(w19.getStatus()).isEqualTo("issued");
    assertThat(w19.getHectares()).isEqualTo("2.7500");
    assertThat(w19.getAmountDue()).isEqualTo("275.00");
    assertThat(lender.invoice(w19.getInvoice()).getAmountDue()).isEqualTo("275.00");
  }

  @Test
  void aRedeliveryRacingTheFirstDeliveryIsADuplicateBilledNowhere() throws Exception {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("100.00", "2013-01-01"));
    // 2013-W19: 2013-05-06 .. 2013-05-12, no period yet.
    Jdbi jdbi = core.server().jdbi();
    UsageBilling billing =
        new UsageBilling(new BillingRepository(jdbi), new BillingPolicy(), Clock.systemUTC());
    UsageRecorder redelivery = recorder(jdbi, billing);
    CompletableFuture<List<UsageOutcome>> redelivered = new CompletableFuture<>();
    UsageRecorder first =
        recorder(
            jdbi,
            billingThen(
                billing,
                () -> {
                  // The first delivery is recorded and billed, uncommitted: its copy arrives.
                  CompletableFuture.runAsync(
                      () ->
                          redelivered.complete(
                              redelivery.record(
                                  List.of(
                                      delivery(
                                          contract, "twice", "2013-05-07T08:00:00Z", "1.2500")))));
                  awaitLockWaiter(jdbi);
                }));

    assertThat(first.record(List.of(delivery(contract, "twice", "2013-05-07T08:00:00Z", "1.2500"))))
        .containsExactly(UsageOutcome.RECORDED);

    assertThat(redelivered.get(10, TimeUnit.SECONDS)).containsExactly(UsageOutcome.DUPLICATE);
    BillingPeriod w19 = lender.period(contract, "2013-05-06");
    assertThat(w19.getHectares()).isEqualTo("1.2500");
    assertThat(w19.getAdjustmentHectares()).isEqualTo("0.0000");
    assertThat(w19.getLinesList())
        .extracting(BillingLine::getKind, BillingLine::getSourceWeekStart, BillingLine::getHectares)
        .containsExactly(tuple("usage", "2013-05-06", "1.2500"));
    assertThat(lender.periods(contract)).hasSize(1);
    long billedRows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM usage_event WHERE tractor_id = :t"
                            + " AND billing_state = 'billed' AND billing_period_id = :p")
                    .bind("t", contract.tractorId())
                    .bind("p", w19.getId())
                    .mapTo(Long.class)
                    .one());
    assertThat(billedRows).isEqualTo(1L);
  }

  /**
   * A hook that bills like {@code billing} and then, with the batch's usage and billing written but
   * not committed, runs {@code whileOpen}.
   */
  private static RecordedUsageHook billingThen(UsageBilling billing, Runnable whileOpen) {
    return (h, reports) -> {
      RecordedUsageHook.Plan plan = billing.plan(h, reports);
      return new RecordedUsageHook.Plan() {
        @Override
        public Optional<RecordedUsageHook.BilledTo> target(UsageReport report) {
          return plan.target(report);
        }

        @Override
        public void recorded(Handle handle, List<UsageReport> recorded) {
          plan.recorded(handle, recorded);
          whileOpen.run();
        }
      };
    };
  }

  private static UsageRecorder recorder(Jdbi jdbi, RecordedUsageHook hook) {
    return new UsageRecorder(new UsageRepository(jdbi), new UsagePolicy(Clock.systemUTC()), hook);
  }

  private static UsageDelivery delivery(
      BillingFixtures.Contract contract, String messageId, String start, String hectares) {
    Instant at = Instant.parse(start);
    UsageReport report =
        new UsageReport(
            1,
            contract.tractorId(),
            messageId,
            at,
            at.plusSeconds(3600),
            new BigDecimal(hectares),
            null,
            null,
            null);
    return new UsageDelivery(
        "furrow/v1/tractors/" + contract.tractorId() + "/usage",
        messageId.getBytes(StandardCharsets.UTF_8),
        "application/json",
        report,
        null);
  }

  /** Waits until some session of this database is blocked on a row lock. */
  private static void awaitLockWaiter(Jdbi jdbi) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      boolean waiting =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
                              + " WHERE datname = current_database() AND wait_event_type = 'Lock')")
                      .mapTo(Boolean.class)
                      .one());
      if (waiting) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the other transaction never waited for the lock");
  }
}
