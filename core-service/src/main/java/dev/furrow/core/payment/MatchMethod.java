package dev.furrow.core.payment;

import java.util.Locale;
import java.util.Optional;

/** How a payment found its contract. */
public enum MatchMethod {
  /** The report named the contract's loan_id. */
  LOAN_ID,
  /** The report named one of the contract's invoices. */
  INVOICE_NUMBER,
  /** The payer's name was the borrower of exactly one of the partner's open contracts. */
  CUSTOMER_NAME,
  /** An operator assigned it from the unmatched queue. */
  OPERATOR;

  /** The API code, e.g. {@code "invoice_number"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<MatchMethod> byCode(String code) {
    for (MatchMethod method : values()) {
      if (method.code().equals(code)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
