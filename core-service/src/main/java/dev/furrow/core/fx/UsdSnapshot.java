package dev.furrow.core.fx;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.annotation.Nullable;

/**
 * A local amount in US dollars at reporting time: amount / units_per_usd of the rate in force,
 * rounded half-even to cents; or, with no rate in force, why not.
 */
public record UsdSnapshot(@Nullable BigDecimal usd, @Nullable String unavailable) {

  /** The snapshot of {@code amount} in {@code currency} at {@code at} under {@code rate}. */
  public static UsdSnapshot of(
      BigDecimal amount, String currency, @Nullable FxRate rate, Instant at) {
    requireNonNull(amount, "amount");
    if (rate == null) {
      return new UsdSnapshot(
          null,
          "No USD rate for "
              + currency
              + " in force at "
              + at.truncatedTo(ChronoUnit.SECONDS)
              + ".");
    }
    return new UsdSnapshot(amount.divide(rate.unitsPerUsd(), 2, RoundingMode.HALF_EVEN), null);
  }
}
