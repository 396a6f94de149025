package dev.furrow.core.statement;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.lending.v1.GetStatementRequest;
import dev.furrow.proto.lending.v1.ListLoanStatementsRequest;
import dev.furrow.proto.lending.v1.StatementServiceGrpc;
import io.grpc.stub.StreamObserver;

/** {@code StatementService}; guarded by a LENDING partner API key. */
public final class StatementGrpcService extends StatementServiceGrpc.StatementServiceImplBase {
  private final LoanStatements statements;

  public StatementGrpcService(LoanStatements statements) {
    this.statements = statements;
  }

  @Override
  public void listLoanStatements(
      ListLoanStatementsRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.StatementPage> response) {
    StatementPage page =
        statements.list(
            Caller.partnerId(), request.getLoan(), request.getLimit(), request.getOffset());
    reply(response, StatementProtoMapper.toProto(page));
  }

  @Override
  public void getStatement(
      GetStatementRequest request, StreamObserver<dev.furrow.proto.lending.v1.Statement> response) {
    reply(
        response,
        StatementProtoMapper.toProto(statements.get(Caller.partnerId(), request.getId())));
  }
}
