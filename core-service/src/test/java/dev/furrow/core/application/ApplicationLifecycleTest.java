package dev.furrow.core.application;

import static dev.furrow.core.GrpcAssertions.assertConflict;
import static dev.furrow.core.application.LendingPartner.applicationFor;
import static dev.furrow.core.application.LendingPartner.seventeenYearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.GetApplicationRequest;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ReopenApplicationRequest;
import dev.furrow.proto.lending.v1.UpdateApplicationRequest;
import dev.furrow.proto.lending.v1.WithdrawApplicationRequest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The state machine (complete, reopen, withdraw, edits) and underwriting on the current product and
 * end user rows, up to the lock a loan account puts on an application.
 */
class ApplicationLifecycleTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static final String LOCKED =
      "Application has a loan account and can no longer be changed.";

  private LendingPartner lender;
  private Product termLoan;
  private EndUser amina;

  @BeforeEach
  void partnerWithAPublishedTermLoanAndAnAdultEndUser() {
    lender = LendingPartner.create(core, "lifecycle");
    termLoan = lender.publishedTermLoan();
    amina = lender.endUser();
  }

  private Application complete(Application a) {
    return lender.applications.completeApplication(
        CompleteApplicationRequest.newBuilder().setId(a.getId()).build());
  }

  private Application reopen(Application a) {
    return lender.applications.reopenApplication(
        ReopenApplicationRequest.newBuilder().setId(a.getId()).build());
  }

  private Application withdraw(Application a) {
    return lender.applications.withdrawApplication(
        WithdrawApplicationRequest.newBuilder().setId(a.getId()).build());
  }

  private Application put(Application a) {
    return lender.applications.updateApplication(
        UpdateApplicationRequest.newBuilder()
            .setId(a.getId())
            .setApplication(applicationFor(termLoan, amina).setAmount("1000"))
            .build());
  }

  private Application patch(Application a) {
    return lender.applications.updateApplication(
        UpdateApplicationRequest.newBuilder()
            .setId(a.getId())
            .setPartial(true)
            .setApplication(ApplicationInput.newBuilder().setAmount("1000"))
            .setUpdateMask(FieldMask.newBuilder().addPaths("amount"))
            .build());
  }

  private Application get(Application a) {
    return lender.applications.getApplication(
        GetApplicationRequest.newBuilder().setId(a.getId()).build());
  }

  private Application accepted() {
    return complete(lender.apply(termLoan, amina));
  }

  private Application declined() {
    EndUser minor =
        lender.endUser(LendingPartner.borrower("Tunde").setBirthDate(seventeenYearsAgo()));
    return complete(lender.apply(termLoan, minor));
  }

  private void sql(String statement, Object id) {
    core.server().jdbi().useHandle(h -> h.createUpdate(statement).bind("id", id).execute());
  }

  @Test
  void completeAcceptsWhenEveryUnderwritingRulePasses() {
    Application created = lender.apply(termLoan, amina);
    Instant before = Instant.now();

    Application decided = complete(created);

    assertThat(decided.getStatus()).isEqualTo("accepted");
    assertThat(decided.getReason()).isEqualTo("All underwriting rules passed.");
    assertThat(ProtoTime.fromProto(decided.getProcessingFinishedAt()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(decided.getUpdated()).isEqualTo(decided.getProcessingFinishedAt());
    assertThat(decided.getAmount()).isEqualTo(created.getAmount());
    assertThat(get(decided)).isEqualTo(decided);
  }

  @Test
  void underwritingTakesTheEndUsersBirthDateAtCompletion() {
    Application created = lender.apply(termLoan, amina);
    lender.patchEndUser(
        amina, EndUserInput.newBuilder().setBirthDate(seventeenYearsAgo()), "birth_date");

    Application declined = complete(created);
    assertThat(declined.getStatus()).isEqualTo("declined");
    assertThat(declined.getReason()).isEqualTo("Borrower is under 18 years old.");

    lender.patchEndUser(amina, EndUserInput.newBuilder().setBirthDate("2000-01-01"), "birth_date");
    Application reopened = reopen(declined);
    assertThat(reopened.getStatus()).isEqualTo("incomplete");
    assertThat(reopened.hasReason()).isFalse();
    assertThat(reopened.hasProcessingFinishedAt()).isFalse();

    assertThat(complete(reopened).getStatus()).isEqualTo("accepted");
  }

  @Test
  void aBorrowerWithNeitherEmailNorMobileNumberIsDeclined() {
    EndUser unreachable = lender.endUser(LendingPartner.borrower("Chidi").clearEmail());

    Application declined = complete(lender.apply(termLoan, unreachable));

    assertThat(declined.getStatus()).isEqualTo("declined");
    assertThat(declined.getReason())
        .isEqualTo("Borrower details are incomplete (missing: email or mobile_number).");

    lender.patchEndUser(
        unreachable, EndUserInput.newBuilder().setMobileNumber("+2348012345678"), "mobile_number");
    assertThat(complete(reopen(declined)).getStatus()).isEqualTo("accepted");
  }

  /**
   * Published products cannot change, and edits check the limits, so these rules only fire when
   * rows were changed behind the API's back; the SQL here does exactly that.
   */
  @Test
  void productRulesAreCheckedAgainOnTheCurrentRows() {
    Application overLimit = lender.apply(termLoan, amina);
    sql(
        "UPDATE application SET amount = 1500000.01 WHERE id = :id",
        UUID.fromString(overLimit.getId()));
    assertThat(complete(overLimit).getReason())
        .isEqualTo("Amount is above the product's max_loan_amount (1500000.00).");

    Application overRate = lender.apply(termLoan, amina);
    sql("UPDATE application SET rate = 24.0001 WHERE id = :id", UUID.fromString(overRate.getId()));
    assertThat(complete(overRate).getReason())
        .isEqualTo("Rate is above the product's max_interest_rate (24).");

    Application unpublished = lender.apply(termLoan, amina);
    sql("UPDATE product SET published_at = NULL WHERE id = :id", UUID.fromString(termLoan.getId()));
    Application decided = complete(unpublished);
    assertThat(decided.getStatus()).isEqualTo("declined");
    assertThat(decided.getReason()).isEqualTo("Product is no longer published.");
  }

  @Test
  void anIncompleteApplicationCanBeChangedCompletedAndWithdrawnButNotReopened() {
    Application incomplete = lender.apply(termLoan, amina);

    assertConflict(
        () -> reopen(incomplete),
        "Application is incomplete; only withdrawn or decided applications can be reopened.");
    assertThat(put(incomplete).getAmount()).isEqualTo("1000.00");
    assertThat(patch(incomplete).getAmount()).isEqualTo("1000.00");

    Application withdrawn = withdraw(incomplete);
    assertThat(withdrawn.getStatus()).isEqualTo("withdrawn");
    assertThat(withdrawn.hasReason()).isFalse();
    assertThat(withdrawn.hasProcessingFinishedAt()).isFalse();
  }

  @Test
  void aDecidedApplicationCanOnlyBeReopenedOrWithdrawn() {
    for (Application decided : new Application[] {accepted(), declined()}) {
      String status = decided.getStatus();
      assertConflict(
          () -> complete(decided),
          "Application is " + status + "; only incomplete applications can be completed.");
      assertConflict(
          () -> put(decided),
          "Application is " + status + "; only incomplete applications can be changed.");
      assertConflict(
          () -> patch(decided),
          "Application is " + status + "; only incomplete applications can be changed.");
      assertThat(get(decided)).as("refusals change nothing").isEqualTo(decided);

      Application withdrawn = withdraw(decided);
      assertThat(withdrawn.getStatus()).isEqualTo("withdrawn");
      assertThat(withdrawn.getReason())
          .as("the decision stays on record")
          .isEqualTo(decided.getReason());
      assertThat(withdrawn.getProcessingFinishedAt()).isEqualTo(decided.getProcessingFinishedAt());

      Application reopened = reopen(withdrawn);
      assertThat(reopened.getStatus()).isEqualTo("incomplete");
      assertThat(reopened.hasReason()).isFalse();
    }
  }

  @Test
  void aDecidedApplicationCanBeReopenedDirectly() {
    Application reopened = reopen(accepted());

    assertThat(reopened.getStatus()).isEqualTo("incomplete");
    assertThat(reopened.hasReason()).isFalse();
    assertThat(reopened.hasProcessingFinishedAt()).isFalse();
    assertThat(put(reopened).getAmount()).isEqualTo("1000.00");
  }

  @Test
  void aWithdrawnApplicationCanOnlyBeReopened() {
    Application withdrawn = withdraw(lender.apply(termLoan, amina));

    assertConflict(
        () -> complete(withdrawn),
        "Application is withdrawn; only incomplete applications can be completed.");
    assertConflict(
        () -> withdraw(withdrawn),
        "Application is withdrawn; only incomplete or decided applications can be withdrawn.");
    assertConflict(
        () -> put(withdrawn),
        "Application is withdrawn; only incomplete applications can be changed.");
    assertConflict(
        () -> patch(withdrawn),
        "Application is withdrawn; only incomplete applications can be changed.");

    assertThat(reopen(withdrawn).getStatus()).isEqualTo("incomplete");
  }

  @Test
  void theStateIsCheckedBeforeAnyField() {
    Application decided = accepted();

    assertConflict(
        () ->
            lender.applications.updateApplication(
                UpdateApplicationRequest.newBuilder()
                    .setId(decided.getId())
                    .setApplication(ApplicationInput.newBuilder().setAmount("not a number"))
                    .build()),
        "Application is accepted; only incomplete applications can be changed.");
  }

  @Test
  void aLoanAccountFreezesTheApplication() {
    Application decided = accepted();
    UUID loan = UUID.randomUUID();
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE application SET loan_id = :loan WHERE id = :id")
                    .bind("loan", loan)
                    .bind("id", UUID.fromString(decided.getId()))
                    .execute());

    Application linked = get(decided);
    assertThat(linked.getLoan()).isEqualTo(loan.toString());

    assertConflict(() -> put(linked), LOCKED);
    assertConflict(() -> patch(linked), LOCKED);
    assertConflict(() -> complete(linked), LOCKED);
    assertConflict(() -> reopen(linked), LOCKED);
    assertConflict(() -> withdraw(linked), LOCKED);
    assertThat(get(linked)).isEqualTo(linked);
  }
}
