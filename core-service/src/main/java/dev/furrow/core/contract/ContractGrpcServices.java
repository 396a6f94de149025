package dev.furrow.core.contract;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.fx.FxRate;
import dev.furrow.core.fx.FxRates;
import dev.furrow.core.fx.UsdSnapshot;
import dev.furrow.core.payg.PaygLists;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractServiceGrpc;
import dev.furrow.proto.payg.v1.CreateContractRequest;
import dev.furrow.proto.payg.v1.FundingSource;
import dev.furrow.proto.payg.v1.GetContractRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceResponse;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.ListContractsResponse;
import dev.furrow.proto.payg.v1.ListFxRatesRequest;
import dev.furrow.proto.payg.v1.ListFxRatesResponse;
import dev.furrow.proto.payg.v1.SetFxRateRequest;
import dev.furrow.proto.payg.v1.UpsertFundingSourceRequest;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The gRPC edges of contracts: the partner's reads and the operator's administration. */
public final class ContractGrpcServices {
  private ContractGrpcServices() {}

  /** The PAYG partner's contract reads; the caller's key is resolved by PartnerKeyInterceptor. */
  public static final class Reads extends ContractServiceGrpc.ContractServiceImplBase {
    private final ContractDesk desk;
    private final FxRates fx;

    public Reads(ContractDesk desk, FxRates fx) {
      this.desk = desk;
      this.fx = fx;
    }

    @Override
    public void listContracts(
        ListContractsRequest request, StreamObserver<ListContractsResponse> response) {
      PaygQuery query = PaygLists.compile(ContractRepository.LIST, request.getQuery());
      PartnerPage<Contract> page = desk.list(Caller.partnerId(), query);
      Instant at = fx.now();
      Set<String> currencies =
          page.results().stream().map(Contract::currency).collect(Collectors.toSet());
      Map<String, FxRate> rates = fx.inForce(currencies, at);
      ListContractsResponse.Builder out =
          ListContractsResponse.newBuilder().setPage(PaygLists.page(query, page.count()));
      for (Contract c : page.results()) {
        out.addResults(ContractProtoMapper.toProto(c, snapshot(c, rates, at)));
      }
      reply(response, out.build());
    }

    @Override
    public void getContract(
        GetContractRequest request, StreamObserver<dev.furrow.proto.payg.v1.Contract> response) {
      Contract c = desk.get(Caller.partnerId(), request.getId());
      Instant at = fx.now();
      reply(
          response,
          ContractProtoMapper.toProto(c, snapshot(c, fx.inForce(Set.of(c.currency()), at), at)));
    }

    private static UsdSnapshot snapshot(Contract c, Map<String, FxRate> rates, Instant at) {
      return UsdSnapshot.of(c.remainingContractValue(), c.currency(), rates.get(c.currency()), at);
    }
  }

  /** The operator's funding sources, entitlements, contract opening and FX rates. */
  public static final class Admin extends ContractAdminServiceGrpc.ContractAdminServiceImplBase {
    private final ContractDesk desk;
    private final FxRates fx;

    public Admin(ContractDesk desk, FxRates fx) {
      this.desk = desk;
      this.fx = fx;
    }

    @Override
    public void upsertFundingSource(
        UpsertFundingSourceRequest request, StreamObserver<FundingSource> response) {
      desk.upsertFundingSource(request.getCode(), request.getName());
      reply(
          response,
          FundingSource.newBuilder()
              .setCode(request.getCode().strip())
              .setName(request.getName().strip())
              .build());
    }

    @Override
    public void grantFundingSource(
        GrantFundingSourceRequest request, StreamObserver<GrantFundingSourceResponse> response) {
      desk.grant(request.getPartnerId(), request.getFundingSource());
      reply(response, GrantFundingSourceResponse.getDefaultInstance());
    }

    @Override
    public void createContract(
        CreateContractRequest r, StreamObserver<dev.furrow.proto.payg.v1.Contract> response) {
      Contract c =
          desk.create(
              new ContractInput(
                  r.getOwnerPartnerId(),
                  r.getLoanId(),
                  r.getName(),
                  r.getLoaner(),
                  r.getFundingSource(),
                  r.getTractorId(),
                  r.getEquipmentCost(),
                  r.getPrincipalAmount(),
                  r.getTotalRepaymentAmount(),
                  r.getRepaymentPerHectare(),
                  r.getMinimumWeeklyPayment(),
                  r.getCurrency(),
                  r.getLoanStartDate(),
                  r.getLoanEndDate(),
                  r.getTimeZone(),
                  r.hasInvoiceDueDays() ? r.getInvoiceDueDays() : null,
                  r.hasDelinquencyToleranceDays() ? r.getDelinquencyToleranceDays() : null));
      Instant at = fx.now();
      FxRate rate = fx.inForce(Set.of(c.currency()), at).get(c.currency());
      reply(
          response,
          ContractProtoMapper.toProto(
              c, UsdSnapshot.of(c.remainingContractValue(), c.currency(), rate, at)));
    }

    @Override
    public void setFxRate(
        SetFxRateRequest request, StreamObserver<dev.furrow.proto.payg.v1.FxRate> response) {
      FxRate rate =
          fx.set(
              request.getCurrency(),
              request.getUnitsPerUsd(),
              request.hasEffectiveFrom() ? ProtoTime.fromProto(request.getEffectiveFrom()) : null);
      reply(response, ContractProtoMapper.toProto(rate));
    }

    @Override
    public void listFxRates(
        ListFxRatesRequest request, StreamObserver<ListFxRatesResponse> response) {
      ListFxRatesResponse.Builder out = ListFxRatesResponse.newBuilder();
      fx.list(request.getCurrency()).forEach(r -> out.addRates(ContractProtoMapper.toProto(r)));
      reply(response, out.build());
    }
  }
}
