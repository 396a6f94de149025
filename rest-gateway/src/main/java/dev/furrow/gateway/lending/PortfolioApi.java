package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfExceptionHandler;
import dev.furrow.proto.lending.v1.GetPortfolioAtRiskRequest;
import dev.furrow.proto.lending.v1.PortfolioServiceGrpc;
import dev.furrow.proto.lending.v1.PortfolioServiceGrpc.PortfolioServiceFutureStub;
import io.grpc.Channel;

/**
 * The caller's portfolio at risk, {@value #PATH}, over the core's {@code PortfolioService} (an
 * addition to the reference, docs/close-of-business.md): PAR1, PAR30 and PAR90 of its running loans
 * per currency and per product, as of the last close of business. Read only; a loan's own
 * delinquency is {@code loans/loan/{id}/delinquency/} ({@link LoansApi}).
 */
@ExceptionHandler(DrfExceptionHandler.class)
public final class PortfolioApi {

  static final String PATH = "/api/v1/portfolio/at-risk/";

  private final PortfolioServiceFutureStub portfolio;

  /** The endpoint, calling the core behind the given channel. */
  public PortfolioApi(Channel core) {
    this.portfolio = PortfolioServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** The caller's PAR figures; query parameters are ignored. */
  @Get(PATH)
  public HttpResponse atRisk(ServiceRequestContext ctx) {
    return CoreReplies.json(
        CoreCalls.forRequest(portfolio, ctx)
            .getPortfolioAtRisk(GetPortfolioAtRiskRequest.getDefaultInstance()),
        HttpStatus.OK,
        LendingJson.PORTFOLIO_AT_RISK_WRITER::write,
        null);
  }
}
