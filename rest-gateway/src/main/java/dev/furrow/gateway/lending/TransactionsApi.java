package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

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
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.GetTransactionRequest;
import dev.furrow.proto.lending.v1.ListTransactionsRequest;
import dev.furrow.proto.lending.v1.RevertTransactionRequest;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc.TransactionServiceFutureStub;
import io.grpc.Channel;

/**
 * Loan transactions, {@value #PATH}, over the core's {@code TransactionService};
 * docs/transactions.md has the rules. Transactions are created, read and reverted only: PUT, PATCH
 * and DELETE are 405. Create and {@code revert/} answer 201, as the reference documents; a create
 * replayed with its idempotency key answers 201 with the transaction the key first created, as the
 * first call did. {@code revert/} reads no body. Also serves {@code loans/loan/{id}/ledger/}, an
 * addition to the reference (the core's {@code CheckLedger}).
 */
@ExceptionHandler(DrfExceptionHandler.class)
public final class TransactionsApi {

  static final String PATH = "/api/v1/transactions/transaction/";

  private final TransactionServiceFutureStub transactions;

  /** The endpoints, calling the core behind the given channel. */
  public TransactionsApi(Channel core) {
    this.transactions = TransactionServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  private TransactionServiceFutureStub stub(ServiceRequestContext ctx) {
    return CoreCalls.forRequest(transactions, ctx);
  }

  /** The caller's transactions, filtered, sorted and paged; newest first by default. */
  @Get(PATH)
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListTransactionsRequest request =
        ListTransactionsRequest.newBuilder().setQuery(ListQueryParams.from(ctx)).build();
    final DrfPagination links = DrfPagination.forRequest(ctx);
    return CoreReplies.json(
        stub(ctx).listTransactions(request),
        HttpStatus.OK,
        page ->
            links.envelope(
                page.getPage(), LendingJson.TRANSACTION_WRITER.writeAll(page.getResultsList())),
        null);
  }

  /** Applies a transaction to one of the caller's loans: 201 with the transaction. */
  @Post(PATH)
  public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    final TransactionInput input = LendingJson.TRANSACTION_READER.read(request.content()).input();
    return CoreReplies.json(
        stub(ctx)
            .createTransaction(CreateTransactionRequest.newBuilder().setTransaction(input).build()),
        HttpStatus.CREATED,
        LendingJson.TRANSACTION_WRITER::write,
        input);
  }

  /** One of the caller's transactions. */
  @Get(PATH + "{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).getTransaction(GetTransactionRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.TRANSACTION_WRITER::write,
        null);
  }

  /**
   * Reverts the transaction and every later applied one of its loan: 201 with the target as stored
   * afterwards. A body is not read (the reference's is an artefact of its documentation).
   */
  @Post(PATH + "{id}/revert/")
  public HttpResponse revert(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).revertTransaction(RevertTransactionRequest.newBuilder().setId(id).build()),
        HttpStatus.CREATED,
        LendingJson.TRANSACTION_WRITER::write,
        null);
  }

  /** The ledger check of one of the caller's loans (not in the reference). */
  @Get(LoansApi.PATH + "{id}/ledger/")
  public HttpResponse ledger(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).checkLedger(CheckLedgerRequest.newBuilder().setLoan(id).build()),
        HttpStatus.OK,
        LendingJson.LEDGER_CHECK_WRITER::write,
        null);
  }
}
