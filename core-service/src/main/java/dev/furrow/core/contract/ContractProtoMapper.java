package dev.furrow.core.contract;

import dev.furrow.core.fx.FxRate;
import dev.furrow.core.fx.UsdSnapshot;
import dev.furrow.core.platform.grpc.ProtoTime;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Contract and FX rate messages from their domain values. */
final class ContractProtoMapper {
  private ContractProtoMapper() {}

  static dev.furrow.proto.payg.v1.Contract toProto(Contract c, UsdSnapshot usd) {
    return dev.furrow.proto.payg.v1.Contract.newBuilder()
        .setId(c.id())
        .setLoanId(c.loanId())
        .setName(c.name())
        .setLoaner(c.loaner())
        .setFundingSource(c.fundingSource())
        .setTractorId(c.tractorId())
        .setStatus(c.status().name())
        .setEquipmentCost(money(c.equipmentCost()))
        .setPrincipalAmount(money(c.principalAmount()))
        .setRemainingContractValue(money(c.remainingContractValue()))
        .setTotalRepaymentAmount(money(c.totalRepaymentAmount()))
        .setCurrency(c.currency())
        .setLoanStartDate(c.loanStartDate().toString())
        .setLoanEndDate(c.loanEndDate().toString())
        .setUsdSnapshot(usd.usd() == null ? "" : money(usd.usd()))
        .setUsdSnapshotUnavailable(usd.unavailable() == null ? "" : usd.unavailable())
        .setRepaymentPerHectare(money(c.repaymentPerHectare()))
        .setCreatedAt(ProtoTime.toProto(c.createdAt()))
        .setTimeZone(c.timeZone())
        .setMinimumWeeklyPayment(money(c.minimumWeeklyPayment()))
        .setCreditBalance(money(c.creditBalance()))
        .setLoanAccountId(c.loanAccountId().toString())
        .build();
  }

  static dev.furrow.proto.payg.v1.FxRate toProto(FxRate rate) {
    return dev.furrow.proto.payg.v1.FxRate.newBuilder()
        .setCurrency(rate.currency())
        .setUnitsPerUsd(
            rate.unitsPerUsd().stripTrailingZeros().scale() < 2
                ? rate.unitsPerUsd().setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : rate.unitsPerUsd().stripTrailingZeros().toPlainString())
        .setEffectiveFrom(ProtoTime.toProto(rate.effectiveFrom()))
        .build();
  }

  /** Money with exactly two decimals, as the LMS API shows it. */
  static String money(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
