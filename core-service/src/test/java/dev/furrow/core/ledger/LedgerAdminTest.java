package dev.furrow.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc.LedgerAdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's view of the ledger. */
class LedgerAdminTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  void theOperatorCheckNeedsTheServiceTokenAndAKnownLoan() {
    LedgerAdminServiceBlockingStub anonymous =
        LedgerAdminServiceGrpc.newBlockingStub(core.channel());
    CheckLedgerRequest request =
        CheckLedgerRequest.newBuilder().setLoan(UUID.randomUUID().toString()).build();
    assertThatThrownBy(() -> anonymous.checkLedger(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    assertThatThrownBy(() -> core.asOperator(anonymous).checkLedger(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo("Not found.");
            });
  }
}
