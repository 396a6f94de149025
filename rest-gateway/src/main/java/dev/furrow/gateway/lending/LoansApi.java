package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Post;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfExceptionHandler;
import dev.furrow.gateway.drf.DrfPagination;
import dev.furrow.gateway.drf.ListQueryParams;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.GetLoanDelinquencyRequest;
import dev.furrow.proto.lending.v1.GetLoanRequest;
import dev.furrow.proto.lending.v1.GetLoanScheduleRequest;
import dev.furrow.proto.lending.v1.ListLoansRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.LoanServiceGrpc.LoanServiceFutureStub;
import dev.furrow.proto.lending.v1.MakeArrearsRequest;
import dev.furrow.proto.lending.v1.MakeDefaultRequest;
import dev.furrow.proto.lending.v1.PortfolioServiceGrpc;
import dev.furrow.proto.lending.v1.PortfolioServiceGrpc.PortfolioServiceFutureStub;
import dev.furrow.proto.lending.v1.ScheduleServiceGrpc;
import dev.furrow.proto.lending.v1.ScheduleServiceGrpc.ScheduleServiceFutureStub;
import dev.furrow.proto.lending.v1.StartInterestCalculationRequest;
import dev.furrow.proto.lending.v1.StopInterestCalculationRequest;
import io.grpc.Channel;

/**
 * Loan accounts, {@value #PATH}, over the core's {@code LoanService}. Loans are opened, read and
 * moved by actions only: PUT, PATCH and DELETE are 405. The actions answer 201, as the reference
 * documents; only {@code close/} reads a body.
 */
@ExceptionHandler(DrfExceptionHandler.class)
public final class LoansApi {

  static final String PATH = "/api/v1/loans/loan/";

  private final LoanServiceFutureStub loans;
  private final ScheduleServiceFutureStub schedules;
  private final PortfolioServiceFutureStub portfolio;

  /** The endpoints, calling the core behind the given channel. */
  public LoansApi(Channel core) {
    this.loans = LoanServiceGrpc.newFutureStub(requireNonNull(core, "core"));
    this.schedules = ScheduleServiceGrpc.newFutureStub(core);
    this.portfolio = PortfolioServiceGrpc.newFutureStub(core);
  }

  private LoanServiceFutureStub stub(ServiceRequestContext ctx) {
    return CoreCalls.forRequest(loans, ctx);
  }

  /** The caller's loans, filtered, sorted and paged as docs/filtering.md describes. */
  @Get(PATH)
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListLoansRequest request =
        ListLoansRequest.newBuilder().setQuery(ListQueryParams.from(ctx)).build();
    final DrfPagination links = DrfPagination.forRequest(ctx);
    return CoreReplies.json(
        stub(ctx).listLoans(request),
        HttpStatus.OK,
        page ->
            links.envelope(page.getPage(), LendingJson.LOAN_WRITER.writeAll(page.getResultsList())),
        null);
  }

  /** Opens a loan account for an accepted application: 201 with the loan. */
  @Post(PATH)
  public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    final LoanInput input = LendingJson.LOAN_READER.read(request.content()).input();
    return CoreReplies.json(
        stub(ctx).createLoan(CreateLoanRequest.newBuilder().setLoan(input).build()),
        HttpStatus.CREATED,
        LendingJson.LOAN_WRITER::write,
        input);
  }

  /** One of the caller's loans. */
  @Get(PATH + "{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return action(stub(ctx).getLoan(GetLoanRequest.newBuilder().setId(id).build()), HttpStatus.OK);
  }

  /**
   * The loan's repayment schedule (an addition to the reference, docs/schedules.md): its
   * instalments in due-date order, with what each asks for and what has been paid.
   */
  @Get(PATH + "{id}/schedule/")
  public HttpResponse schedule(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        CoreCalls.forRequest(schedules, ctx)
            .getLoanSchedule(GetLoanScheduleRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.SCHEDULE_WRITER::write,
        null);
  }

  /**
   * The loan's delinquency (an addition to the reference, docs/close-of-business.md): days past
   * due, ageing bucket and what is left of its overdue instalments, as of the last close of
   * business.
   */
  @Get(PATH + "{id}/delinquency/")
  public HttpResponse delinquency(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        CoreCalls.forRequest(portfolio, ctx)
            .getLoanDelinquency(GetLoanDelinquencyRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.LOAN_DELINQUENCY_WRITER::write,
        null);
  }

  /** Closes the loan as paid in full or written off; the body gives the reason and substatus. */
  @Post(PATH + "{id}/close/")
  public HttpResponse close(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    final CloseLoanRequest close =
        LendingJson.CLOSE_READER.read(request.content()).message().toBuilder().setId(id).build();
    return CoreReplies.json(
        stub(ctx).closeLoan(close), HttpStatus.CREATED, LendingJson.LOAN_WRITER::write, close);
  }

  /** Puts an active or late loan in arrears. */
  @Post(PATH + "{id}/make_arrears/")
  public HttpResponse makeArrears(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx).makeArrears(MakeArrearsRequest.newBuilder().setId(id).build()),
        HttpStatus.CREATED);
  }

  /** Puts an active, late or in-arrears loan in default. */
  @Post(PATH + "{id}/make_default/")
  public HttpResponse makeDefault(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx).makeDefault(MakeDefaultRequest.newBuilder().setId(id).build()),
        HttpStatus.CREATED);
  }

  /** Stops interest from accruing until started again. */
  @Post(PATH + "{id}/stop_interest_calculation/")
  public HttpResponse stopInterestCalculation(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx)
            .stopInterestCalculation(StopInterestCalculationRequest.newBuilder().setId(id).build()),
        HttpStatus.CREATED);
  }

  /** Lets interest accrue again after a stop. */
  @Post(PATH + "{id}/start_interest_calculation/")
  public HttpResponse startInterestCalculation(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx)
            .startInterestCalculation(
                StartInterestCalculationRequest.newBuilder().setId(id).build()),
        HttpStatus.CREATED);
  }

  private static HttpResponse action(ListenableFuture<Loan> call, HttpStatus status) {
    return CoreReplies.json(call, status, LendingJson.LOAN_WRITER::write, null);
  }
}
