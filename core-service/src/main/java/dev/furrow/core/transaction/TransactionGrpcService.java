package dev.furrow.core.transaction;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.ledger.LedgerAudit;
import dev.furrow.core.ledger.LedgerProtoMapper;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.ListQueries;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.GetTransactionRequest;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.ListTransactionsRequest;
import dev.furrow.proto.lending.v1.ListTransactionsResponse;
import dev.furrow.proto.lending.v1.RevertTransactionRequest;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import io.grpc.stub.StreamObserver;

/**
 * gRPC edge of {@link TransactionBook}, and of {@link LedgerAudit} for the caller's own loans;
 * guarded by a LENDING partner API key.
 */
public final class TransactionGrpcService
    extends TransactionServiceGrpc.TransactionServiceImplBase {
  private final TransactionBook book;
  private final LedgerAudit audit;

  public TransactionGrpcService(TransactionBook book, LedgerAudit audit) {
    this.book = book;
    this.audit = audit;
  }

  @Override
  public void createTransaction(
      CreateTransactionRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Transaction> response) {
    Transaction created =
        book.create(Caller.partnerId(), TransactionProtoMapper.toInput(request.getTransaction()));
    reply(response, TransactionProtoMapper.toProto(created));
  }

  @Override
  public void getTransaction(
      GetTransactionRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Transaction> response) {
    reply(response, TransactionProtoMapper.toProto(book.get(Caller.partnerId(), request.getId())));
  }

  @Override
  public void listTransactions(
      ListTransactionsRequest request, StreamObserver<ListTransactionsResponse> response) {
    long partnerId = Caller.partnerId();
    CompiledQuery query = ListQueries.compile(TransactionRepository.FILTERS, request.getQuery());
    TransactionPage page = book.list(partnerId, query);
    reply(
        response, TransactionProtoMapper.toProto(page, ListQueries.pageInfo(query, page.count())));
  }

  @Override
  public void revertTransaction(
      RevertTransactionRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Transaction> response) {
    reply(
        response, TransactionProtoMapper.toProto(book.revert(Caller.partnerId(), request.getId())));
  }

  @Override
  public void checkLedger(CheckLedgerRequest request, StreamObserver<LedgerCheck> response) {
    reply(response, LedgerProtoMapper.toProto(audit.check(Caller.partnerId(), request.getLoan())));
  }
}
