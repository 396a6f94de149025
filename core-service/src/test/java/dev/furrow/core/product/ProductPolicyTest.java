package dev.furrow.core.product;

import static dev.furrow.core.product.ProductField.ARREARS_TOLERANCE;
import static dev.furrow.core.product.ProductField.BILLING_DUE_DAYS;
import static dev.furrow.core.product.ProductField.CURRENCY;
import static dev.furrow.core.product.ProductField.CUSTOM_FIELD;
import static dev.furrow.core.product.ProductField.DEFAULT_FEES;
import static dev.furrow.core.product.ProductField.DEFAULT_GRACE_INSTALMENTS;
import static dev.furrow.core.product.ProductField.DEFAULT_INTEREST_RATE;
import static dev.furrow.core.product.ProductField.DEFAULT_LOAN_AMOUNT;
import static dev.furrow.core.product.ProductField.EARLY_REPAYMENT_RECALCULATION;
import static dev.furrow.core.product.ProductField.INSTALLMENTS;
import static dev.furrow.core.product.ProductField.INTEREST_CALCULATION;
import static dev.furrow.core.product.ProductField.MAX_INTEREST_RATE;
import static dev.furrow.core.product.ProductField.MAX_LOAN_AMOUNT;
import static dev.furrow.core.product.ProductField.MINIMUM_PAYMENT_AMOUNT;
import static dev.furrow.core.product.ProductField.MINIMUM_PAYMENT_PERCENT;
import static dev.furrow.core.product.ProductField.NAME;
import static dev.furrow.core.product.ProductField.PRINCIPAL_REPAYMENT_GRACE;
import static dev.furrow.core.product.ProductField.REPAYMENT_DATE_PERIOD;
import static dev.furrow.core.product.ProductField.REPAYMENT_DATE_TYPE;
import static dev.furrow.core.product.ProductField.REPAYMENT_DUE_DAY;
import static dev.furrow.core.product.ProductField.REPAYMENT_HOLIDAY_SCHEDULING;
import static dev.furrow.core.product.ProductField.REPAYMENT_PER_HECTARE;
import static dev.furrow.core.product.ProductField.STATEMENT_DAY;
import static dev.furrow.core.product.ProductField.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.furrow.core.error.FieldViolation;
import dev.furrow.core.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductPolicyTest {
  private final ProductPolicy policy = new ProductPolicy();

  /** The smallest valid revolving credit product. */
  private static ProductInput revolving() {
    return ProductInput.empty()
        .with(TYPE, "revolving_credit")
        .with(NAME, "Input credit line")
        .with(STATEMENT_DAY, 25)
        .with(REPAYMENT_DUE_DAY, 10)
        .with(MINIMUM_PAYMENT_PERCENT, "5");
  }

  /** The smallest valid term loan. */
  private static ProductInput termLoan() {
    return ProductInput.empty()
        .with(TYPE, "term_loan")
        .with(NAME, "Tractor loan")
        .with(INSTALLMENTS, 12)
        .with(INTEREST_CALCULATION, "even_total")
        .with(EARLY_REPAYMENT_RECALCULATION, "from_last_instalment");
  }

  /** The smallest valid pay-as-you-go product. */
  private static ProductInput payAsYouGo() {
    return ProductInput.empty()
        .with(TYPE, "pay_as_you_go")
        .with(NAME, "Tractor per hectare")
        .with(REPAYMENT_PER_HECTARE, "4500")
        .with(BILLING_DUE_DAYS, 3);
  }

  private List<FieldViolation> violations(ProductInput input) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> policy.validate(input));
    assertThat(e).as("expected the input to be refused").isNotNull();
    return e.violations();
  }

  private static FieldViolation violation(String field, String message) {
    return new FieldViolation(field, message);
  }

  @Test
  void smallestProductOfEachTypeIsValidWithDefaults() {
    ProductTerms revolving = policy.validate(revolving());
    assertThat(revolving.type()).isEqualTo(ProductType.REVOLVING_CREDIT);
    assertThat(revolving.currency()).isEqualTo("NGN");
    assertThat(revolving.calculateInterestOnHolidays()).isFalse();
    assertThat(revolving.defaultFees()).isEmpty();
    assertThat(revolving.maxLoanAmount()).isNull();
    assertThat(policy.validate(termLoan()).installments()).isEqualTo(12);
    assertThat(policy.validate(payAsYouGo()).repaymentPerHectare()).hasToString("4500.00");
  }

  @Test
  void typeAndNameAreRequired() {
    assertThat(violations(ProductInput.empty()))
        .containsExactly(
            violation("type", "This field is required."),
            violation("name", "This field is required."));
  }

  @Test
  void explicitNullTypeAndNameMayNotBeNull() {
    assertThat(violations(revolving().with(TYPE, null).with(NAME, null)))
        .containsExactly(
            violation("type", "This field may not be null."),
            violation("name", "This field may not be null."));
  }

  @Test
  void nameIsTrimmedAndMayNotBeBlankOrLongerThan200Characters() {
    assertThat(policy.validate(revolving().with(NAME, "  Seasonal credit \n")).name())
        .isEqualTo("Seasonal credit");
    assertThat(violations(revolving().with(NAME, "   ")))
        .containsExactly(violation("name", "This field may not be blank."));
    assertThat(violations(revolving().with(NAME, "x".repeat(201))))
        .containsExactly(violation("name", "Ensure this field has no more than 200 characters."));
    assertThat(policy.validate(revolving().with(NAME, "x".repeat(200))).name()).hasSize(200);
  }

  @Test
  void unknownChoicesAreNamedInTheMessage() {
    assertThat(violations(revolving().with(TYPE, "mortgage")))
        .containsExactly(violation("type", "\"mortgage\" is not a valid choice."));
    assertThat(
            violations(
                revolving()
                    .with(REPAYMENT_HOLIDAY_SCHEDULING, "next_day")
                    .with(REPAYMENT_DATE_TYPE, "Day_Of_Month")))
        .containsExactly(
            violation("repayment_holiday_scheduling", "\"next_day\" is not a valid choice."),
            violation("repayment_date_type", "\"Day_Of_Month\" is not a valid choice."));
    assertThat(
            violations(
                termLoan()
                    .with(INTEREST_CALCULATION, "flat")
                    .with(EARLY_REPAYMENT_RECALCULATION, "")))
        .containsExactly(
            violation("interest_calculation", "\"flat\" is not a valid choice."),
            violation("early_repayment_recalculation", "\"\" is not a valid choice."));
  }

  @Test
  void everyDocumentedChoiceIsAccepted() {
    for (String scheduling :
        List.of("last_business_day_before_the_day", "first_business_day_after_the_day", "on_day")) {
      assertThat(
              policy
                  .validate(revolving().with(REPAYMENT_HOLIDAY_SCHEDULING, scheduling))
                  .repaymentHolidayScheduling()
                  .code())
          .isEqualTo(scheduling);
    }
    for (String calculation : List.of("equal_principal", "even_total")) {
      assertThat(
              policy
                  .validate(termLoan().with(INTEREST_CALCULATION, calculation))
                  .interestCalculation()
                  .code())
          .isEqualTo(calculation);
    }
    for (String recalculation : List.of("from_last_instalment", "reduced_instalments")) {
      assertThat(
              policy
                  .validate(termLoan().with(EARLY_REPAYMENT_RECALCULATION, recalculation))
                  .earlyRepaymentRecalculation()
                  .code())
          .isEqualTo(recalculation);
    }
    assertThat(
            policy
                .validate(revolving().with(REPAYMENT_DATE_TYPE, "last_day_of_month"))
                .repaymentDateType())
        .isEqualTo(RepaymentDateType.LAST_DAY_OF_MONTH);
    assertThat(
            policy
                .validate(revolving().with(REPAYMENT_DATE_TYPE, "first_day_of_month"))
                .repaymentDateType())
        .isEqualTo(RepaymentDateType.FIRST_DAY_OF_MONTH);
  }

  @Test
  void decimalTextThatIsNotANumberIsRefused() {
    assertThat(
            violations(
                revolving()
                    .with(MAX_LOAN_AMOUNT, "12abc")
                    .with(DEFAULT_LOAN_AMOUNT, "NaN")
                    .with(MAX_INTEREST_RATE, "")
                    .with(DEFAULT_INTEREST_RATE, "1,5")))
        .containsExactly(
            violation("max_loan_amount", "A valid number is required."),
            violation("default_loan_amount", "A valid number is required."),
            violation("max_interest_rate", "A valid number is required."),
            violation("default_interest_rate", "A valid number is required."));
  }

  @Test
  void amountsTakeAtMostTwoDecimalPlacesAndComeBackWithExactlyTwo() {
    assertThat(violations(revolving().with(MAX_LOAN_AMOUNT, "1500000.005")))
        .containsExactly(
            violation("max_loan_amount", "Ensure that there are no more than 2 decimal places."));
    ProductTerms terms =
        policy.validate(
            revolving()
                .with(MAX_LOAN_AMOUNT, "1500000")
                .with(DEFAULT_LOAN_AMOUNT, " 1.2E+5 ")
                .with(MINIMUM_PAYMENT_AMOUNT, "500.500"));
    assertThat(terms.maxLoanAmount()).isEqualTo(new BigDecimal("1500000.00"));
    assertThat(terms.maxLoanAmount().toPlainString()).isEqualTo("1500000.00");
    assertThat(terms.defaultLoanAmount().toPlainString()).isEqualTo("120000.00");
    assertThat(terms.minimumPaymentAmount().toPlainString()).isEqualTo("500.50");
  }

  @Test
  void amountsMustBePositiveAndFitEighteenWholeDigits() {
    assertThat(
            violations(
                revolving()
                    .with(MAX_LOAN_AMOUNT, "0")
                    .with(DEFAULT_LOAN_AMOUNT, "-10")
                    .with(MINIMUM_PAYMENT_AMOUNT, "1e18")))
        .containsExactly(
            violation("max_loan_amount", "Ensure this value is greater than or equal to 0.01."),
            violation("default_loan_amount", "Ensure this value is greater than or equal to 0.01."),
            violation(
                "minimum_payment_amount",
                "Ensure that there are no more than 18 digits before the decimal point."));
    assertThat(
            policy
                .validate(revolving().with(MAX_LOAN_AMOUNT, "999999999999999999.99"))
                .maxLoanAmount()
                .toPlainString())
        .isEqualTo("999999999999999999.99");
  }

  @Test
  void ratesArePercentagesFromZeroToHundredWithAtMostFourDecimalPlaces() {
    assertThat(
            violations(
                revolving().with(MAX_INTEREST_RATE, "100.5").with(DEFAULT_INTEREST_RATE, "-0.5")))
        .containsExactly(
            violation("max_interest_rate", "Ensure this value is less than or equal to 100."),
            violation("default_interest_rate", "Ensure this value is greater than or equal to 0."));
    assertThat(violations(revolving().with(MAX_INTEREST_RATE, "5.12345")))
        .containsExactly(
            violation("max_interest_rate", "Ensure that there are no more than 4 decimal places."));
    ProductTerms terms =
        policy.validate(
            revolving().with(MAX_INTEREST_RATE, "100").with(DEFAULT_INTEREST_RATE, "5.50"));
    assertThat(terms.maxInterestRate().toPlainString()).isEqualTo("100");
    assertThat(terms.defaultInterestRate().toPlainString()).isEqualTo("5.5");
    assertThat(
            policy
                .validate(revolving().with(DEFAULT_INTEREST_RATE, "0.0000"))
                .defaultInterestRate()
                .toPlainString())
        .isEqualTo("0");
  }

  @Test
  void defaultsMayNotExceedTheirMaximum() {
    assertThat(
            violations(
                revolving()
                    .with(MAX_LOAN_AMOUNT, "1000")
                    .with(DEFAULT_LOAN_AMOUNT, "1000.01")
                    .with(MAX_INTEREST_RATE, "12.50")
                    .with(DEFAULT_INTEREST_RATE, "12.5001")))
        .containsExactly(
            violation(
                "default_loan_amount",
                "Ensure this value is less than or equal to max_loan_amount (1000.00)."),
            violation(
                "default_interest_rate",
                "Ensure this value is less than or equal to max_interest_rate (12.5)."));
    ProductTerms equal =
        policy.validate(
            revolving()
                .with(MAX_LOAN_AMOUNT, "1000")
                .with(DEFAULT_LOAN_AMOUNT, "1000.00")
                .with(MAX_INTEREST_RATE, "12.5")
                .with(DEFAULT_INTEREST_RATE, "12.5"));
    assertThat(equal.defaultLoanAmount()).isEqualTo(equal.maxLoanAmount());
  }

  @Test
  void repaymentDatePeriodIsRequiredExactlyForDayOfMonth() {
    assertThat(violations(revolving().with(REPAYMENT_DATE_TYPE, "day_of_month")))
        .containsExactly(
            violation(
                "repayment_date_period",
                "This field is required when repayment_date_type is day_of_month."));
    assertThat(
            violations(
                revolving()
                    .with(REPAYMENT_DATE_TYPE, "last_day_of_month")
                    .with(REPAYMENT_DATE_PERIOD, 15)))
        .containsExactly(
            violation(
                "repayment_date_period",
                "This field applies only when repayment_date_type is day_of_month."));
    assertThat(violations(revolving().with(REPAYMENT_DATE_PERIOD, 15)))
        .containsExactly(
            violation(
                "repayment_date_period",
                "This field applies only when repayment_date_type is day_of_month."));
    assertThat(
            policy
                .validate(
                    revolving()
                        .with(REPAYMENT_DATE_TYPE, "day_of_month")
                        .with(REPAYMENT_DATE_PERIOD, 31))
                .repaymentDatePeriod())
        .isEqualTo(31);
  }

  @Test
  void repaymentDatePeriodIsADayOfTheMonth() {
    ProductInput dayOfMonth = revolving().with(REPAYMENT_DATE_TYPE, "day_of_month");
    assertThat(violations(dayOfMonth.with(REPAYMENT_DATE_PERIOD, 0)))
        .containsExactly(
            violation("repayment_date_period", "Ensure this value is greater than or equal to 1."));
    assertThat(violations(dayOfMonth.with(REPAYMENT_DATE_PERIOD, 32)))
        .containsExactly(
            violation("repayment_date_period", "Ensure this value is less than or equal to 31."));
    assertThat(
            violations(
                revolving()
                    .with(REPAYMENT_DATE_TYPE, "last_day_of_month")
                    .with(REPAYMENT_DATE_PERIOD, 32)))
        .containsExactly(
            violation("repayment_date_period", "Ensure this value is less than or equal to 31."));
  }

  @Test
  void anUnknownRepaymentDateTypeIsReportedWithoutGuessingAboutThePeriod() {
    assertThat(
            violations(
                revolving().with(REPAYMENT_DATE_TYPE, "weekly").with(REPAYMENT_DATE_PERIOD, 5)))
        .containsExactly(violation("repayment_date_type", "\"weekly\" is not a valid choice."));
  }

  @Test
  void termLoanFieldsOnOtherTypesAreRefused() {
    ProductInput withTermFields =
        revolving()
            .with(INSTALLMENTS, 12)
            .with(DEFAULT_GRACE_INSTALMENTS, 1)
            .with(PRINCIPAL_REPAYMENT_GRACE, 2)
            .with(INTEREST_CALCULATION, "not even a choice")
            .with(EARLY_REPAYMENT_RECALCULATION, "reduced_instalments");
    List<FieldViolation> expected =
        List.of(
            violation("installments", "This field applies only to term loans."),
            violation("default_grace_instalments", "This field applies only to term loans."),
            violation("principal_repayment_grace", "This field applies only to term loans."),
            violation("interest_calculation", "This field applies only to term loans."),
            violation("early_repayment_recalculation", "This field applies only to term loans."));
    assertThat(violations(withTermFields)).containsExactlyElementsOf(expected);
    ProductInput payg = payAsYouGo();
    for (ProductField field :
        List.of(
            INSTALLMENTS,
            DEFAULT_GRACE_INSTALMENTS,
            PRINCIPAL_REPAYMENT_GRACE,
            INTEREST_CALCULATION,
            EARLY_REPAYMENT_RECALCULATION)) {
      payg = payg.with(field, withTermFields.get(field));
    }
    assertThat(violations(payg)).containsExactlyElementsOf(expected);
  }

  @Test
  void revolvingAndPayAsYouGoFieldsOnOtherTypesAreRefused() {
    assertThat(
            violations(
                termLoan()
                    .with(STATEMENT_DAY, 1)
                    .with(REPAYMENT_DUE_DAY, 2)
                    .with(MINIMUM_PAYMENT_PERCENT, "5")
                    .with(MINIMUM_PAYMENT_AMOUNT, "100")
                    .with(REPAYMENT_PER_HECTARE, "10")
                    .with(BILLING_DUE_DAYS, 3)))
        .containsExactly(
            violation("statement_day", "This field applies only to revolving credit."),
            violation("repayment_due_day", "This field applies only to revolving credit."),
            violation("minimum_payment_percent", "This field applies only to revolving credit."),
            violation("minimum_payment_amount", "This field applies only to revolving credit."),
            violation(
                "repayment_per_hectare", "This field applies only to pay-as-you-go products."),
            violation("billing_due_days", "This field applies only to pay-as-you-go products."));
  }

  @Test
  void eachTypeRequiresTheFieldsItCannotWorkWithout() {
    assertThat(violations(ProductInput.empty().with(TYPE, "revolving_credit").with(NAME, "R")))
        .containsExactly(
            violation("statement_day", "This field is required for revolving credit."),
            violation("repayment_due_day", "This field is required for revolving credit."),
            violation("minimum_payment_percent", "This field is required for revolving credit."));
    assertThat(violations(ProductInput.empty().with(TYPE, "term_loan").with(NAME, "T")))
        .containsExactly(
            violation("installments", "This field is required for term loans."),
            violation("interest_calculation", "This field is required for term loans."),
            violation("early_repayment_recalculation", "This field is required for term loans."));
    assertThat(violations(ProductInput.empty().with(TYPE, "pay_as_you_go").with(NAME, "P")))
        .containsExactly(
            violation(
                "repayment_per_hectare", "This field is required for pay-as-you-go products."),
            violation("billing_due_days", "This field is required for pay-as-you-go products."));
  }

  @Test
  void revolvingCreditDaysExistInEveryMonthAndTheMinimumPaymentIsAShare() {
    assertThat(
            violations(
                revolving()
                    .with(STATEMENT_DAY, 29)
                    .with(REPAYMENT_DUE_DAY, 0)
                    .with(MINIMUM_PAYMENT_PERCENT, "0")
                    .with(MINIMUM_PAYMENT_AMOUNT, "0.001")))
        .containsExactly(
            violation("statement_day", "Ensure this value is less than or equal to 28."),
            violation("repayment_due_day", "Ensure this value is greater than or equal to 1."),
            violation(
                "minimum_payment_percent", "Ensure this value is greater than or equal to 0.0001."),
            violation(
                "minimum_payment_amount", "Ensure that there are no more than 2 decimal places."));
    assertThat(violations(revolving().with(MINIMUM_PAYMENT_PERCENT, "100.01")))
        .containsExactly(
            violation(
                "minimum_payment_percent", "Ensure this value is less than or equal to 100."));
  }

  @Test
  void payAsYouGoBillsAPositiveAmountPerHectareWithDueDaysUpToNinety() {
    assertThat(violations(payAsYouGo().with(REPAYMENT_PER_HECTARE, "0").with(BILLING_DUE_DAYS, 91)))
        .containsExactly(
            violation(
                "repayment_per_hectare", "Ensure this value is greater than or equal to 0.01."),
            violation("billing_due_days", "Ensure this value is less than or equal to 90."));
    assertThat(violations(payAsYouGo().with(BILLING_DUE_DAYS, -1)))
        .containsExactly(
            violation("billing_due_days", "Ensure this value is greater than or equal to 0."));
    assertThat(policy.validate(payAsYouGo().with(BILLING_DUE_DAYS, 0)).billingDueDays()).isZero();
  }

  @Test
  void graceMustLeaveAtLeastOneInstalmentToRepay() {
    assertThat(
            violations(
                termLoan().with(DEFAULT_GRACE_INSTALMENTS, 12).with(PRINCIPAL_REPAYMENT_GRACE, 13)))
        .containsExactly(
            violation(
                "default_grace_instalments", "Ensure this value is less than installments (12)."),
            violation(
                "principal_repayment_grace", "Ensure this value is less than installments (12)."));
    ProductTerms terms =
        policy.validate(
            termLoan().with(DEFAULT_GRACE_INSTALMENTS, 11).with(PRINCIPAL_REPAYMENT_GRACE, 0));
    assertThat(terms.defaultGraceInstalments()).isEqualTo(11);
    assertThat(terms.principalRepaymentGrace()).isZero();
  }

  @Test
  void countsMayNotBeNegativeAndInstallmentsStartAtOne() {
    assertThat(
            violations(
                termLoan()
                    .with(INSTALLMENTS, 0)
                    .with(DEFAULT_GRACE_INSTALMENTS, -1)
                    .with(ARREARS_TOLERANCE, -3)))
        .containsExactly(
            violation("installments", "Ensure this value is greater than or equal to 1."),
            violation(
                "default_grace_instalments", "Ensure this value is greater than or equal to 0."),
            violation("arrears_tolerance", "Ensure this value is greater than or equal to 0."));
  }

  @Test
  void currencyDefaultsToNairaAndMustBeAnIsoCode() {
    assertThat(policy.validate(revolving().with(CURRENCY, " kes ")).currency()).isEqualTo("KES");
    assertThat(policy.validate(revolving().with(CURRENCY, null)).currency()).isEqualTo("NGN");
    assertThat(violations(revolving().with(CURRENCY, "ZZZ")))
        .containsExactly(violation("currency", "\"ZZZ\" is not a valid choice."));
    assertThat(violations(revolving().with(CURRENCY, "XAU")))
        .containsExactly(violation("currency", "\"XAU\" is not a valid choice."));
  }

  @Test
  void customFieldIsKeptExactlyAsGiven() {
    String text = "  {\"crm_id\": \"A-17\"}\n";
    assertThat(policy.validate(revolving().with(CUSTOM_FIELD, text)).customField()).isEqualTo(text);
    assertThat(policy.validate(revolving().with(CUSTOM_FIELD, "")).customField()).isEmpty();
    assertThat(violations(revolving().with(CUSTOM_FIELD, "x".repeat(10_001))))
        .containsExactly(
            violation("custom_field", "Ensure this field has no more than 10000 characters."));
  }

  @Test
  void feesAreCheckedOneByOneUnderIndexedFieldNames() {
    List<FeeInput> fees =
        List.of(
            new FeeInput("Disbursement fee", "flat", "2500", "disbursement"),
            new FeeInput(null, "fixed", "abc", "late"),
            new FeeInput(" ", null, null, null),
            new FeeInput("Arrears fee", "percent", "100.5", "arrears"),
            new FeeInput("Manual fee", "flat", "10.001", "manual"),
            new FeeInput("Default fee", "percent", "0", "default"));
    assertThat(violations(revolving().with(DEFAULT_FEES, fees)))
        .containsExactly(
            violation("default_fees[1].name", "This field is required."),
            violation("default_fees[1].type", "\"fixed\" is not a valid choice."),
            violation("default_fees[1].event", "\"late\" is not a valid choice."),
            violation("default_fees[1].amount", "A valid number is required."),
            violation("default_fees[2].name", "This field may not be blank."),
            violation("default_fees[2].type", "This field is required."),
            violation("default_fees[2].event", "This field is required."),
            violation("default_fees[2].amount", "This field is required."),
            violation("default_fees[3].amount", "Ensure this value is less than or equal to 100."),
            violation(
                "default_fees[4].amount", "Ensure that there are no more than 2 decimal places."),
            violation(
                "default_fees[5].amount", "Ensure this value is greater than or equal to 0.0001."));
  }

  @Test
  void feeNamesAreUniqueIgnoringCaseAndSurroundingSpaces() {
    List<FeeInput> fees =
        List.of(
            new FeeInput("Late fee", "flat", "100", "arrears"),
            new FeeInput(" late FEE ", "percent", "2", "default"));
    assertThat(violations(revolving().with(DEFAULT_FEES, fees)))
        .containsExactly(
            violation("default_fees[1].name", "Fee names must be unique within a product."));
  }

  @Test
  void feesKeepTheirOrderAndCanonicalAmounts() {
    List<FeeInput> fees =
        List.of(
            new FeeInput(" Disbursement fee ", "flat", "2500", "disbursement"),
            new FeeInput("Arrears fee", "percent", "1.50", "arrears"));
    assertThat(policy.validate(revolving().with(DEFAULT_FEES, fees)).defaultFees())
        .containsExactly(
            new DefaultFee(
                "Disbursement fee",
                DefaultFee.Type.FLAT,
                new BigDecimal("2500.00"),
                DefaultFee.Event.DISBURSEMENT),
            new DefaultFee(
                "Arrears fee",
                DefaultFee.Type.PERCENT,
                new BigDecimal("1.5"),
                DefaultFee.Event.ARREARS));
  }

  @Test
  void atMostFiftyFees() {
    List<FeeInput> fees = Collections.nCopies(51, new FeeInput("Fee", "flat", "1", "manual"));
    assertThat(violations(revolving().with(DEFAULT_FEES, fees)))
        .containsExactly(
            violation("default_fees", "Ensure this field has no more than 50 elements."));
  }

  @Test
  void everyViolationIsReportedAtOnce() {
    assertThat(
            violations(
                ProductInput.empty()
                    .with(NAME, "")
                    .with(MAX_LOAN_AMOUNT, "x")
                    .with(MAX_INTEREST_RATE, "101")
                    .with(REPAYMENT_DATE_TYPE, "day_of_month")))
        .extracting(FieldViolation::field)
        .containsExactly(
            "type", "name", "max_loan_amount", "max_interest_rate", "repayment_date_period");
  }

  @Test
  void aPatchLaidOverStoredTermsKeepsWhatItDoesNotName() {
    ProductTerms stored =
        policy.validate(revolving().with(MAX_LOAN_AMOUNT, "1000").with(CUSTOM_FIELD, "keep me"));
    ProductInput patch = ProductInput.empty().with(NAME, "Renamed");
    ProductTerms patched =
        policy.validate(ProductInput.of(stored).overlay(patch, Set.of(NAME, MAX_LOAN_AMOUNT)));
    assertThat(patched.name()).isEqualTo("Renamed");
    assertThat(patched.maxLoanAmount()).isNull();
    assertThat(patched.customField()).isEqualTo("keep me");
    assertThat(patched.statementDay()).isEqualTo(25);
  }

  @Test
  void storedTermsReadBackAsInputValidateToTheSameTerms() {
    ProductTerms stored =
        policy.validate(
            termLoan()
                .with(MAX_LOAN_AMOUNT, "1500000")
                .with(DEFAULT_INTEREST_RATE, "5.50")
                .with(REPAYMENT_DATE_TYPE, "day_of_month")
                .with(REPAYMENT_DATE_PERIOD, 15)
                .with(
                    DEFAULT_FEES,
                    List.of(new FeeInput("Fee", "percent", "2.5000", "disbursement"))));
    assertThat(policy.validate(ProductInput.of(stored))).isEqualTo(stored);
  }
}
