package dev.furrow.core.application;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.ListQueries;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.CreateApplicationRequest;
import dev.furrow.proto.lending.v1.GetApplicationRequest;
import dev.furrow.proto.lending.v1.ListApplicationsRequest;
import dev.furrow.proto.lending.v1.ListApplicationsResponse;
import dev.furrow.proto.lending.v1.ReopenApplicationRequest;
import dev.furrow.proto.lending.v1.UpdateApplicationRequest;
import dev.furrow.proto.lending.v1.WithdrawApplicationRequest;
import io.grpc.stub.StreamObserver;

/** gRPC edge of {@link ApplicationDesk}; guarded by a LENDING partner API key. */
public final class ApplicationGrpcService
    extends ApplicationServiceGrpc.ApplicationServiceImplBase {
  private final ApplicationDesk desk;

  public ApplicationGrpcService(ApplicationDesk desk) {
    this.desk = desk;
  }

  @Override
  public void createApplication(
      CreateApplicationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Application> response) {
    Application created =
        desk.create(Caller.partnerId(), ApplicationProtoMapper.toInput(request.getApplication()));
    reply(response, ApplicationProtoMapper.toProto(created));
  }

  @Override
  public void getApplication(
      GetApplicationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Application> response) {
    reply(response, ApplicationProtoMapper.toProto(desk.get(Caller.partnerId(), request.getId())));
  }

  @Override
  public void listApplications(
      ListApplicationsRequest request, StreamObserver<ListApplicationsResponse> response) {
    long partnerId = Caller.partnerId();
    CompiledQuery query = ListQueries.compile(ApplicationRepository.FILTERS, request.getQuery());
    ApplicationPage page = desk.list(partnerId, query);
    ListApplicationsResponse.Builder out =
        ListApplicationsResponse.newBuilder().setPage(ListQueries.pageInfo(query, page.count()));
    page.results().forEach(a -> out.addResults(ApplicationProtoMapper.toProto(a)));
    reply(response, out.build());
  }

  @Override
  public void updateApplication(
      UpdateApplicationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Application> response) {
    long partnerId = Caller.partnerId();
    ApplicationInput input = ApplicationProtoMapper.toInput(request.getApplication());
    Application updated =
        request.getPartial()
            ? desk.amend(partnerId, request.getId(), input, request.getUpdateMask().getPathsList())
            : desk.replace(partnerId, request.getId(), input);
    reply(response, ApplicationProtoMapper.toProto(updated));
  }

  @Override
  public void completeApplication(
      CompleteApplicationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Application> response) {
    reply(
        response,
        ApplicationProtoMapper.toProto(desk.complete(Caller.partnerId(), request.getId())));
  }

  @Override
  public void reopenApplication(
      ReopenApplicationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Application> response) {
    reply(
        response, ApplicationProtoMapper.toProto(desk.reopen(Caller.partnerId(), request.getId())));
  }

  @Override
  public void withdrawApplication(
      WithdrawApplicationRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.Application> response) {
    reply(
        response,
        ApplicationProtoMapper.toProto(desk.withdraw(Caller.partnerId(), request.getId())));
  }
}
