package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A checked request to create a transaction, not yet held against its loan. A fee has a name and
 * may have an amount and a fee type; whether it must have them depends on the loan's product.
 */
public record TransactionRequest(
    UUID loanId,
    String loanAsSent,
    TransactionType type,
    @Nullable BigDecimal amount,
    @Nullable String feeName,
    @Nullable DefaultFee.Type feeType,
    String idempotencyKey,
    @Nullable String customField) {

  public TransactionRequest {
    requireNonNull(loanId, "loanId");
    requireNonNull(loanAsSent, "loanAsSent");
    requireNonNull(type, "type");
    requireNonNull(idempotencyKey, "idempotencyKey");
    if (type == TransactionType.FEE && feeName == null) {
      throw new IllegalArgumentException("feeName: null (expected: set on a fee)");
    }
  }

  /**
   * SHA-256 (hex) of the canonical request: the loan, the type, the amount as a number (so "100"
   * and "100.00" are the same request), the fee's name and type, and the custom field, each
   * length-prefixed so no two different requests share a text. The idempotency key itself is not
   * part of it.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    part(canonical, "loan", loanId.toString());
    part(canonical, "type", type.code());
    // Scientific notation of the stripped number: one text per number, and cheap even for an
    // exponent that a plain string would have to spell out digit by digit.
    part(canonical, "amount", amount == null ? null : amount.stripTrailingZeros().toString());
    part(canonical, "fee_name", feeName);
    part(canonical, "fee_type", feeType == null ? null : feeType.code());
    part(canonical, "custom_field", customField);
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
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
