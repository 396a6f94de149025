package dev.furrow.core.loan;

import static dev.furrow.core.GrpcAssertions.assertConflict;
import static dev.furrow.core.GrpcAssertions.assertNotFound;
import static dev.furrow.core.GrpcAssertions.assertStatus;
import static dev.furrow.core.GrpcAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.CreateLoanRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.GetApplicationRequest;
import dev.furrow.proto.lending.v1.GetLoanRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.lending.v1.MakeArrearsRequest;
import dev.furrow.proto.lending.v1.MakeDefaultRequest;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.StartInterestCalculationRequest;
import dev.furrow.proto.lending.v1.StopInterestCalculationRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoanServiceTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private LoanFixtures lender;

  @BeforeEach
  void newPartner() {
    lender = LoanFixtures.newPartner(core, "loans");
  }

  private Loan get(String id) {
    return lender.loans.getLoan(GetLoanRequest.newBuilder().setId(id).build());
  }

  private Loan makeArrears(String id) {
    return lender.loans.makeArrears(MakeArrearsRequest.newBuilder().setId(id).build());
  }

  private Loan makeDefault(String id) {
    return lender.loans.makeDefault(MakeDefaultRequest.newBuilder().setId(id).build());
  }

  private Loan stopInterest(String id) {
    return lender.loans.stopInterestCalculation(
        StopInterestCalculationRequest.newBuilder().setId(id).build());
  }

  private Loan startInterest(String id) {
    return lender.loans.startInterestCalculation(
        StartInterestCalculationRequest.newBuilder().setId(id).build());
  }

  private Loan close(String id, String reason, String substatus) {
    return lender.loans.closeLoan(
        CloseLoanRequest.newBuilder()
            .setId(id)
            .setCloseReason(reason)
            .setCloseSubstatus(substatus)
            .build());
  }

  @Test
  void openingCopiesTheApplicationAndTheProductOntoAnApprovedLoanWithNothingOwed() {
    Product product = lender.termLoan();
    EndUser amina = lender.endUser("Amina", "Okafor");
    Application application =
        lender.accepted(
            product,
            amina,
            ApplicationInput.newBuilder()
                .setAmount("1000000.5")
                .setInstallments(12)
                .setRate("7.250"));
    Instant before = Instant.now();

    Loan loan =
        lender.loans.createLoan(
            CreateLoanRequest.newBuilder()
                .setLoan(
                    LoanInput.newBuilder()
                        .setApplication(application.getId().toUpperCase())
                        .setCustomField("  {\"crm_id\": \"L-17\"}\n"))
                .build());

    assertThat(UUID.fromString(loan.getId()).toString()).isEqualTo(loan.getId());
    assertThat(loan.getApplication()).isEqualTo(application.getId());
    assertThat(loan.getEndUser()).isEqualTo(amina.getId());
    assertThat(loan.getProduct()).isEqualTo(product.getId());
    assertThat(loan.getAmount()).isEqualTo("1000000.50");
    assertThat(loan.getInterestRate()).isEqualTo("7.25");
    assertThat(loan.getInstallments()).isEqualTo(12);
    assertThat(loan.getGraceInstalments()).isEqualTo(2);
    assertThat(loan.getPrincipalRepaymentGrace()).isEqualTo(3);
    assertThat(loan.getArrearsTolerance()).isEqualTo(7);
    assertThat(loan.getCurrency()).isEqualTo("NGN");
    assertThat(loan.getStatus()).isEqualTo("approved");
    assertThat(loan.getPrincipal()).isEqualTo("0.00");
    assertThat(loan.getInterest()).isEqualTo("0.00");
    assertThat(loan.getFee()).isEqualTo("0.00");
    assertThat(loan.getPendingPrincipal()).isEqualTo("0.00");
    assertThat(loan.getPendingInterest()).isEqualTo("0.00");
    assertThat(loan.getPendingFee()).isEqualTo("0.00");
    assertThat(loan.hasLastTransaction()).isFalse();
    assertThat(loan.hasCloseReason()).isFalse();
    assertThat(loan.hasCloseSubstatus()).isFalse();
    assertThat(loan.hasClosedAt()).isFalse();
    assertThat(loan.hasWrittenOffAmount()).isFalse();
    assertThat(loan.getInterestCalculationEnabled()).isTrue();
    assertThat(loan.hasBusinessDaysInPeriod()).isFalse();
    assertThat(loan.getCustomField()).isEqualTo("  {\"crm_id\": \"L-17\"}\n");
    assertThat(ProtoTime.fromProto(loan.getCreated()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(loan.getUpdated()).isEqualTo(loan.getCreated());

    assertThat(get(loan.getId())).isEqualTo(loan);
    assertThat(get(loan.getId().toUpperCase())).isEqualTo(loan);
  }

  @Test
  void theApplicationPointsAtItsLoanAndCanNoLongerChange() {
    Application application = lender.accepted(lender.termLoan(), lender.endUser("Bello", "Eze"));

    Loan loan = lender.open(application.getId());

    Application after =
        lender.applications.getApplication(
            GetApplicationRequest.newBuilder().setId(application.getId()).build());
    assertThat(after.getLoan()).isEqualTo(loan.getId());
    assertThat(after.getStatus()).isEqualTo("accepted");
    assertThat(after.getUpdated()).isEqualTo(loan.getCreated());
    assertConflict(
        () -> lender.withdraw(application),
        "Application has a loan account and can no longer be changed.");
  }

  @Test
  void aPayAsYouGoLoanHasNeitherInstalmentsNorGrace() {
    Loan loan =
        lender.open(lender.accepted(lender.payAsYouGo(), lender.endUser("Chidi", "Obi")).getId());

    assertThat(loan.getAmount()).isEqualTo("800000.00");
    assertThat(loan.getInterestRate()).isEqualTo("12");
    assertThat(loan.getCurrency()).isEqualTo("KES");
    assertThat(loan.getArrearsTolerance()).isEqualTo(14);
    assertThat(loan.hasInstallments()).isFalse();
    assertThat(loan.hasGraceInstalments()).isFalse();
    assertThat(loan.hasPrincipalRepaymentGrace()).isFalse();
    assertThat(loan.hasCustomField()).isFalse();
  }

  @Test
  void anApplicationGetsOneLoanAccountOnly() {
    Application application = lender.accepted(lender.termLoan(), lender.endUser("Dayo", "Ade"));
    Loan first = lender.open(application.getId());

    assertConflict(
        () -> lender.open(application.getId()), "Application already has a loan account.");
    assertThat(get(first.getId())).isEqualTo(first);
  }

  @Test
  void concurrentOpensOfOneApplicationOpenOneLoan() throws Exception {
    Application application = lender.accepted(lender.termLoan(), lender.endUser("Efe", "Ade"));
    int attempts = 6;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        Callable<String> open =
            () -> {
              start.await();
              try {
                return "opened " + lender.open(application.getId()).getId();
              } catch (StatusRuntimeException e) {
                return e.getStatus().getCode() + " " + e.getStatus().getDescription();
              }
            };
        outcomes.add(pool.submit(open));
      }
      start.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> outcome : outcomes) {
        results.add(outcome.get(30, TimeUnit.SECONDS));
      }

      assertThat(results).filteredOn(r -> r.startsWith("opened ")).hasSize(1);
      assertThat(results)
          .filteredOn(r -> !r.startsWith("opened "))
          .hasSize(attempts - 1)
          .allMatch(r -> r.equals("FAILED_PRECONDITION Application already has a loan account."));
      long stored =
          core.server()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM loan WHERE application_id = :id")
                          .bind("id", UUID.fromString(application.getId()))
                          .mapTo(Long.class)
                          .one());
      assertThat(stored).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void onlyAnAcceptedApplicationCanBeOpened() {
    Product product = lender.termLoan();
    Application incomplete =
        lender.application(product, lender.endUser("Fola", "Ade"), ApplicationInput.newBuilder());
    Application declined =
        lender.complete(
            lender.application(
                product,
                lender.unreachableEndUser("Gbenga", "Ade"),
                ApplicationInput.newBuilder()));
    assertThat(declined.getStatus()).isEqualTo("declined");
    Application withdrawn =
        lender.withdraw(lender.accepted(product, lender.endUser("Hauwa", "Ade")));

    assertThat(fieldViolations(() -> lender.open(incomplete.getId())))
        .containsExactly(
            Map.entry(
                "application",
                "Application is incomplete; a loan account can only be opened for an accepted"
                    + " application."));
    assertThat(fieldViolations(() -> lender.open(declined.getId())))
        .containsExactly(
            Map.entry(
                "application",
                "Application is declined; a loan account can only be opened for an accepted"
                    + " application."));
    assertThat(fieldViolations(() -> lender.open(withdrawn.getId())))
        .containsExactly(
            Map.entry(
                "application",
                "Application is withdrawn; a loan account can only be opened for an accepted"
                    + " application."));
  }

  @Test
  void unknownForeignAndMalformedApplicationsDoNotExist() {
    LoanFixtures other = LoanFixtures.newPartner(core, "loans-other");
    Application theirs = other.accepted(other.termLoan(), other.endUser("Ify", "Nwosu"));
    String unknown = UUID.randomUUID().toString();

    assertThat(fieldViolations(() -> lender.open(theirs.getId())))
        .containsExactly(
            Map.entry(
                "application", "Invalid pk \"" + theirs.getId() + "\" - object does not exist."));
    assertThat(fieldViolations(() -> lender.open(unknown)))
        .containsExactly(
            Map.entry("application", "Invalid pk \"" + unknown + "\" - object does not exist."));
    assertThat(fieldViolations(() -> lender.open("12345")))
        .containsExactly(Map.entry("application", "Invalid pk \"12345\" - object does not exist."));
    assertThat(fieldViolations(() -> lender.open("")))
        .containsExactly(Map.entry("application", "This field may not be null."));
    assertThat(
            fieldViolations(
                () ->
                    lender.loans.createLoan(
                        CreateLoanRequest.newBuilder()
                            .setLoan(LoanInput.newBuilder().setCustomField("x".repeat(10_001)))
                            .build())))
        .containsExactly(
            Map.entry("application", "This field is required."),
            Map.entry("custom_field", "Ensure this field has no more than 10000 characters."));
    // The other partner's application is untouched and still open for its own loan.
    assertThat(other.open(theirs.getId()).getApplication()).isEqualTo(theirs.getId());
  }

  @Test
  void aLoanWithNothingDisbursedCanBeNeitherInArrearsNorInDefault() {
    Loan loan = lender.openLoan("Jide", "Ola");

    assertConflict(
        () -> makeArrears(loan.getId()),
        "Loan is approved; only a loan that is active or late can be put in arrears.");
    assertConflict(
        () -> makeDefault(loan.getId()),
        "Loan is approved; only a loan that is active, late or in arrears can be put in default.");
    assertThat(get(loan.getId())).isEqualTo(loan);
  }

  @Test
  void anActiveLoanGoesIntoArrearsThenDefault() {
    Loan loan = lender.openLoan("Kemi", "Ola");
    lender.disburse(loan, "1500.00", "37.50", "2500.00");

    Loan inArrears = makeArrears(loan.getId());
    assertThat(inArrears.getStatus()).isEqualTo("in_arrears");
    assertThat(inArrears.getPrincipal()).isEqualTo("1500.00");
    assertThat(ProtoTime.fromProto(inArrears.getUpdated()))
        .isAfter(ProtoTime.fromProto(loan.getUpdated()));
    assertThat(inArrears.getCreated()).isEqualTo(loan.getCreated());
    assertConflict(() -> makeArrears(loan.getId()), "Loan is already in arrears.");

    Loan inDefault = makeDefault(loan.getId());
    assertThat(inDefault.getStatus()).isEqualTo("default");
    assertConflict(() -> makeDefault(loan.getId()), "Loan is already in default.");
    assertConflict(
        () -> makeArrears(loan.getId()),
        "Loan is in default; only a loan that is active or late can be put in arrears.");
    assertThat(get(loan.getId())).isEqualTo(inDefault);
  }

  @Test
  void aLateLoanCanBeDeclaredInDefaultDirectly() {
    Loan loan = lender.openLoan("Lara", "Ola");
    lender.disburse(loan, "1000.00", "0.00", "0.00");
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE loan SET status = 'late' WHERE id = :id")
                    .bind("id", UUID.fromString(loan.getId()))
                    .execute());

    assertThat(makeDefault(loan.getId()).getStatus()).isEqualTo("default");
  }

  @Test
  void closingPaidInFullNeedsNothingOutstanding() {
    Loan loan = lender.openLoan("Musa", "Bala");
    lender.disburse(loan, "1500.00", "37.50", "2500.00");

    assertConflict(
        () -> close(loan.getId(), "Repaid", "paid_in_full"),
        "Loan has 4037.50 outstanding; only a loan with nothing outstanding can be closed as"
            + " paid_in_full.");
    assertThat(get(loan.getId()).getStatus()).isEqualTo("active");
  }

  @Test
  void aLoanWithNothingOwedClosesPaidInFullAndThenRefusesEverything() {
    Loan loan = lender.openLoan("Ngozi", "Bala");
    Instant before = Instant.now();

    Loan closed = close(loan.getId(), "  Borrower chose another lender ", "paid_in_full");

    assertThat(closed.getStatus()).isEqualTo("closed");
    assertThat(closed.getCloseReason()).isEqualTo("Borrower chose another lender");
    assertThat(closed.getCloseSubstatus()).isEqualTo("paid_in_full");
    assertThat(ProtoTime.fromProto(closed.getClosedAt()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(closed.getUpdated()).isEqualTo(closed.getClosedAt());
    assertThat(closed.hasWrittenOffAmount()).isFalse();
    assertThat(closed.getInterestCalculationEnabled()).isFalse();
    assertThat(get(loan.getId())).isEqualTo(closed);

    assertConflict(() -> close(loan.getId(), "Again", "written_off"), "Loan is already closed.");
    assertConflict(
        () -> makeArrears(loan.getId()), "Loan is closed; a closed loan cannot be put in arrears.");
    assertConflict(
        () -> makeDefault(loan.getId()), "Loan is closed; a closed loan cannot be put in default.");
    assertConflict(
        () -> stopInterest(loan.getId()),
        "Loan is closed; interest calculation of a closed loan cannot be changed.");
    assertConflict(
        () -> startInterest(loan.getId()),
        "Loan is closed; interest calculation of a closed loan cannot be changed.");
    assertThat(get(loan.getId())).isEqualTo(closed);
  }

  @Test
  void writingOffRecordsTheOutstandingTotalAsTheLoss() {
    Loan loan = lender.openLoan("Obi", "Bala");
    lender.disburse(loan, "1500.00", "37.50", "2500.00");
    makeArrears(loan.getId());

    Loan closed = close(loan.getId(), "Tractor stolen", "written_off");

    assertThat(closed.getStatus()).isEqualTo("closed");
    assertThat(closed.getCloseSubstatus()).isEqualTo("written_off");
    assertThat(closed.getWrittenOffAmount()).isEqualTo("4037.50");
    assertThat(closed.getPrincipal()).isEqualTo("1500.00");
    assertThat(closed.getInterest()).isEqualTo("37.50");
    assertThat(closed.getFee()).isEqualTo("2500.00");
    assertThat(closed.getInterestCalculationEnabled()).isFalse();
    assertThat(get(loan.getId())).isEqualTo(closed);
  }

  @Test
  void closingChecksItsFieldsOnAnOpenLoanOnly() {
    Loan loan = lender.openLoan("Pat", "Bala");

    assertThat(
            fieldViolations(
                () ->
                    lender.loans.closeLoan(
                        CloseLoanRequest.newBuilder().setId(loan.getId()).build())))
        .containsExactly(
            Map.entry("close_reason", "This field is required."),
            Map.entry("close_substatus", "This field is required."));
    assertThat(fieldViolations(() -> close(loan.getId(), " ", "repaid")))
        .containsExactly(
            Map.entry("close_reason", "This field may not be blank."),
            Map.entry("close_substatus", "\"repaid\" is not a valid choice."));

    close(loan.getId(), "Cancelled", "written_off");
    assertConflict(() -> close(loan.getId(), " ", "repaid"), "Loan is already closed.");
  }

  @Test
  void interestCalculationStopsAndStartsAgain() {
    Loan loan = lender.openLoan("Rita", "Uche");
    lender.disburse(loan, "1500.00", "0.00", "0.00");

    Loan stopped = stopInterest(loan.getId());
    assertThat(stopped.getInterestCalculationEnabled()).isFalse();
    assertThat(stopped.getStatus()).isEqualTo("active");
    assertConflict(
        () -> stopInterest(loan.getId()), "Interest calculation is already stopped for this loan.");

    Loan started = startInterest(loan.getId());
    assertThat(started.getInterestCalculationEnabled()).isTrue();
    assertConflict(
        () -> startInterest(loan.getId()),
        "Interest calculation is already running for this loan.");
  }

  @Test
  void anotherPartnersLoanIsNotFoundAndStaysAsItWas() {
    Loan loan = lender.openLoan("Sade", "Uche");
    lender.disburse(loan, "1500.00", "0.00", "0.00");
    Loan before = get(loan.getId());
    LoanFixtures other = LoanFixtures.newPartner(core, "loans-intruder");
    String id = loan.getId();

    assertNotFound(() -> other.loans.getLoan(GetLoanRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () -> other.loans.makeArrears(MakeArrearsRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () -> other.loans.makeDefault(MakeDefaultRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () ->
            other.loans.stopInterestCalculation(
                StopInterestCalculationRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () ->
            other.loans.startInterestCalculation(
                StartInterestCalculationRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () ->
            other.loans.closeLoan(
                CloseLoanRequest.newBuilder()
                    .setId(id)
                    .setCloseReason("Mine now")
                    .setCloseSubstatus("written_off")
                    .build()));
    assertThat(get(id)).isEqualTo(before);
  }

  @Test
  void idsThatAreNotUuidsAreNotFound() {
    assertNotFound(() -> get("not-a-uuid"));
    assertNotFound(() -> get("1-2-3-4-5"));
    assertNotFound(() -> get(UUID.randomUUID().toString()));
    assertNotFound(() -> makeArrears("42"));
    assertNotFound(() -> close("42", "x", "bogus"));
  }

  @Test
  void aPaygKeyCannotReachLoans() {
    String payg = core.newPartner("loans-payg", ApiFace.API_FACE_PAYG).key();
    var stub = core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), payg);

    assertStatus(
        () -> stub.getLoan(GetLoanRequest.newBuilder().setId(UUID.randomUUID().toString()).build()),
        Status.Code.UNAUTHENTICATED,
        "Invalid API key.");
  }
}
