package dev.furrow.core.billing;

import static dev.furrow.core.billing.BillingFixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.telematics.v1.GetUsageSeriesRequest;
import dev.furrow.proto.telematics.v1.UsageBucket;
import dev.furrow.proto.telematics.v1.UsagePeriod;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageSeries;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Machine usage per contract: the usage billed to a contract, per ISO week of the work, next to the
 * tractor's own series, which also holds what was never billed to the contract.
 */
class ContractUsageSeriesTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  void contractSeriesHoldsTheUsageBilledToItIncludingLateUsageInItsOwnWeek() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("45000.00", "2018-03-05"));
    // Before the loan starts: recorded for the tractor, unbilled, not the contract's.
    lender.record(usage(contract.tractorId(), "before", "2018-03-01T08:00:00Z", "4.0000"));
    // 2018-W10 (2018-03-05 .. 03-11), issued, then late usage of W10 and W11 usage.
    lender.record(usage(contract.tractorId(), "w10", "2018-03-06T08:00:00Z", "2.5000"));
    lender.runCycle("2018-03-12");
    lender.record(usage(contract.tractorId(), "w11", "2018-03-13T08:00:00Z", "1.2500"));
    lender.record(usage(contract.tractorId(), "w10-late", "2018-03-10T08:00:00Z", "0.7500"));

    UsageSeries byContract =
        series(lender, request().setContractId(contract.id()).build(), lender.paygKey);
    assertThat(byContract.getContractId()).isEqualTo(contract.id());
    assertThat(byContract.getTractorId()).isEqualTo(contract.tractorId());
    assertThat(byContract.getBucketsList())
        .extracting(UsageBucket::getIsoWeek, UsageBucket::getReportCount, UsageBucket::getHectares)
        .containsExactly(
            tuple("2018-W09", 0L, "0.00"),
            tuple("2018-W10", 2L, "3.25"),
            tuple("2018-W11", 1L, "1.25"));

    UsageSeries byTractor =
        series(lender, request().setTractorId(contract.tractorId()).build(), lender.paygKey);
    assertThat(byTractor.getBucketsList())
        .extracting(UsageBucket::getIsoWeek, UsageBucket::getReportCount, UsageBucket::getHectares)
        .containsExactly(
            tuple("2018-W09", 1L, "4.00"),
            tuple("2018-W10", 2L, "3.25"),
            tuple("2018-W11", 1L, "1.25"));
  }

  @Test
  void aContractOfAFundingSourceThePartnerIsNotEntitledToIsNotFound() {
    BillingFixtures lender = BillingFixtures.newLender(core);
    BillingFixtures.Contract contract =
        lender.contract(BillingFixtures.Terms.of("45000.00", "2018-03-05"));
    BillingFixtures stranger = BillingFixtures.newLender(core);

    assertThatThrownBy(
            () -> series(lender, request().setContractId(contract.id()).build(), stranger.paygKey))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo("Not found.");
            });
  }

  private static GetUsageSeriesRequest.Builder request() {
    return GetUsageSeriesRequest.newBuilder()
        .setPeriod(UsagePeriod.USAGE_PERIOD_ISO_WEEK)
        .setFromDate("2018-02-26")
        .setToDate("2018-03-18")
        .setTimeZone("UTC");
  }

  private static UsageSeries series(
      BillingFixtures lender, GetUsageSeriesRequest request, String paygKey) {
    return lender
        .core
        .withApiKey(UsageQueryServiceGrpc.newBlockingStub(lender.core.channel()), paygKey)
        .getUsageSeries(request);
  }
}
