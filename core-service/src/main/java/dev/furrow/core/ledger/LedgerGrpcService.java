package dev.furrow.core.ledger;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc;
import io.grpc.stub.StreamObserver;

/** Operator gRPC edge of {@link LedgerAudit}; guarded by the service token. */
public final class LedgerGrpcService extends LedgerAdminServiceGrpc.LedgerAdminServiceImplBase {
  private final LedgerAudit audit;

  public LedgerGrpcService(LedgerAudit audit) {
    this.audit = audit;
  }

  @Override
  public void checkLedger(
      CheckLedgerRequest request,
      StreamObserver<dev.furrow.proto.lending.v1.LedgerCheck> response) {
    reply(response, LedgerProtoMapper.toProto(audit.checkAnyPartner(request.getLoan())));
  }
}
