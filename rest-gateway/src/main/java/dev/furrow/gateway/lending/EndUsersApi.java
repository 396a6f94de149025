package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.Put;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfExceptionHandler;
import dev.furrow.gateway.drf.DrfPagination;
import dev.furrow.gateway.drf.ListQueryParams;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc.EndUserServiceFutureStub;
import dev.furrow.proto.lending.v1.GetEndUserRequest;
import dev.furrow.proto.lending.v1.ListEndUsersRequest;
import dev.furrow.proto.lending.v1.UpdateEndUserRequest;
import io.grpc.Channel;

/**
 * End users (borrowers), {@value #PATH}, over the core's {@code EndUserService}. There is no
 * DELETE: the router answers it 405.
 */
@ExceptionHandler(DrfExceptionHandler.class)
public final class EndUsersApi {

  static final String PATH = "/api/v1/endusers/enduser/";

  private final EndUserServiceFutureStub endUsers;

  /** The endpoints, calling the core behind the given channel. */
  public EndUsersApi(Channel core) {
    this.endUsers = EndUserServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  private EndUserServiceFutureStub stub(ServiceRequestContext ctx) {
    return CoreCalls.forRequest(endUsers, ctx);
  }

  /** The caller's end users, filtered, sorted and paged as docs/filtering.md describes. */
  @Get(PATH)
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListEndUsersRequest request =
        ListEndUsersRequest.newBuilder().setQuery(ListQueryParams.from(ctx)).build();
    final DrfPagination links = DrfPagination.forRequest(ctx);
    return CoreReplies.json(
        stub(ctx).listEndUsers(request),
        HttpStatus.OK,
        page ->
            links.envelope(
                page.getPage(), LendingJson.END_USER_WRITER.writeAll(page.getResultsList())),
        null);
  }

  /** A new end user: 201 with the end user as stored. */
  @Post(PATH)
  public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    final EndUserInput input = LendingJson.END_USER_READER.read(request.content()).input();
    return CoreReplies.json(
        stub(ctx).createEndUser(CreateEndUserRequest.newBuilder().setEndUser(input).build()),
        HttpStatus.CREATED,
        LendingJson.END_USER_WRITER::write,
        input);
  }

  /** One of the caller's end users. */
  @Get(PATH + "{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).getEndUser(GetEndUserRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.END_USER_WRITER::write,
        null);
  }

  /** Replaces every writable field. */
  @Put(PATH + "{id}/")
  public HttpResponse replace(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    return update(ctx, id, request, false);
  }

  /** Changes the fields the body names. */
  @Patch(PATH + "{id}/")
  public HttpResponse patch(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    return update(ctx, id, request, true);
  }

  private HttpResponse update(
      ServiceRequestContext ctx, String id, AggregatedHttpRequest request, boolean partial) {
    final InputReader.Body<EndUserInput> body = LendingJson.END_USER_READER.read(request.content());
    final UpdateEndUserRequest update =
        UpdateEndUserRequest.newBuilder()
            .setId(id)
            .setEndUser(body.input())
            .setPartial(partial)
            .setUpdateMask(body.mask())
            .build();
    return CoreReplies.json(
        stub(ctx).updateEndUser(update),
        HttpStatus.OK,
        LendingJson.END_USER_WRITER::write,
        body.input());
  }
}
