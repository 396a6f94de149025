package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.money.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * A checked payment report: the partner's reference, payer, amount and times, and the loan or
 * invoice it named for exact matching (trimmed; null when not named).
 */
public record ReportedPayment(
    String customerName,
    BigDecimal amountPaid,
    String transactionCode,
    Instant initiatedAt,
    Instant completedAt,
    @Nullable String loanId,
    @Nullable String invoiceNumber) {

  public ReportedPayment {
    requireNonNull(customerName, "customerName");
    amountPaid = Decimals.money(requireNonNull(amountPaid, "amountPaid"));
    requireNonNull(transactionCode, "transactionCode");
    requireNonNull(initiatedAt, "initiatedAt");
    requireNonNull(completedAt, "completedAt");
  }

  /**
   * SHA-256 of the canonical report: every field, each length-prefixed, the amount as a number
   * ({@code 100}, {@code "100.00"} are one amount) and the times as instants (one moment written
   * with two offsets is one time). A redelivery has the same digest; another payment reusing the
   * transaction code does not.
   */
  public byte[] digest() {
    StringBuilder canonical = new StringBuilder();
    part(canonical, "customer_name", customerName);
    part(canonical, "amount_paid", amountPaid.stripTrailingZeros().toPlainString());
    part(canonical, "transaction_code", transactionCode);
    part(canonical, "initiated_at", initiatedAt.toString());
    part(canonical, "completed_at", completedAt.toString());
    part(canonical, "loan_id", loanId);
    part(canonical, "invoice_number", invoiceNumber);
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static void part(StringBuilder out, String name, @Nullable String value) {
    out.append(name).append('=');
    if (value == null) {
      out.append('-');
    } else {
      out.append(value.length()).append(':').append(value);
    }
    out.append('\n');
  }
}
