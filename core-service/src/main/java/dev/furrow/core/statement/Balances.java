package dev.furrow.core.statement;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/** A loan's outstanding principal, interest and fee at one moment (money, 2 places). */
public record Balances(BigDecimal principal, BigDecimal interest, BigDecimal fee) {
  public static final Balances ZERO =
      new Balances(
          BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

  public Balances {
    requireNonNull(principal, "principal");
    requireNonNull(interest, "interest");
    requireNonNull(fee, "fee");
    principal = principal.setScale(2);
    interest = interest.setScale(2);
    fee = fee.setScale(2);
  }

  /** Principal + interest + fee. */
  public BigDecimal total() {
    return principal.add(interest).add(fee);
  }

  public Balances minus(Balances other) {
    return new Balances(
        principal.subtract(other.principal),
        interest.subtract(other.interest),
        fee.subtract(other.fee));
  }
}
