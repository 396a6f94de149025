package dev.furrow.core.billing;

import dev.furrow.core.billing.BillingRepository.LineIncrement;
import dev.furrow.core.billing.BillingRepository.LockedPeriod;
import dev.furrow.core.billing.BillingRepository.PeriodIncrement;
import dev.furrow.core.billing.BillingRepository.UsageToBill;
import dev.furrow.core.telematics.RecordedUsageHook;
import dev.furrow.core.telematics.UsageReport;
import dev.furrow.core.telematics.UsageRepository.UsageKey;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Bills a batch of new usage in the recording transaction: each event goes to the draft of its week
 * (the ISO week of its window start in the contract's time zone) of its tractor's open contract,
 * or, when that week is already issued, to an adjustment line of the contract's next draft. Events
 * without an open contract, or worked before the contract's start date, stay unbilled. A handful of
 * set-based statements per batch, whatever its size.
 *
 * <p>Where each event goes is decided before its row is inserted ({@link #plan}), so the row is
 * written once with its billing columns; the lines and period totals are added after the insert
 * ({@link Plan#recorded}) for the rows actually inserted, so a report another transaction stored
 * first counts nowhere. Reports already stored when the batch starts are left out of the plan.
 *
 * <p>Every period a batch writes to is locked (FOR NO KEY UPDATE) and its status read under the
 * lock, before the usage rows are inserted, and kept until the transaction ends; the billing cycle
 * locks a draft FOR UPDATE before issuing it. So usage racing with issue either lands in the draft
 * before it is issued, or sees it issued and becomes an adjustment. Batches take the period locks
 * before the usage keys' index locks, all in the same order, so they cannot deadlock on each other.
 */
public final class UsageBilling implements RecordedUsageHook {
  private final BillingRepository repository;
  private final BillingPolicy policy;
  private final Clock clock;

  public UsageBilling(BillingRepository repository, BillingPolicy policy, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Plan plan(Handle h, List<UsageReport> reports) {
    if (reports.isEmpty()) {
      return Plan.UNBILLED;
    }
    // Key order, as the insert: drafts are created and locked in the same order by every batch.
    List<UsageReport> sorted = new ArrayList<>(reports);
    sorted.sort(BY_KEY);
    List<UsageToBill> usage =
        repository.usageToBill(
            h,
            sorted.stream().map(UsageReport::tractorId).toList(),
            sorted.stream().map(UsageReport::messageId).toList(),
            sorted.stream().map(r -> r.windowStart().toString()).toList());
    if (usage.isEmpty()) {
      return Plan.UNBILLED;
    }
    return plan(h, sorted, usage);
  }

  private record ContractWeek(long contractId, LocalDate weekStart) {}

  private record LineKey(long periodId, LineKind kind, LocalDate sourceWeekStart) {}

  /** Where one report is billed: its row's columns, and the line its hectares go to. */
  private record Target(BilledTo billedTo, LineKind kind, IsoWeek week, String description) {}

  private BillingPlan plan(Handle h, List<UsageReport> sorted, List<UsageToBill> usage) {
    Map<ContractWeek, List<UsageReport>> byWeek = new LinkedHashMap<>();
    Map<Long, String> zones = new HashMap<>();
    for (UsageToBill u : usage) {
      byWeek
          .computeIfAbsent(
              new ContractWeek(u.contractId(), IsoWeek.of(u.localDate()).start()),
              k -> new ArrayList<>())
          .add(sorted.get(u.position()));
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

    Map<UsageKey, Target> targets = new HashMap<>();
    for (Map.Entry<ContractWeek, List<UsageReport>> entry : byWeek.entrySet()) {
      ContractWeek key = entry.getKey();
      IsoWeek week = new IsoWeek(key.weekStart());
      LockedPeriod period = periods.get(key);
      Target target;
      if (period.status() == PeriodStatus.DRAFT) {
        target =
            new Target(
                new BilledTo(key.contractId(), period.id(), false),
                LineKind.USAGE,
                week,
                policy.usageDescription(week));
      } else {
        long next =
            nextDraft(h, key.contractId(), week, zones.get(key.contractId()), draftsByContract);
        target =
            new Target(
                new BilledTo(key.contractId(), next, true),
                LineKind.ADJUSTMENT,
                week,
                policy.adjustmentDescription(week));
      }
      for (UsageReport report : entry.getValue()) {
        targets.put(UsageKey.of(report), target);
      }
    }
    return new BillingPlan(targets);
  }

  /** The targets of a batch; adds the hectares of the rows inserted to their lines and periods. */
  private final class BillingPlan implements Plan {
    private final Map<UsageKey, Target> targets;

    BillingPlan(Map<UsageKey, Target> targets) {
      this.targets = targets;
    }

    @Override
    public Optional<BilledTo> target(UsageReport report) {
      return Optional.ofNullable(targets.get(UsageKey.of(report))).map(Target::billedTo);
    }

    @Override
    public void recorded(Handle h, List<UsageReport> reports) {
      Map<LineKey, LineIncrement> lines = new TreeMap<>(BY_LOCK_ORDER);
      Map<Long, PeriodIncrement> totals = new HashMap<>();
      for (UsageReport report : reports) {
        Target target = targets.get(UsageKey.of(report));
        if (target == null) {
          continue;
        }
        long periodId = target.billedTo().billingPeriodId();
        LineKind kind = target.kind();
        IsoWeek week = target.week();
        BigDecimal hectares = report.hectares();
        lines.merge(
            new LineKey(periodId, kind, week.start()),
            new LineIncrement(periodId, kind, week.start(), hectares, target.description()),
            (a, b) ->
                new LineIncrement(
                    periodId, kind, week.start(), a.hectares().add(b.hectares()), a.desc()));
        PeriodIncrement increment =
            kind == LineKind.USAGE
                ? new PeriodIncrement(periodId, hectares, BigDecimal.ZERO)
                : new PeriodIncrement(periodId, BigDecimal.ZERO, hectares);
        totals.merge(
            periodId,
            increment,
            (a, b) ->
                new PeriodIncrement(
                    periodId,
                    a.hectares().add(b.hectares()),
                    a.adjustmentHectares().add(b.adjustmentHectares())));
      }
      repository.addToLines(h, List.copyOf(lines.values()));
      repository.addToPeriods(h, totals.values());
    }
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

  private static final Comparator<UsageReport> BY_KEY =
      Comparator.comparing(UsageReport::tractorId).thenComparing(UsageReport::messageId);

  private static final java.util.Comparator<LineKey> BY_LOCK_ORDER =
      java.util.Comparator.comparingLong(LineKey::periodId)
          .thenComparing(k -> k.kind().code())
          .thenComparing(LineKey::sourceWeekStart);
}
