package dev.furrow.core.billing;

import dev.furrow.core.billing.BillingRepository.EventBilling;
import dev.furrow.core.billing.BillingRepository.LineIncrement;
import dev.furrow.core.billing.BillingRepository.LockedPeriod;
import dev.furrow.core.billing.BillingRepository.PeriodIncrement;
import dev.furrow.core.billing.BillingRepository.UsageToBill;
import dev.furrow.core.telematics.RecordedUsageHook;
import dev.furrow.core.telematics.UsageReport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Bills a batch of newly recorded usage in the recording transaction: each event goes to the draft
 * of its week (the ISO week of its window start in the contract's time zone) of its tractor's open
 * contract, or, when that week is already issued, to an adjustment line of the contract's next
 * draft. Events without an open contract, or worked before the contract's start date, stay
 * unbilled. A handful of set-based statements per batch, whatever its size.
 *
 * <p>Every period a batch writes to is locked (FOR NO KEY UPDATE) and its status read under the
 * lock; the billing cycle locks a draft FOR UPDATE before issuing it. So usage racing with issue
 * either lands in the draft before it is issued, or sees it issued and becomes an adjustment.
 */
public final class UsageBilling implements RecordedUsageHook {
  private static final String BILLED = "billed";
  private static final String ADJUSTMENT = "adjustment";

  private final BillingRepository repository;
  private final BillingPolicy policy;
  private final Clock clock;

  public UsageBilling(BillingRepository repository, BillingPolicy policy, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public void recorded(Handle h, List<UsageReport> reports) {
    if (reports.isEmpty()) {
      return;
    }
    List<UsageToBill> usage =
        repository.usageToBill(
            h,
            reports.stream().map(UsageReport::tractorId).toList(),
            reports.stream().map(UsageReport::messageId).toList());
    if (!usage.isEmpty()) {
      bill(h, usage);
    }
  }

  private record ContractWeek(long contractId, LocalDate weekStart) {}

  private record LineKey(long periodId, LineKind kind, LocalDate sourceWeekStart) {}

  private void bill(Handle h, List<UsageToBill> usage) {
    Map<ContractWeek, List<UsageToBill>> byWeek = new LinkedHashMap<>();
    Map<Long, String> zones = new HashMap<>();
    for (UsageToBill u : usage) {
      byWeek
          .computeIfAbsent(
              new ContractWeek(u.contractId(), IsoWeek.of(u.localDate()).start()),
              k -> new ArrayList<>())
          .add(u);
      zones.put(u.contractId(), u.timeZone());
    }
    List<Long> contracts = byWeek.keySet().stream().map(ContractWeek::contractId).toList();
    List<IsoWeek> weeks = byWeek.keySet().stream().map(k -> new IsoWeek(k.weekStart())).toList();
    repository.shareContracts(h, zones.keySet());
    repository.createDrafts(h, contracts, weeks);

    Map<ContractWeek, LockedPeriod> periods = new HashMap<>();
    Map<Long, TreeMap<LocalDate, Long>> draftsByContract = new HashMap<>();
    for (LockedPeriod p : repository.lockForUsage(h, contracts, weeks)) {
      periods.put(new ContractWeek(p.contractId(), p.weekStart()), p);
      if (p.status() == PeriodStatus.DRAFT) {
        draftsByContract
            .computeIfAbsent(p.contractId(), c -> new TreeMap<>())
            .put(p.weekStart(), p.id());
      }
    }

    Map<LineKey, LineIncrement> lines = new TreeMap<>(BY_LOCK_ORDER);
    Map<Long, PeriodIncrement> totals = new HashMap<>();
    List<EventBilling> events = new ArrayList<>(usage.size());
    for (Map.Entry<ContractWeek, List<UsageToBill>> entry : byWeek.entrySet()) {
      ContractWeek key = entry.getKey();
      IsoWeek week = new IsoWeek(key.weekStart());
      BigDecimal hectares =
          entry.getValue().stream()
              .map(UsageToBill::hectares)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      LockedPeriod period = periods.get(key);
      long target;
      LineKind kind;
      String state;
      if (period.status() == PeriodStatus.DRAFT) {
        target = period.id();
        kind = LineKind.USAGE;
        state = BILLED;
      } else {
        target =
            nextDraft(h, key.contractId(), week, zones.get(key.contractId()), draftsByContract);
        kind = LineKind.ADJUSTMENT;
        state = ADJUSTMENT;
      }
      String description =
          kind == LineKind.USAGE
              ? policy.usageDescription(week)
              : policy.adjustmentDescription(week);
      lines.merge(
          new LineKey(target, kind, week.start()),
          new LineIncrement(target, kind, week.start(), hectares, description),
          (a, b) ->
              new LineIncrement(
                  target, kind, week.start(), a.hectares().add(b.hectares()), a.desc()));
      PeriodIncrement increment =
          kind == LineKind.USAGE
              ? new PeriodIncrement(target, hectares, BigDecimal.ZERO)
              : new PeriodIncrement(target, BigDecimal.ZERO, hectares);
      totals.merge(
          target,
          increment,
          (a, b) ->
              new PeriodIncrement(
                  target,
                  a.hectares().add(b.hectares()),
                  a.adjustmentHectares().add(b.adjustmentHectares())));
      for (UsageToBill u : entry.getValue()) {
        events.add(new EventBilling(u.eventId(), u.contractId(), target, state));
      }
    }
    repository.addToLines(h, List.copyOf(lines.values()));
    repository.addToPeriods(h, totals.values());
    repository.markEvents(h, events);
  }

  /**
   * The contract's earliest draft after an issued week, among those this transaction holds locked;
   * when there is none, the draft of the current week in the contract's zone (or of the first week
   * after the late one, if later), created if missing and skipping weeks already issued.
   */
  private long nextDraft(
      Handle h,
      long contractId,
      IsoWeek lateWeek,
      String zone,
      Map<Long, TreeMap<LocalDate, Long>> draftsByContract) {
    TreeMap<LocalDate, Long> drafts =
        draftsByContract.computeIfAbsent(contractId, c -> new TreeMap<>());
    Map.Entry<LocalDate, Long> next = drafts.higherEntry(lateWeek.start());
    if (next != null) {
      return next.getValue();
    }
    IsoWeek current = IsoWeek.of(LocalDate.now(clock.withZone(ZoneId.of(zone))));
    IsoWeek candidate = current.start().isAfter(lateWeek.start()) ? current : lateWeek.next();
    while (true) {
      LockedPeriod period = repository.createAndLock(h, contractId, candidate);
      if (period.status() == PeriodStatus.DRAFT) {
        drafts.put(period.weekStart(), period.id());
        return period.id();
      }
      candidate = candidate.next();
    }
  }

  private static final java.util.Comparator<LineKey> BY_LOCK_ORDER =
      java.util.Comparator.comparingLong(LineKey::periodId)
          .thenComparing(k -> k.kind().code())
          .thenComparing(LineKey::sourceWeekStart);
}
