package dev.furrow.core.telematics;

import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.error.Violations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Partner use case: how a partner's tractors are being used, per day or ISO week, and which of them
 * have stopped reporting.
 */
public final class UsageMonitor {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final UsageRepository repository;
  private final UsageSeriesPolicy policy;
  private final Clock clock;

  public UsageMonitor(UsageRepository repository, UsageSeriesPolicy policy, Clock clock) {
    this.repository = repository;
    this.policy = policy;
    this.clock = clock;
  }

  /** One period of a usage series, zeros when the tractor reported nothing in it. */
  public record Bucket(
      LocalDate startDate,
      LocalDate endDate,
      String isoWeek,
      long reportCount,
      BigDecimal hectares,
      BigDecimal engineHours,
      @Nullable Instant lastReportAt) {}

  /** Every period of the validated range, oldest first. */
  public record Series(UsageSeriesPolicy.Range range, List<Bucket> buckets) {}

  /** A tractor that has not reported for a while, or never. */
  public record StoppedTractor(
      String tractorId, @Nullable Instant lastReportAt, Instant registeredAt) {}

  /** A page of stopped tractors and how many there are in all. */
  public record StoppedTractors(List<StoppedTractor> tractors, long totalCount) {}

  /**
   * The usage of one of the partner's tractors per period; {@link NotFoundException} for a tractor
   * of another partner or none.
   */
  public Series series(
      long partnerId,
      String tractorId,
      @Nullable UsagePeriod period,
      String from,
      String to,
      String timeZone) {
    UsageSeriesPolicy.Range range = policy.check(tractorId, period, from, to, timeZone);
    if (!repository.tractorBelongsTo(tractorId, partnerId)) {
      throw new NotFoundException("Not found.");
    }
    return series(
        range,
        repository.usageByPeriod(
            tractorId, range.period(), range.zone(), start(range), end(range)));
  }

  /**
   * The usage billed to a pay-as-you-go contract per period (late usage counts in the period its
   * work started, like all usage); {@link NotFoundException} for a contract whose funding source
   * the partner is not entitled to, or none.
   */
  public Series contractSeries(
      long partnerId,
      long contractId,
      @Nullable UsagePeriod period,
      String from,
      String to,
      String timeZone) {
    String tractorId =
        repository
            .visibleContractTractor(contractId, partnerId)
            .orElseThrow(() -> new NotFoundException("Not found."));
    UsageSeriesPolicy.Range range = policy.check(tractorId, period, from, to, timeZone);
    return series(
        range,
        repository.contractUsageByPeriod(
            contractId, range.period(), range.zone(), start(range), end(range)));
  }

  private static Instant start(UsageSeriesPolicy.Range range) {
    return range.from().atStartOfDay(range.zone()).toInstant();
  }

  private static Instant end(UsageSeriesPolicy.Range range) {
    return range.to().plusDays(1).atStartOfDay(range.zone()).toInstant();
  }

  private static Series series(
      UsageSeriesPolicy.Range range, List<UsageRepository.PeriodUsage> rows) {
    Map<LocalDate, UsageRepository.PeriodUsage> used = new HashMap<>();
    for (UsageRepository.PeriodUsage row : rows) {
      used.put(row.periodStart(), row);
    }
    int step = range.period() == UsagePeriod.DAY ? 1 : 7;
    List<Bucket> buckets = new ArrayList<>();
    for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(step)) {
      UsageRepository.PeriodUsage row = used.get(d);
      buckets.add(
          new Bucket(
              d,
              d.plusDays(step - 1L),
              range.period() == UsagePeriod.ISO_WEEK ? isoWeek(d) : "",
              row == null ? 0 : row.reportCount(),
              row == null ? BigDecimal.ZERO : row.hectares(),
              row == null ? BigDecimal.ZERO : row.engineHours(),
              row == null ? null : row.lastReportAt()));
    }
    return new Series(range, buckets);
  }

  /**
   * The partner's tractors whose last report ended at least {@code silentFor} ago, or that never
   * reported: never-reporting ones first, then the longest silent.
   */
  public StoppedTractors stopped(long partnerId, @Nullable Duration silentFor, int limit) {
    new Violations()
        .check(
            silentFor == null || silentFor.isNegative() || silentFor.isZero(),
            "silent_for",
            "Ensure this value is greater than 0 seconds.")
        .check(limit < 0, "limit", "Ensure this value is greater than or equal to 0.")
        .throwIfAny();
    int effective = limit == 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    return repository.stoppedTractors(partnerId, clock.instant().minus(silentFor), effective);
  }

  /** "2026-W53": the ISO week-based year and week of the given Monday. */
  static String isoWeek(LocalDate monday) {
    return String.format(
        "%d-W%02d",
        monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
