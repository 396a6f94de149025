package dev.furrow.core.loan;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.ListQueries;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.GetLoanRequest;
import dev.furrow.proto.lending.v1.ListLoansRequest;
import dev.furrow.proto.lending.v1.ListLoansResponse;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.MakeArrearsRequest;
import dev.furrow.proto.lending.v1.MakeDefaultRequest;
import dev.furrow.proto.lending.v1.StartInterestCalculationRequest;
import dev.furrow.proto.lending.v1.StopInterestCalculationRequest;
import io.grpc.stub.StreamObserver;

/** gRPC edge of {@link LoanAccounts}; guarded by a LENDING partner API key. */
public final class LoanGrpcService extends LoanServiceGrpc.LoanServiceImplBase {
  private final LoanAccounts accounts;

  public LoanGrpcService(LoanAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void createLoan(
      CreateLoanRequest request, StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    Loan opened = accounts.open(Caller.partnerId(), LoanProtoMapper.toInput(request.getLoan()));
    reply(response, LoanProtoMapper.toProto(opened));
  }

  @Override
  public void getLoan(
      GetLoanRequest request, StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    reply(response, LoanProtoMapper.toProto(accounts.get(Caller.partnerId(), request.getId())));
  }

  @Override
  public void listLoans(ListLoansRequest request, StreamObserver<ListLoansResponse> response) {
    long partnerId = Caller.partnerId();
    CompiledQuery query = ListQueries.compile(LoanRepository.FILTERS, request.getQuery());
    LoanPage page = accounts.list(partnerId, query);
    reply(response, LoanProtoMapper.toProto(page, ListQueries.pageInfo(query, page.count())));
  }

  @Override
  public void closeLoan(
      CloseLoanRequest request, StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    Loan closed =
        accounts.close(Caller.partnerId(), request.getId(), LoanProtoMapper.toInput(request));
    reply(response, LoanProtoMapper.toProto(closed));
  }

  @Override
  public void makeArrears(
      MakeArrearsRequest request, StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    reply(
        response,
        LoanProtoMapper.toProto(accounts.makeArrears(Caller.partnerId(), request.getId())));
  }

  @Override
  public void makeDefault(
      MakeDefaultRequest request, StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    reply(
        response,
        LoanProtoMapper.toProto(accounts.makeDefault(Caller.partnerId(), request.getId())));
  }

  @Override
  public void stopInterestCalculation(
      StopInterestCalculationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    reply(
        response,
        LoanProtoMapper.toProto(
            accounts.stopInterestCalculation(Caller.partnerId(), request.getId())));
  }

  @Override
  public void startInterestCalculation(
      StartInterestCalculationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Loan> response) {
    reply(
        response,
        LoanProtoMapper.toProto(
            accounts.startInterestCalculation(Caller.partnerId(), request.getId())));
  }
}
