package dev.furrow.core.transaction;

import java.util.Locale;
import java.util.Optional;

/** Where a transaction is in its life. */
public enum TransactionStatus {
  /**
   * Accepted but not applied yet, waiting for a payment provider. Nothing creates these today; the
   * status exists so that a later pending transaction blocks reverts as the reference says.
   */
  PENDING("pending"),
  /** In effect on the loan. */
  APPLIED("applied"),
  /** Undone by its reversal, which {@code related_transaction} names. */
  REVERTED("reverted"),
  /** The record that undid another transaction (its {@code related_transaction}). */
  REVERSAL("a reversal");

  private final String described;

  TransactionStatus(String described) {
    this.described = described;
  }

  /** The API code, e.g. {@code "reverted"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How messages state it: "Transaction is reverted". */
  String described() {
    return described;
  }

  /** The status with this API code. */
  public static Optional<TransactionStatus> byCode(String code) {
    for (TransactionStatus status : values()) {
      if (status.code().equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
