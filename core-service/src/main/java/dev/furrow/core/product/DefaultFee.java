package dev.furrow.core.product;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;

/**
 * A fee a loan account of the product can charge: a flat amount or a percentage of the account
 * balance, applied on an event. The amount is held in its canonical form (see {@link Decimals}).
 */
public record DefaultFee(String name, Type type, BigDecimal amount, Event event) {
  public DefaultFee {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(amount, "amount");
    requireNonNull(event, "event");
    amount = type == Type.FLAT ? Decimals.money(amount) : Decimals.percentage(amount);
  }

  /** How the amount is read. */
  public enum Type {
    /** The amount is money in the product's currency. */
    FLAT,
    /** The amount is a percentage of the account balance. */
    PERCENT;

    public String code() {
      return Codes.of(this);
    }
  }

  /** When the fee is charged. */
  public enum Event {
    DISBURSEMENT,
    ARREARS,
    DEFAULT,
    /** Only when asked for through the API. */
    MANUAL;

    public String code() {
      return Codes.of(this);
    }
  }
}
