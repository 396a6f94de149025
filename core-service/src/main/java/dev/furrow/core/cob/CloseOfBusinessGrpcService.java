package dev.furrow.core.cob;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.BusinessDate;
import dev.furrow.proto.lending.v1.CloseOfBusinessAdminServiceGrpc;
import dev.furrow.proto.lending.v1.CloseOfBusinessRun;
import dev.furrow.proto.lending.v1.CloseOfBusinessStepRun;
import dev.furrow.proto.lending.v1.GetBusinessDateRequest;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessRequest;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessResponse;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.Optional;

/** {@code CloseOfBusinessAdminService}; guarded by the operator service token. */
public final class CloseOfBusinessGrpcService
    extends CloseOfBusinessAdminServiceGrpc.CloseOfBusinessAdminServiceImplBase {
  private final CloseOfBusiness closeOfBusiness;

  public CloseOfBusinessGrpcService(CloseOfBusiness closeOfBusiness) {
    this.closeOfBusiness = closeOfBusiness;
  }

  @Override
  public void runCloseOfBusiness(
      RunCloseOfBusinessRequest request, StreamObserver<RunCloseOfBusinessResponse> response) {
    CloseOfBusinessReport report = closeOfBusiness.close(request.getBusinessDate());
    RunCloseOfBusinessResponse.Builder b =
        RunCloseOfBusinessResponse.newBuilder()
            .setAlreadyClosed(report.alreadyClosed())
            .setMessage(report.message())
            .setBusinessDate(toProto(report.businessDate(), report.lastClosed()));
    for (ClosedDate run : report.closed()) {
      CloseOfBusinessRun.Builder r =
          CloseOfBusinessRun.newBuilder()
              .setBusinessDate(run.businessDate().toString())
              .setStarted(ProtoTime.toProto(run.started()))
              .setFinished(ProtoTime.toProto(run.finished()));
      for (ClosedDate.Step step : run.steps()) {
        r.addSteps(
            CloseOfBusinessStepRun.newBuilder()
                .setStep(step.name())
                .setRows(step.rows())
                .setAmount(step.amount().setScale(2).toPlainString())
                .setChunks(step.chunks())
                .setMillis(step.millis()));
      }
      b.addRuns(r);
    }
    reply(response, b.build());
  }

  @Override
  public void getBusinessDate(
      GetBusinessDateRequest request, StreamObserver<BusinessDate> response) {
    CloseOfBusiness.BusinessDate date = closeOfBusiness.businessDate();
    reply(response, toProto(date.open(), date.lastClosed()));
  }

  private static BusinessDate toProto(LocalDate open, Optional<LocalDate> lastClosed) {
    BusinessDate.Builder b = BusinessDate.newBuilder().setBusinessDate(open.toString());
    lastClosed.ifPresent(d -> b.setLastClosedDate(d.toString()));
    return b.build();
  }
}
