package dev.furrow.core.telematics;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.error.Violations;
import java.util.regex.Pattern;

/** Operator use case: tractors are registered to the partner that finances them. */
public final class TractorRegistry {
  private static final Pattern TRACTOR_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final UsageRepository repository;

  public TractorRegistry(UsageRepository repository) {
    this.repository = repository;
  }

  /** Registers the tractor; repeating the same registration is harmless. */
  public void register(String tractorId, long partnerId) {
    new Violations()
        .check(
            !TRACTOR_ID.matcher(tractorId).matches(),
            "tractor_id",
            "Use 1 to 64 letters, digits, '.', '_' or '-'.")
        .throwIfAny();
    if (!repository.partnerExists(partnerId)) {
      throw new NotFoundException("No partner with id " + partnerId + ".");
    }
    long holder = repository.registerTractor(tractorId, partnerId);
    if (holder != partnerId) {
      throw new ConflictException(
          "Tractor \"" + tractorId + "\" is already registered to another partner.");
    }
  }
}
