package dev.furrow.core.application;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.borrower.EndUserDetails;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Decides a completed application from the product and the end user as they are at that moment. The
 * rules run in a fixed order and the first that fails declines the application with its reason;
 * docs/applications.md lists them.
 */
public final class UnderwritingPolicy {
  /** Borrowers must be adults on the decision date. */
  public static final int MINIMUM_AGE = 18;

  static final String ACCEPTED = "All underwriting rules passed.";
  static final String PRODUCT_UNPUBLISHED = "Product is no longer published.";
  static final String UNDER_AGE = "Borrower is under " + MINIMUM_AGE + " years old.";

  private final Clock clock;

  /** The clock decides the decision date, against which the borrower's age is taken. */
  public UnderwritingPolicy(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /** Accepts, or declines naming the first rule that fails. */
  public Decision decide(ApplicationTerms terms, ProductLimits product, EndUserDetails borrower) {
    if (!product.published()) {
      return Decision.decline(PRODUCT_UNPUBLISHED);
    }
    if (above(terms.amount(), product.maxLoanAmount())) {
      return Decision.decline(
          "Amount is above the product's max_loan_amount ("
              + product.maxLoanAmount().toPlainString()
              + ").");
    }
    if (above(terms.rate(), product.maxInterestRate())) {
      return Decision.decline(
          "Rate is above the product's max_interest_rate ("
              + product.maxInterestRate().toPlainString()
              + ").");
    }
    if (!adultOn(borrower.birthDate(), LocalDate.now(clock))) {
      return Decision.decline(UNDER_AGE);
    }
    List<String> missing = missingDetails(borrower);
    if (!missing.isEmpty()) {
      return Decision.decline(
          "Borrower details are incomplete (missing: " + String.join(", ", missing) + ").");
    }
    return Decision.accept(ACCEPTED);
  }

  /**
   * Whether someone born on {@code birthDate} is at least {@value #MINIMUM_AGE} on {@code day}.
   * Someone born on 29 February comes of age on 1 March in a common year, the later of the two
   * readings, as a lender should take it.
   */
  static boolean adultOn(LocalDate birthDate, LocalDate day) {
    LocalDate comingOfAge = birthDate.plusYears(MINIMUM_AGE);
    if (birthDate.getMonth() == Month.FEBRUARY
        && birthDate.getDayOfMonth() == 29
        && comingOfAge.getDayOfMonth() == 28) {
      comingOfAge = comingOfAge.plusDays(1);
    }
    return !day.isBefore(comingOfAge);
  }

  /**
   * The details a loan contract and collections need that are blank: the names, the first address
   * line, city, postal code, bank account number and sort code, and at least one way to reach the
   * borrower (email or mobile number).
   */
  static List<String> missingDetails(EndUserDetails borrower) {
    Map<String, String> required = new LinkedHashMap<>();
    required.put("first_name", borrower.firstName());
    required.put("last_name", borrower.lastName());
    required.put("address_line_1", borrower.addressLine1());
    required.put("city", borrower.city());
    required.put("postal_code", borrower.postalCode());
    required.put("bank_account_number", borrower.bankAccountNumber());
    required.put("sort_code", borrower.sortCode());
    List<String> missing = new ArrayList<>();
    required.forEach(
        (name, value) -> {
          if (blank(value)) {
            missing.add(name);
          }
        });
    if (blank(borrower.email()) && blank(borrower.mobileNumber())) {
      missing.add("email or mobile_number");
    }
    return missing;
  }

  private static boolean above(BigDecimal value, @Nullable BigDecimal limit) {
    return limit != null && value.compareTo(limit) > 0;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
