package dev.furrow.core.schedule;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.product.EarlyRepaymentRecalculation;
import dev.furrow.core.product.InterestCalculation;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * What a term loan's schedule is computed from: the loan's annual rate (a percentage: 12 means
 * 12%), number of instalments and grace, and the product's methods. {@code minorUnits} is the
 * number of decimal places of the currency's minor unit, the point every amount is rounded to.
 */
public record ScheduleTerms(
    BigDecimal annualRate,
    InterestCalculation method,
    EarlyRepaymentRecalculation recalculation,
    int installments,
    int graceInstalments,
    int principalGrace,
    boolean interestOnHolidays,
    int minorUnits) {

  public ScheduleTerms {
    requireNonNull(annualRate, "annualRate");
    requireNonNull(method, "method");
    requireNonNull(recalculation, "recalculation");
    if (annualRate.signum() < 0) {
      throw new IllegalArgumentException("annualRate: " + annualRate + " (expected: >= 0)");
    }
    if (installments < 1) {
      throw new IllegalArgumentException("installments: " + installments + " (expected: >= 1)");
    }
    if (graceInstalments < 0 || graceInstalments >= installments) {
      throw new IllegalArgumentException(
          "graceInstalments: " + graceInstalments + " (expected: 0 to " + (installments - 1) + ")");
    }
    if (principalGrace < 0 || principalGrace >= installments) {
      throw new IllegalArgumentException(
          "principalGrace: " + principalGrace + " (expected: 0 to " + (installments - 1) + ")");
    }
    if (minorUnits < 0 || minorUnits > 2) {
      throw new IllegalArgumentException("minorUnits: " + minorUnits + " (expected: 0 to 2)");
    }
  }

  /**
   * The decimal places of the currency's minor unit, at most 2 (the places money is stored with); 2
   * for a code Java does not know.
   */
  public static int minorUnitsOf(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : Math.min(digits, 2);
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }

  /** The kind of instalment {@code number} (from 1): grace first, then principal grace. */
  public InstalmentKind kindOf(int number) {
    if (number <= graceInstalments) {
      return InstalmentKind.GRACE;
    }
    return number <= principalGrace ? InstalmentKind.INTEREST_ONLY : InstalmentKind.REGULAR;
  }
}
