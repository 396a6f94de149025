package dev.furrow.core.loan;

import java.util.Locale;
import java.util.Optional;

/** How a closed loan ended. */
public enum CloseSubstatus {
  /** Everything owed was repaid. */
  PAID_IN_FULL,
  /** The outstanding total was recorded as a loss. */
  WRITTEN_OFF;

  /** The API code, e.g. {@code "written_off"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The substatus with this API code, matched exactly as DRF choice fields do. */
  public static Optional<CloseSubstatus> byCode(String code) {
    for (CloseSubstatus substatus : values()) {
      if (substatus.code().equals(code)) {
        return Optional.of(substatus);
      }
    }
    return Optional.empty();
  }
}
