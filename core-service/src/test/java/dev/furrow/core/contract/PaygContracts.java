package dev.furrow.core.contract;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc.ContractAdminServiceBlockingStub;
import dev.furrow.proto.payg.v1.ContractServiceGrpc;
import dev.furrow.proto.payg.v1.ContractServiceGrpc.ContractServiceBlockingStub;
import dev.furrow.proto.payg.v1.CreateContractRequest;
import dev.furrow.proto.payg.v1.GrantFundingSourceRequest;
import dev.furrow.proto.payg.v1.UpsertFundingSourceRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import java.util.concurrent.atomic.AtomicInteger;

/** A test core's PAYG contract world: an owner (lender of record), funding sources, readers. */
final class PaygContracts {
  private static final AtomicInteger TRACTORS = new AtomicInteger();

  final CoreHarness core;
  final long ownerId;
  final ContractAdminServiceBlockingStub admin;

  PaygContracts(CoreHarness core) {
    this.core = core;
    this.ownerId = core.newPartner("owner", ApiFace.API_FACE_LENDING).partnerId();
    this.admin = core.asOperator(ContractAdminServiceGrpc.newBlockingStub(core.channel()));
  }

  void fundingSource(String code, String name) {
    admin.upsertFundingSource(
        UpsertFundingSourceRequest.newBuilder().setCode(code).setName(name).build());
  }

  /** A PAYG reader entitled to {@code sources}. */
  ContractServiceBlockingStub reader(String... sources) {
    CoreHarness.PartnerKey key = core.newPartner("reader", ApiFace.API_FACE_PAYG);
    for (String source : sources) {
      admin.grantFundingSource(
          GrantFundingSourceRequest.newBuilder()
              .setPartnerId(key.partnerId())
              .setFundingSource(source)
              .build());
    }
    return core.withApiKey(ContractServiceGrpc.newBlockingStub(core.channel()), key.key());
  }

  /** A tractor registered for the owner. */
  String tractor() {
    String id = "TR-" + TRACTORS.incrementAndGet();
    core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()))
        .registerTractor(
            RegisterTractorRequest.newBuilder().setTractorId(id).setPartnerId(ownerId).build());
    return id;
  }

  /**
   * A valid request on a new tractor: 1,500,000.00 cost, 300,000.00 down, 2,000,000.00 to repay.
   */
  CreateContractRequest.Builder request(String loanId) {
    return CreateContractRequest.newBuilder()
        .setOwnerPartnerId(ownerId)
        .setLoanId(loanId)
        .setName("Operator " + loanId)
        .setLoaner("Amina Okafor")
        .setFundingSource("boa")
        .setTractorId(tractor())
        .setEquipmentCost("1500000")
        .setPrincipalAmount("300000.00")
        .setTotalRepaymentAmount("2000000.00")
        .setRepaymentPerHectare("45000.00")
        .setCurrency("NGN")
        .setLoanStartDate("2025-01-15")
        .setLoanEndDate("2027-01-15");
  }

  Contract create(CreateContractRequest.Builder request) {
    return admin.createContract(request.build());
  }
}
