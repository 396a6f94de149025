package dev.furrow.core.statement;

import dev.furrow.core.schedule.InstalmentStatus;
import java.util.Locale;
import javax.annotation.Nullable;

/** Where a statement's minimum payment stands; its instalment's status, pending read as open. */
public enum StatementStatus {
  /** Not due yet (or due today) and nothing paid. */
  OPEN,
  /** Not due yet (or due today) and partly paid. */
  PARTIALLY_PAID,
  /** Paid in full, or nothing was asked (a minimum of 0.00). */
  PAID,
  /** Unpaid after its due date. */
  OVERDUE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status of a minimum whose instalment has {@code instalment} (null: no minimum). */
  public static StatementStatus of(@Nullable InstalmentStatus instalment) {
    if (instalment == null) {
      return PAID;
    }
    return switch (instalment) {
      case PENDING -> OPEN;
      case PARTIALLY_PAID -> PARTIALLY_PAID;
      case PAID -> PAID;
      case OVERDUE -> OVERDUE;
    };
  }
}
