package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfExceptionHandler;
import dev.furrow.gateway.drf.DrfPagination;
import dev.furrow.proto.lending.v1.GetStatementRequest;
import dev.furrow.proto.lending.v1.ListLoanStatementsRequest;
import dev.furrow.proto.lending.v1.Statement;
import dev.furrow.proto.lending.v1.StatementServiceGrpc;
import dev.furrow.proto.lending.v1.StatementServiceGrpc.StatementServiceFutureStub;
import io.grpc.Channel;
import java.util.List;

/**
 * Revolving credit statements (an addition to the reference, docs/statements.md) over the core's
 * {@code StatementService}: a loan's statements under {@code loans/loan/{id}/statements/}, newest
 * first and paged like every list, and one statement with its transactions at {@value #PATH}{@code
 * {id}/}, the resource a transaction's {@code statement} names. Read only.
 */
@ExceptionHandler(DrfExceptionHandler.class)
public final class StatementsApi {

  static final String PATH = "/api/v1/statements/statement/";

  private final StatementServiceFutureStub statements;

  /** The endpoints, calling the core behind the given channel. */
  public StatementsApi(Channel core) {
    this.statements = StatementServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  /** The loan's statements, newest first, without their transactions. */
  @Get(LoansApi.PATH + "{id}/statements/")
  public HttpResponse list(ServiceRequestContext ctx, @Param("id") String id) {
    final QueryParams query = ctx.queryParams();
    final ListLoanStatementsRequest request =
        ListLoanStatementsRequest.newBuilder()
            .setLoan(id)
            .setLimit(query.get("limit", ""))
            .setOffset(query.get("offset", ""))
            .build();
    final DrfPagination links = DrfPagination.forRequest(ctx);
    return CoreReplies.json(
        CoreCalls.forRequest(statements, ctx).listLoanStatements(request),
        HttpStatus.OK,
        page -> links.envelope(page.getPage(), withoutTransactions(page.getResultsList())),
        null);
  }

  /** A list shows each statement's figures; its transactions are read one statement at a time. */
  private static ArrayNode withoutTransactions(List<Statement> statements) {
    final ArrayNode results = LendingJson.STATEMENT_WRITER.writeAll(statements);
    results.forEach(node -> ((ObjectNode) node).remove("transactions"));
    return results;
  }

  /** One of the caller's statements, with the transactions of its period. */
  @Get(PATH + "{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        CoreCalls.forRequest(statements, ctx)
            .getStatement(GetStatementRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.STATEMENT_WRITER::write,
        null);
  }
}
