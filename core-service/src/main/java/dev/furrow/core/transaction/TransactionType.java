package dev.furrow.core.transaction;

import java.util.Locale;
import java.util.Optional;

/** What a transaction does to a loan. */
public enum TransactionType {
  /** Pays out (part of) the approved amount; it becomes principal owed. */
  DISBURSEMENT,
  /** Money paid in, allocated to fees, interest and principal. */
  REPAYMENT,
  /** Charges the borrower a product fee or a custom one. */
  FEE;

  /** The API code, e.g. {@code "repayment"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with this API code, matched exactly as DRF choice fields do. */
  public static Optional<TransactionType> byCode(String code) {
    for (TransactionType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
