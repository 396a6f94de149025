package dev.furrow.core.telematics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records a batch of deliveries in one database transaction: each becomes usage, a duplicate of
 * usage already recorded, or a rejected record with its reason. Nothing is dropped.
 *
 * <p>The accepted reports of a batch go to the database in one multi-row insert that skips the
 * (tractor id, message id) pairs already stored and returns those it stored: one statement per
 * batch instead of one per report. A key repeated inside the batch is recorded for its first
 * occurrence and a duplicate for the others.
 *
 * <p>Billing ({@link RecordedUsageHook}) is decided before that insert, so each row is written once
 * with its billing columns, and its totals are added after it for the rows actually inserted.
 */
public final class UsageRecorder {
  private final UsageRepository repository;
  private final UsagePolicy policy;
  private final RecordedUsageHook hook;

  public UsageRecorder(UsageRepository repository, UsagePolicy policy) {
    this(repository, policy, RecordedUsageHook.NONE);
  }

  /** A recorder that has {@code hook} bill each batch's new usage in the same transaction. */
  public UsageRecorder(UsageRepository repository, UsagePolicy policy, RecordedUsageHook hook) {
    this.repository = repository;
    this.policy = policy;
    this.hook = hook;
  }

  /** One outcome per delivery, in order; all of them durable when this returns. */
  public List<UsageOutcome> record(List<UsageDelivery> deliveries) {
    return repository
        .jdbi()
        .inTransaction(
            h -> {
              Set<String> known =
                  repository.registeredTractors(
                      h,
                      deliveries.stream()
                          .filter(d -> d.report() != null)
                          .map(d -> d.report().tractorId())
                          .distinct()
                          .toList());
              UsageOutcome[] outcomes = new UsageOutcome[deliveries.size()];
              List<UsageReport> accepted = new ArrayList<>(deliveries.size());
              List<Integer> acceptedAt = new ArrayList<>(deliveries.size());
              Set<UsageRepository.UsageKey> inBatch = new HashSet<>();
              for (int i = 0; i < deliveries.size(); i++) {
                UsageDelivery delivery = deliveries.get(i);
                Optional<String> rejection = rejection(delivery, known);
                if (rejection.isPresent()) {
                  long id = repository.insertRejected(h, delivery, rejection.get());
                  outcomes[i] = UsageOutcome.rejected(rejection.get(), id);
                } else if (inBatch.add(UsageRepository.UsageKey.of(delivery.report()))) {
                  accepted.add(delivery.report());
                  acceptedAt.add(i);
                } else {
                  outcomes[i] = UsageOutcome.DUPLICATE;
                }
              }
              RecordedUsageHook.Plan billing = hook.plan(h, accepted);
              Set<UsageRepository.UsageKey> stored = repository.insertUsage(h, accepted, billing);
              List<UsageReport> recorded = new ArrayList<>(stored.size());
              for (int j = 0; j < accepted.size(); j++) {
                UsageReport report = accepted.get(j);
                boolean isNew = stored.contains(UsageRepository.UsageKey.of(report));
                outcomes[acceptedAt.get(j)] =
                    isNew ? UsageOutcome.RECORDED : UsageOutcome.DUPLICATE;
                if (isNew) {
                  recorded.add(report);
                }
              }
              billing.recorded(h, recorded);
              return List.of(outcomes);
            });
  }

  private Optional<String> rejection(UsageDelivery delivery, Set<String> knownTractors) {
    UsageReport report = delivery.report();
    if (report == null) {
      String why = delivery.parseError();
      return Optional.of(why == null || why.isEmpty() ? "unparseable payload" : why);
    }
    if (!knownTractors.contains(report.tractorId())) {
      return Optional.of("tractor_id: unknown tractor \"" + report.tractorId() + "\"");
    }
    return policy.violation(report);
  }
}
