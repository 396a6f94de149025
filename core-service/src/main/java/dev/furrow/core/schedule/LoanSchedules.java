package dev.furrow.core.schedule;

import dev.furrow.core.error.NotFoundException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A partner's read of its loans' schedules; another partner's loan is never found. */
public final class LoanSchedules {
  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final ScheduleRepository repository;

  public LoanSchedules(ScheduleRepository repository) {
    this.repository = repository;
  }

  /** The schedule of one of the partner's loans; an id that is not a UUID is not found. */
  public LoanSchedule get(long partnerId, String loanId) {
    return parseUuid(loanId)
        .flatMap(id -> repository.find(partnerId, id))
        .orElseThrow(() -> new NotFoundException("Not found."));
  }

  private static Optional<UUID> parseUuid(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }
}
