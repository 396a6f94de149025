package dev.furrow.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.furrow.core.borrower.EndUserDetails;
import dev.furrow.core.product.ProductType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnderwritingPolicyTest {
  /** The decision date of every case: 15 March 2026, UTC. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-15T23:30:00Z"), ZoneOffset.UTC);

  private final UnderwritingPolicy policy = new UnderwritingPolicy(CLOCK);

  private static ProductLimits product(boolean published) {
    return new ProductLimits(
        UUID.randomUUID(),
        ProductType.TERM_LOAN,
        published,
        new BigDecimal("1500000.00"),
        new BigDecimal("1200000.00"),
        new BigDecimal("24.0000"),
        new BigDecimal("5.5000"),
        24);
  }

  private static ApplicationTerms terms(String amount, String rate) {
    return new ApplicationTerms(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new BigDecimal(amount),
        24,
        new BigDecimal(rate),
        null);
  }

  private static EndUserDetails borrower(LocalDate birthDate, String email, String mobile) {
    return new EndUserDetails(
        "Amina",
        "Okafor",
        birthDate,
        "12 Farm Road",
        "Kaduna South",
        null,
        "Kaduna",
        "800001",
        "NG",
        "0123456789",
        "058",
        mobile,
        email);
  }

  private static EndUserDetails adult() {
    return borrower(LocalDate.of(1988, 7, 21), "amina@example.ng", null);
  }

  private Decision decide(ApplicationTerms terms, ProductLimits product, EndUserDetails borrower) {
    return policy.decide(terms, product, borrower);
  }

  @Test
  void acceptsWhenEveryRulePasses() {
    Decision decision = decide(terms("1500000", "24"), product(true), adult());

    assertThat(decision).isEqualTo(Decision.accept("All underwriting rules passed."));
  }

  @Test
  void aMobileNumberAloneIsEnoughContact() {
    Decision decision =
        decide(
            terms("1000", "5"),
            product(true),
            borrower(LocalDate.of(1988, 7, 21), null, "+2348012345678"));

    assertThat(decision.status()).isEqualTo(ApplicationStatus.ACCEPTED);
  }

  @Test
  void declinesAnUnpublishedProductFirst() {
    Decision decision =
        decide(
            terms("9999999", "99"), product(false), borrower(LocalDate.of(2020, 1, 1), null, null));

    assertThat(decision).isEqualTo(Decision.decline("Product is no longer published."));
  }

  @Test
  void declinesAnAmountAboveTheProductsMaximum() {
    assertThat(decide(terms("1500000.01", "99"), product(true), adult()))
        .isEqualTo(Decision.decline("Amount is above the product's max_loan_amount (1500000.00)."));
  }

  @Test
  void declinesARateAboveTheProductsMaximum() {
    assertThat(decide(terms("1000", "24.0001"), product(true), adult()))
        .isEqualTo(Decision.decline("Rate is above the product's max_interest_rate (24)."));
  }

  @Test
  void productsWithoutMaximaTakeAnyAmountAndRate() {
    ProductLimits open =
        new ProductLimits(
            UUID.randomUUID(), ProductType.PAY_AS_YOU_GO, true, null, null, null, null, null);

    assertThat(decide(terms("999999999", "100"), open, adult()).status())
        .isEqualTo(ApplicationStatus.ACCEPTED);
  }

  @Test
  void declinesABorrowerUnder18OnTheDecisionDate() {
    LocalDate eighteenTomorrow = LocalDate.of(2008, 3, 16);
    LocalDate eighteenToday = LocalDate.of(2008, 3, 15);

    assertThat(
            decide(terms("1000", "5"), product(true), borrower(eighteenTomorrow, "a@b.ng", null)))
        .isEqualTo(Decision.decline("Borrower is under 18 years old."));
    assertThat(
            decide(terms("1000", "5"), product(true), borrower(eighteenToday, "a@b.ng", null))
                .status())
        .isEqualTo(ApplicationStatus.ACCEPTED);
  }

  @Test
  void aLeapDayBirthdayComesOfAgeOnTheFirstOfMarchInACommonYear() {
    LocalDate leapDay = LocalDate.of(2008, 2, 29);

    assertThat(UnderwritingPolicy.adultOn(leapDay, LocalDate.of(2026, 2, 28))).isFalse();
    assertThat(UnderwritingPolicy.adultOn(leapDay, LocalDate.of(2026, 3, 1))).isTrue();
    assertThat(UnderwritingPolicy.adultOn(LocalDate.of(2006, 2, 28), LocalDate.of(2024, 2, 28)))
        .isTrue();
    assertThat(UnderwritingPolicy.adultOn(LocalDate.of(2004, 2, 29), LocalDate.of(2022, 2, 28)))
        .isFalse();
  }

  @Test
  void declinesABorrowerWhoCannotBeReached() {
    assertThat(
            decide(
                terms("1000", "5"), product(true), borrower(LocalDate.of(1988, 7, 21), null, null)))
        .isEqualTo(
            Decision.decline("Borrower details are incomplete (missing: email or mobile_number)."));
  }

  @Test
  void namesEveryMissingDetail() {
    EndUserDetails sparse =
        new EndUserDetails(
            "Amina",
            "Okafor",
            LocalDate.of(1988, 7, 21),
            " ",
            "x",
            null,
            "",
            "800001",
            null,
            "0123456789",
            " ",
            null,
            " ");

    assertThat(decide(terms("1000", "5"), product(true), sparse).reason())
        .isEqualTo(
            "Borrower details are incomplete (missing: address_line_1, city, sort_code, email or"
                + " mobile_number).");
  }

  @Test
  void theFirstFailingRuleWins() {
    assertThat(
            decide(
                    terms("1500000.01", "30"),
                    product(true),
                    borrower(LocalDate.of(2020, 1, 1), null, null))
                .reason())
        .isEqualTo("Amount is above the product's max_loan_amount (1500000.00).");
    assertThat(
            decide(
                    terms("1000", "5"),
                    product(true),
                    borrower(LocalDate.of(2020, 1, 1), null, null))
                .reason())
        .isEqualTo("Borrower is under 18 years old.");
  }
}
