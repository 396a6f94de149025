package dev.furrow.core.query;

import dev.furrow.core.error.Violations;
import java.math.BigInteger;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Reads {@code limit} and {@code offset} text. A limit above the maximum is clamped to it, as DRF's
 * limit/offset pagination does; a limit below 1 or a negative offset is an error.
 */
record Page(int limit, int offset) {
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final String NOT_INTEGER = "A valid integer is required.";

  /** The page asked for, or defaults; problems go to {@code violations}. */
  static Page parse(
      @Nullable String limit,
      @Nullable String offset,
      int defaultLimit,
      int maxLimit,
      Violations violations) {
    BigInteger requestedLimit = integer("limit", limit, violations);
    BigInteger requestedOffset = integer("offset", offset, violations);
    int pageLimit = defaultLimit;
    if (requestedLimit != null) {
      if (requestedLimit.signum() < 1) {
        violations.add("limit", "Ensure this value is greater than or equal to 1.");
      } else {
        pageLimit = requestedLimit.min(BigInteger.valueOf(maxLimit)).intValueExact();
      }
    }
    int pageOffset = 0;
    if (requestedOffset != null) {
      if (requestedOffset.signum() < 0) {
        violations.add("offset", "Ensure this value is greater than or equal to 0.");
      } else if (requestedOffset.bitLength() > 31) {
        violations.add(
            "offset", "Ensure this value is less than or equal to " + Integer.MAX_VALUE + ".");
      } else {
        pageOffset = requestedOffset.intValueExact();
      }
    }
    return new Page(pageLimit, pageOffset);
  }

  /** The integer in {@code text}, or null when it is blank or (reported) not an integer. */
  @Nullable
  private static BigInteger integer(String field, @Nullable String text, Violations violations) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    if (trimmed.length() > 100 || !INTEGER.matcher(trimmed).matches()) {
      violations.add(field, NOT_INTEGER);
      return null;
    }
    return new BigInteger(trimmed);
  }
}
