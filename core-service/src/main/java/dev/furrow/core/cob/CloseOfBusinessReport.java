package dev.furrow.core.cob;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a close-of-business request: the dates it closed in order (none when the date was
 * already closed), and the business date afterwards.
 */
public record CloseOfBusinessReport(
    LocalDate requested,
    boolean alreadyClosed,
    List<ClosedDate> closed,
    LocalDate businessDate,
    Optional<LocalDate> lastClosed) {
  public CloseOfBusinessReport {
    closed = List.copyOf(closed);
  }

  /** "2026-01-31 is already closed." or "Closed 3 dates: 2026-01-29 to 2026-01-31." */
  public String message() {
    if (alreadyClosed) {
      return requested + " is already closed.";
    }
    if (closed.size() == 1) {
      return "Closed 1 date: " + closed.get(0).businessDate() + ".";
    }
    return "Closed "
        + closed.size()
        + " dates: "
        + closed.get(0).businessDate()
        + " to "
        + closed.get(closed.size() - 1).businessDate()
        + ".";
  }
}
