package dev.furrow.core.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an instalment stands. {@code overdue} is set when a due date passes unpaid; the schedule
 * sets it whenever it is rewritten and close of business will set it daily.
 */
public enum InstalmentStatus {
  /** Not yet due and nothing paid. */
  PENDING,
  /** Not yet due (or due today) and partly paid. */
  PARTIALLY_PAID,
  /** Nothing left to pay (also an instalment that asks for nothing, a grace instalment). */
  PAID,
  /** The due date has passed and something is left to pay. */
  OVERDUE;

  /** The API and database spelling: {@code partially_paid}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status spelled {@code code}, if any. */
  public static Optional<InstalmentStatus> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
  }
}
