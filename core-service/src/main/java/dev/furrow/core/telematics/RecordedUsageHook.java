package dev.furrow.core.telematics;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Runs inside the recording transaction right after a batch's new usage rows are inserted (not the
 * duplicates), so what it writes (the weekly billing) commits or rolls back with them.
 */
@FunctionalInterface
public interface RecordedUsageHook {
  /** Does nothing. */
  RecordedUsageHook NONE = (h, reports) -> {};

  /** Called once per batch with the reports that became new usage rows, in delivery order. */
  void recorded(Handle h, List<UsageReport> reports);
}
