package dev.furrow.core.application;

import static dev.furrow.core.application.ApplicationField.AMOUNT;
import static dev.furrow.core.application.ApplicationField.CUSTOM_FIELD;
import static dev.furrow.core.application.ApplicationField.END_USER;
import static dev.furrow.core.application.ApplicationField.INSTALLMENTS;
import static dev.furrow.core.application.ApplicationField.PRODUCT;
import static dev.furrow.core.application.ApplicationField.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.furrow.core.borrower.EndUserDetails;
import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.product.ProductType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ApplicationPolicyTest {
  private static final UUID TERM_LOAN = UUID.randomUUID();
  private static final UUID DRAFT = UUID.randomUUID();
  private static final UUID PAYG = UUID.randomUUID();
  private static final UUID AMINA = UUID.randomUUID();
  private static final UUID BELLO = UUID.randomUUID();

  private static final EndUserDetails DETAILS =
      new EndUserDetails(
          "Amina",
          "Okafor",
          LocalDate.of(1988, 7, 21),
          "12 Farm Road",
          "Kaduna South",
          null,
          "Kaduna",
          "800001",
          null,
          "0123456789",
          "058",
          null,
          "amina@example.ng");

  /** A partner with a published term loan, a draft, a pay-as-you-go product and two end users. */
  private static final ApplicationPolicy.References REFERENCES =
      new ApplicationPolicy.References() {
        private final Map<UUID, ProductLimits> products =
            Map.of(
                TERM_LOAN,
                new ProductLimits(
                    TERM_LOAN,
                    ProductType.TERM_LOAN,
                    true,
                    new BigDecimal("1500000"),
                    new BigDecimal("1200000"),
                    new BigDecimal("24"),
                    new BigDecimal("5.5"),
                    24),
                DRAFT,
                new ProductLimits(DRAFT, ProductType.TERM_LOAN, false, null, null, null, null, 12),
                PAYG,
                new ProductLimits(
                    PAYG,
                    ProductType.PAY_AS_YOU_GO,
                    true,
                    null,
                    null,
                    new BigDecimal("30"),
                    null,
                    null));

        @Override
        public Optional<ProductLimits> product(UUID id) {
          return Optional.ofNullable(products.get(id));
        }

        @Override
        public Optional<EndUserDetails> endUser(UUID id) {
          return id.equals(AMINA) || id.equals(BELLO) ? Optional.of(DETAILS) : Optional.empty();
        }
      };

  private final ApplicationPolicy policy = new ApplicationPolicy();

  private static ApplicationInput apply(UUID product, UUID endUser) {
    return ApplicationInput.empty()
        .with(PRODUCT, product.toString())
        .with(END_USER, endUser.toString());
  }

  private ApplicationTerms validate(ApplicationInput input) {
    return policy.validate(input, REFERENCES, null);
  }

  private static void assertViolations(Runnable call, Tuple... expected) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(FieldViolation::field, FieldViolation::message)
        .containsExactly(expected);
  }

  @Test
  void absentValuesTakeTheProductsDefaults() {
    ApplicationTerms terms = validate(apply(TERM_LOAN, AMINA));

    assertThat(terms.productId()).isEqualTo(TERM_LOAN);
    assertThat(terms.endUserId()).isEqualTo(AMINA);
    assertThat(terms.amount()).isEqualByComparingTo("1200000").hasToString("1200000.00");
    assertThat(terms.installments()).isEqualTo(24);
    assertThat(terms.rate()).hasToString("5.5");
    assertThat(terms.customField()).isNull();
  }

  @Test
  void limitsAreTheProductsMaxima() {
    assertThat(
            validate(apply(TERM_LOAN, AMINA).with(AMOUNT, "1500000.00").with(RATE, "24")).amount())
        .hasToString("1500000.00");
    assertViolations(
        () -> validate(apply(TERM_LOAN, AMINA).with(AMOUNT, "1500000.01").with(RATE, "24.0001")),
        tuple(
            "amount",
            "Ensure this value is less than or equal to the product's max_loan_amount"
                + " (1500000.00)."),
        tuple(
            "rate",
            "Ensure this value is less than or equal to the product's max_interest_rate (24)."));
  }

  @Test
  void installmentsBelongToTermLoans() {
    assertViolations(
        () -> validate(apply(TERM_LOAN, AMINA).with(INSTALLMENTS, 0)),
        tuple("installments", "Ensure this value is greater than or equal to 1."));
    assertViolations(
        () ->
            validate(
                apply(PAYG, AMINA).with(INSTALLMENTS, 12).with(AMOUNT, "1000").with(RATE, "5")),
        tuple("installments", "This field applies only to term loans."));
    assertThat(
            validate(apply(PAYG, AMINA).with(INSTALLMENTS, null).with(AMOUNT, "1").with(RATE, "0"))
                .installments())
        .isNull();
  }

  @Test
  void aProductWithoutDefaultsNeedsAmountAndRate() {
    assertViolations(
        () -> validate(apply(PAYG, AMINA)),
        tuple("amount", "This field is required."),
        tuple("rate", "This field is required."));
  }

  @Test
  void referencesMustBeTheCallersAndTheProductPublished() {
    UUID stranger = UUID.randomUUID();
    assertViolations(
        () -> validate(apply(DRAFT, stranger)),
        tuple("product", "Product is not published."),
        tuple("end_user", "Invalid pk \"" + stranger + "\" - object does not exist."));
    assertViolations(
        () -> validate(ApplicationInput.empty().with(PRODUCT, "tractor").with(END_USER, null)),
        tuple("product", "Invalid pk \"tractor\" - object does not exist."),
        tuple("end_user", "This field may not be null."));
  }

  @Test
  void withoutAProductOnlyTheSentValuesAreChecked() {
    assertViolations(
        () -> validate(ApplicationInput.empty().with(AMOUNT, "1.001").with(INSTALLMENTS, 0)),
        tuple("product", "This field is required."),
        tuple("end_user", "This field is required."),
        tuple("amount", "Ensure that there are no more than 2 decimal places."),
        tuple("installments", "Ensure this value is greater than or equal to 1."));
  }

  @Test
  void theStoredEndUserMustStay() {
    assertThat(policy.validate(apply(TERM_LOAN, AMINA), REFERENCES, AMINA).endUserId())
        .isEqualTo(AMINA);
    assertViolations(
        () -> policy.validate(apply(TERM_LOAN, BELLO), REFERENCES, AMINA),
        tuple("end_user", "The end user of an application cannot be changed."));
  }

  @Test
  void customFieldIsKeptExactlyUpToItsLimit() {
    assertThat(validate(apply(TERM_LOAN, AMINA).with(CUSTOM_FIELD, " {} ")).customField())
        .isEqualTo(" {} ");
    assertViolations(
        () -> validate(apply(TERM_LOAN, AMINA).with(CUSTOM_FIELD, "x".repeat(10_001))),
        tuple("custom_field", "Ensure this field has no more than 10000 characters."));
  }
}
