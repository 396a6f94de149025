package dev.furrow.core.telematics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records a batch of deliveries in one database transaction: each becomes usage, a duplicate of
 * usage already recorded, or a rejected record with its reason. Nothing is dropped.
 */
public final class UsageRecorder {
  private final UsageRepository repository;
  private final UsagePolicy policy;
  private final RecordedUsageHook hook;

  public UsageRecorder(UsageRepository repository, UsagePolicy policy) {
    this(repository, policy, RecordedUsageHook.NONE);
  }

  /** A recorder that hands each batch's new usage to {@code hook} in the same transaction. */
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
              List<UsageOutcome> outcomes = new ArrayList<>(deliveries.size());
              for (UsageDelivery delivery : deliveries) {
                Optional<String> rejection = rejection(delivery, known);
                if (rejection.isPresent()) {
                  repository.insertRejected(h, delivery, rejection.get());
                  outcomes.add(UsageOutcome.rejected(rejection.get()));
                } else if (repository.insertUsage(h, delivery.report())) {
                  outcomes.add(UsageOutcome.RECORDED);
                } else {
                  outcomes.add(UsageOutcome.DUPLICATE);
                }
              }
              hook.recorded(h, recorded(deliveries, outcomes));
              return outcomes;
            });
  }

  private static List<UsageReport> recorded(
      List<UsageDelivery> deliveries, List<UsageOutcome> outcomes) {
    List<UsageReport> reports = new ArrayList<>();
    for (int i = 0; i < deliveries.size(); i++) {
      if (outcomes.get(i) == UsageOutcome.RECORDED) {
        reports.add(deliveries.get(i).report());
      }
    }
    return reports;
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
