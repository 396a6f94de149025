package dev.furrow.gateway.payg;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Path;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.proto.payg.v1.ContractServiceGrpc;
import dev.furrow.proto.payg.v1.ContractServiceGrpc.ContractServiceFutureStub;
import dev.furrow.proto.payg.v1.GetContractRequest;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.ListContractsResponse;
import io.grpc.Channel;

/**
 * Loan contracts, {@code /payg/lms/contracts} (with or without a trailing slash), over the core's
 * {@code ContractService}.
 */
public final class ContractsApi {

  static final String PATH = "/payg/lms/contracts";

  private final ContractServiceFutureStub contracts;

  /** The endpoints, calling the core behind the given channel. */
  public ContractsApi(Channel core) {
    this.contracts = ContractServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** The caller's contracts: filtered, searched, ordered and paged as the query says. */
  @Get
  @Path(PATH)
  @Path(PATH + "/")
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListContractsRequest request =
        ListContractsRequest.newBuilder()
            .setQuery(PaygListParams.CONTRACTS.toQuery(ctx.queryParams()))
            .build();
    return PaygReplies.page(
        ctx,
        CoreCalls.forRequest(contracts, ctx).listContracts(request),
        ListContractsResponse::getPage,
        ListContractsResponse::getResultsList,
        PaygJson::contract);
  }

  /** One of the caller's contracts by its integer id. */
  @Get
  @Path(PATH + "/{id}")
  @Path(PATH + "/{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return PaygReplies.ok(
        CoreCalls.forRequest(contracts, ctx)
            .getContract(GetContractRequest.newBuilder().setId(id).build()),
        PaygJson::contract);
  }
}
