package dev.furrow.core.loan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class LoanPolicyTest {
  private static final UUID APPLICATION = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
  private static final UUID END_USER = UUID.fromString("11111111-2222-4333-8444-555555555555");
  private static final UUID PRODUCT = UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");

  private final LoanPolicy policy = new LoanPolicy();

  private static void assertViolations(ThrowingCallable call, Tuple... expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field, FieldViolation::message)
                    .containsExactly(expected));
  }

  /** An accepted term loan application for 1200000.00 at 5.5% over 24 instalments. */
  private static ApplicationSnapshot accepted() {
    return new ApplicationSnapshot(
        APPLICATION,
        "accepted",
        null,
        END_USER,
        PRODUCT,
        new BigDecimal("1200000.00"),
        new BigDecimal("5.5000"),
        24,
        "term_loan",
        36,
        2,
        3,
        7,
        "NGN");
  }

  private static ApplicationSnapshot withStatus(ApplicationSnapshot a, String status) {
    return new ApplicationSnapshot(
        a.id(),
        status,
        a.loanId(),
        a.endUserId(),
        a.productId(),
        a.amount(),
        a.rate(),
        a.installments(),
        a.productType(),
        a.productInstallments(),
        a.defaultGraceInstalments(),
        a.principalRepaymentGrace(),
        a.arrearsTolerance(),
        a.currency());
  }

  private static LoanRequest request(String customField) {
    return new LoanRequest(APPLICATION, APPLICATION.toString(), customField);
  }

  @Test
  void aRequestNamesItsApplicationByUuidInEitherCase() {
    LoanRequest request =
        policy.validate(new LoanInput(" " + APPLICATION.toString().toUpperCase() + " ", "{}"));

    assertThat(request.applicationId()).isEqualTo(APPLICATION);
    assertThat(request.customField()).isEqualTo("{}");
  }

  @Test
  void anAbsentApplicationIsRequiredAndABlankOneNull() {
    assertViolations(
        () -> policy.validate(new LoanInput(null, null)),
        tuple("application", "This field is required."));
    assertViolations(
        () -> policy.validate(new LoanInput("  ", null)),
        tuple("application", "This field may not be null."));
  }

  @Test
  void anApplicationThatIsNotAUuidDoesNotExist() {
    assertViolations(
        () -> policy.validate(new LoanInput("1-2-3-4-5", null)),
        tuple("application", "Invalid pk \"1-2-3-4-5\" - object does not exist."));
  }

  @Test
  void customFieldIsKeptAsSentUpToTenThousandCharacters() {
    String longest = " ".repeat(9_999) + "x";
    assertThat(policy.validate(new LoanInput(APPLICATION.toString(), longest)).customField())
        .isEqualTo(longest);
    assertThat(policy.validate(new LoanInput(APPLICATION.toString(), "")).customField()).isEmpty();

    assertViolations(
        () -> policy.validate(new LoanInput("nope", "x".repeat(10_001))),
        tuple("application", "Invalid pk \"nope\" - object does not exist."),
        tuple("custom_field", "Ensure this field has no more than 10000 characters."));
  }

  @Test
  void aTermLoanCopiesTheApplicationAndTheProductsGraceAndTolerance() {
    LoanTerms terms = policy.terms(accepted(), request("{\"crm\": 7}"));

    assertThat(terms)
        .isEqualTo(
            new LoanTerms(
                APPLICATION,
                END_USER,
                PRODUCT,
                new BigDecimal("1200000.00"),
                new BigDecimal("5.5"),
                24,
                2,
                3,
                7,
                "NGN",
                "{\"crm\": 7}"));
    assertThat(terms.interestRate().toPlainString()).isEqualTo("5.5");
  }

  @Test
  void instalmentsFallBackToTheProductsWhenTheApplicationHasNone() {
    ApplicationSnapshot a = accepted();
    ApplicationSnapshot noInstalments =
        new ApplicationSnapshot(
            a.id(),
            "accepted",
            null,
            a.endUserId(),
            a.productId(),
            a.amount(),
            a.rate(),
            null,
            "term_loan",
            36,
            2,
            3,
            7,
            "NGN");

    assertThat(policy.terms(noInstalments, request(null)).installments()).isEqualTo(36);
  }

  @Test
  void otherProductTypesHaveNoGrace() {
    ApplicationSnapshot a = accepted();
    ApplicationSnapshot payg =
        new ApplicationSnapshot(
            a.id(),
            "accepted",
            null,
            a.endUserId(),
            a.productId(),
            a.amount(),
            a.rate(),
            null,
            "pay_as_you_go",
            null,
            null,
            null,
            14,
            "KES");

    LoanTerms terms = policy.terms(payg, request(null));

    assertThat(terms.installments()).isNull();
    assertThat(terms.graceInstalments()).isNull();
    assertThat(terms.principalRepaymentGrace()).isNull();
    assertThat(terms.arrearsTolerance()).isEqualTo(14);
    assertThat(terms.currency()).isEqualTo("KES");
  }

  @Test
  void onlyAnAcceptedApplicationCanHaveALoanAccount() {
    for (String status : new String[] {"incomplete", "declined", "withdrawn"}) {
      assertViolations(
          () -> policy.terms(withStatus(accepted(), status), request(null)),
          tuple(
              "application",
              "Application is "
                  + status
                  + "; a loan account can only be opened for an accepted application."));
    }
  }

  @Test
  void anApplicationWithALoanAccountCannotHaveASecond() {
    ApplicationSnapshot a = accepted();
    ApplicationSnapshot opened =
        new ApplicationSnapshot(
            a.id(),
            "accepted",
            UUID.randomUUID(),
            a.endUserId(),
            a.productId(),
            a.amount(),
            a.rate(),
            a.installments(),
            "term_loan",
            36,
            2,
            3,
            7,
            "NGN");

    assertThatThrownBy(() -> policy.terms(opened, request(null)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Application already has a loan account.");
  }

  @Test
  void anUnknownApplicationIsNamedAsSent() {
    LoanRequest request =
        new LoanRequest(APPLICATION, "6F1C2D3E-4A5B-4C6D-8E7F-9A0B1C2D3E4F", null);

    assertThat(LoanPolicy.applicationNotFound(request).violations())
        .containsExactly(
            new FieldViolation(
                "application",
                "Invalid pk \"6F1C2D3E-4A5B-4C6D-8E7F-9A0B1C2D3E4F\" - object does not exist."));
  }

  @Test
  void closingTakesATrimmedReasonAndASubstatus() {
    assertThat(policy.validate(new CloseInput("  Borrower repaid early \n", "paid_in_full")))
        .isEqualTo(new Closing("Borrower repaid early", CloseSubstatus.PAID_IN_FULL));
    assertThat(policy.validate(new CloseInput("Stolen", "written_off")).substatus())
        .isEqualTo(CloseSubstatus.WRITTEN_OFF);
  }

  @Test
  void closingReportsEveryProblemAtOnce() {
    assertViolations(
        () -> policy.validate(new CloseInput(null, null)),
        tuple("close_reason", "This field is required."),
        tuple("close_substatus", "This field is required."));
    assertViolations(
        () -> policy.validate(new CloseInput(" ", "Paid_In_Full")),
        tuple("close_reason", "This field may not be blank."),
        tuple("close_substatus", "\"Paid_In_Full\" is not a valid choice."));
    assertViolations(
        () -> policy.validate(new CloseInput("x".repeat(1_001), "")),
        tuple("close_reason", "Ensure this field has no more than 1000 characters."),
        tuple("close_substatus", "\"\" is not a valid choice."));
    assertThat(policy.validate(new CloseInput("x".repeat(1_000), "written_off")).reason())
        .hasSize(1_000);
  }
}
