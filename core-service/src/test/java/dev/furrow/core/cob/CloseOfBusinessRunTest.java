package dev.furrow.core.cob;

import static dev.furrow.core.cob.Books.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.BusinessDate;
import dev.furrow.proto.lending.v1.CloseOfBusinessAdminServiceGrpc;
import dev.furrow.proto.lending.v1.GetBusinessDateRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.RunCloseOfBusinessRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's close of business: its guard, its input, and resuming a run that stopped. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CloseOfBusinessRunTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  @Test
  @Order(1)
  void closeOfBusinessNeedsTheServiceToken() {
    var anonymous = CloseOfBusinessAdminServiceGrpc.newBlockingStub(core.channel());
    var partner =
        core.withApiKey(anonymous, core.newPartner("cob", ApiFace.API_FACE_LENDING).key());
    RunCloseOfBusinessRequest request =
        RunCloseOfBusinessRequest.newBuilder().setBusinessDate("2026-01-01").build();
    for (var stub : java.util.List.of(anonymous, partner)) {
      assertThatThrownBy(() -> stub.runCloseOfBusiness(request))
          .isInstanceOfSatisfying(
              StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
  }

  @Test
  @Order(2)
  void beforeAnyCloseTheBusinessDateIsToday() {
    BusinessDate date = admin().getBusinessDate(GetBusinessDateRequest.getDefaultInstance());
    assertThat(date.getBusinessDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(date.hasLastClosedDate()).isFalse();
  }

  @Test
  @Order(3)
  void aMissingMalformedOrFutureDateIsAFieldError() {
    assertThat(fieldError("")).isEqualTo("This field is required.");
    assertThat(fieldError("2026-13-01"))
        .isEqualTo("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(fieldError(today.plusDays(1).toString()))
        .isEqualTo("Date is after today (" + today + "); only a day that has ended can be closed.");
  }

  @Test
  @Order(4)
  void aRunThatStoppedAfterAccruingResumesWithoutPostingTwice() {
    Books books = Books.newPartner(core, "resume");
    Loan loan = books.openLoan(books.product(p -> p.setDefaultInterestRate("18.25")), "100000");
    books.post(loan, "disbursement", "100000.00", "2026-03-01");
    CloseOfBusinessRepository repository = new CloseOfBusinessRepository(core.server().jdbi());
    LocalDate day = LocalDate.parse("2026-03-01");
    Instant now = Instant.now();
    // A run that accrued every chunk and stopped before recording the step as completed...
    repository.startRun(day, now);
    repository.startStep(day, 0, "accrue_interest", now);
    repository.accrue(day, "accrue_interest", 1, 2, now);
    // ...and, worse, lost its progress marker: every chunk is looked at again.
    core.server().jdbi().useHandle(h -> h.execute("DELETE FROM cob_step_progress"));
    assertThat(books.loan(loan).getInterest()).isEqualTo("50.00");

    var response = close(core, "2026-03-01");

    assertThat(response.getAlreadyClosed()).isFalse();
    assertThat(response.getRuns(0).getSteps(0).getStep()).isEqualTo("accrue_interest");
    assertThat(books.loan(loan).getInterest()).isEqualTo("50.00");
    assertThat(books.ledger(loan).getEntries()).isEqualTo(2);
    assertThat(books.ledger(loan).getConsistent()).isTrue();
    assertThat(close(core, "2026-03-02").getRuns(0).getSteps(0).getAmount()).isEqualTo("50.00");
    assertThat(books.loan(loan).getInterest()).isEqualTo("100.00");
  }

  @Test
  @Order(5)
  void theDailySchedulerClosesYesterday() {
    CloseOfBusiness closeOfBusiness =
        dev.furrow.core.CoreServer.closeOfBusiness(
            core.server().jdbi(),
            dev.furrow.core.CoreConfig.CloseOfBusinessSettings.UNSCHEDULED,
            Clock.fixed(Instant.parse("2026-03-05T00:30:00Z"), ZoneOffset.UTC));
    try (DailyCloseOfBusiness daily =
        DailyCloseOfBusiness.start(
            closeOfBusiness,
            Clock.fixed(Instant.parse("2026-03-05T00:30:00Z"), ZoneOffset.UTC),
            java.time.LocalTime.of(0, 30))) {
      CloseOfBusinessReport report = daily.runOnce();
      assertThat(report.message()).isEqualTo("Closed 2 dates: 2026-03-03 to 2026-03-04.");
      assertThat(report.businessDate()).isEqualTo(LocalDate.parse("2026-03-05"));
    }
  }

  private static String fieldError(String date) {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                admin()
                    .runCloseOfBusiness(
                        RunCloseOfBusinessRequest.newBuilder().setBusinessDate(date).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    try {
      BadRequest bad = StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
      assertThat(bad.getFieldViolationsCount()).isEqualTo(1);
      assertThat(bad.getFieldViolations(0).getField()).isEqualTo("business_date");
      return bad.getFieldViolations(0).getDescription();
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  private static CloseOfBusinessAdminServiceGrpc.CloseOfBusinessAdminServiceBlockingStub admin() {
    return core.asOperator(CloseOfBusinessAdminServiceGrpc.newBlockingStub(core.channel()));
  }
}
