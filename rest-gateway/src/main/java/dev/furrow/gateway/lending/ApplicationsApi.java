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
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.Put;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfExceptionHandler;
import dev.furrow.gateway.drf.DrfPagination;
import dev.furrow.gateway.drf.ListQueryParams;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc.ApplicationServiceFutureStub;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.GetApplicationRequest;
import dev.furrow.proto.lending.v1.ListApplicationsRequest;
import dev.furrow.proto.lending.v1.ReopenApplicationRequest;
import dev.furrow.proto.lending.v1.UpdateApplicationRequest;
import dev.furrow.proto.lending.v1.WithdrawApplicationRequest;
import io.grpc.Channel;

/**
 * Applications, {@value #PATH}, over the core's {@code ApplicationService}. There is no DELETE: the
 * router answers it 405. The actions take no body and answer 201, as the reference documents.
 */
@ExceptionHandler(DrfExceptionHandler.class)
public final class ApplicationsApi {

  static final String PATH = "/api/v1/applications/application/";

  private final ApplicationServiceFutureStub applications;

  /** The endpoints, calling the core behind the given channel. */
  public ApplicationsApi(Channel core) {
    this.applications = ApplicationServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  private ApplicationServiceFutureStub stub(ServiceRequestContext ctx) {
    return CoreCalls.forRequest(applications, ctx);
  }

  /** The caller's applications, filtered, sorted and paged as docs/filtering.md describes. */
  @Get(PATH)
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListApplicationsRequest request =
        ListApplicationsRequest.newBuilder().setQuery(ListQueryParams.from(ctx)).build();
    final DrfPagination links = DrfPagination.forRequest(ctx);
    return CoreReplies.json(
        stub(ctx).listApplications(request),
        HttpStatus.OK,
        page ->
            links.envelope(
                page.getPage(), LendingJson.APPLICATION_WRITER.writeAll(page.getResultsList())),
        null);
  }

  /** A new incomplete application: 201 with the application as stored. */
  @Post(PATH)
  public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    final ApplicationInput input = LendingJson.APPLICATION_READER.read(request.content()).input();
    return CoreReplies.json(
        stub(ctx)
            .createApplication(CreateApplicationRequest.newBuilder().setApplication(input).build()),
        HttpStatus.CREATED,
        LendingJson.APPLICATION_WRITER::write,
        input);
  }

  /** One of the caller's applications. */
  @Get(PATH + "{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).getApplication(GetApplicationRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.APPLICATION_WRITER::write,
        null);
  }

  /** Replaces every writable field of an incomplete application. */
  @Put(PATH + "{id}/")
  public HttpResponse replace(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    return update(ctx, id, request, false);
  }

  /** Changes the fields the body names, of an incomplete application. */
  @Patch(PATH + "{id}/")
  public HttpResponse patch(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    return update(ctx, id, request, true);
  }

  private HttpResponse update(
      ServiceRequestContext ctx, String id, AggregatedHttpRequest request, boolean partial) {
    final InputReader.Body<ApplicationInput> body =
        LendingJson.APPLICATION_READER.read(request.content());
    final UpdateApplicationRequest update =
        UpdateApplicationRequest.newBuilder()
            .setId(id)
            .setApplication(body.input())
            .setPartial(partial)
            .setUpdateMask(body.mask())
            .build();
    return CoreReplies.json(
        stub(ctx).updateApplication(update),
        HttpStatus.OK,
        LendingJson.APPLICATION_WRITER::write,
        body.input());
  }

  /** Completes the application; underwriting decides at once. */
  @Post(PATH + "{id}/complete/")
  public HttpResponse complete(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx).completeApplication(CompleteApplicationRequest.newBuilder().setId(id).build()));
  }

  /** Makes a withdrawn or decided application incomplete again. */
  @Post(PATH + "{id}/reopen/")
  public HttpResponse reopen(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx).reopenApplication(ReopenApplicationRequest.newBuilder().setId(id).build()));
  }

  /** Withdraws an incomplete or decided application. */
  @Post(PATH + "{id}/withdraw/")
  public HttpResponse withdraw(ServiceRequestContext ctx, @Param("id") String id) {
    return action(
        stub(ctx).withdrawApplication(WithdrawApplicationRequest.newBuilder().setId(id).build()));
  }

  private static HttpResponse action(ListenableFuture<Application> call) {
    return CoreReplies.json(call, HttpStatus.CREATED, LendingJson.APPLICATION_WRITER::write, null);
  }
}
