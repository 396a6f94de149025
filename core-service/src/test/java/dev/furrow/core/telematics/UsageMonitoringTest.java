package dev.furrow.core.telematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.telematics.v1.GetUsageSeriesRequest;
import dev.furrow.proto.telematics.v1.ListStoppedTractorsRequest;
import dev.furrow.proto.telematics.v1.ListStoppedTractorsResponse;
import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.StoppedTractor;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageBucket;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageOutcome;
import dev.furrow.proto.telematics.v1.UsagePeriod;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSeries;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageMonitoringTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private CoreHarness.PartnerKey owner;
  private String tractor;
  private int messages;

  @BeforeEach
  void registerTractor() {
    owner = core.newPartner("owner", ApiFace.API_FACE_PAYG);
    tractor = register(owner);
  }

  @Test
  void dailySeriesSumsEachUtcDayExactlyAndKeepsEmptyDays() {
    record(report("2026-11-18T08:00:00Z", "2026-11-18T10:00:00Z", "2.5000", "1.5"));
    record(
        report("2026-11-18T23:00:00Z", "2026-11-19T01:00:00Z", "0.0001", "2"),
        report("2026-11-20T06:00:00Z", "2026-11-20T07:00:00Z", "3.3333", null),
        report("2026-11-20T07:00:00Z", "2026-11-20T08:00:00Z", "1.1112", "0.25"));

    UsageSeries series = series(UsagePeriod.USAGE_PERIOD_DAY, "2026-11-17", "2026-11-20", "");

    assertThat(series.getTimeZone()).isEqualTo("UTC");
    assertThat(series.getBucketsList())
        .extracting(
            UsageBucket::getStartDate,
            UsageBucket::getEndDate,
            UsageBucket::getReportCount,
            UsageBucket::getHectares,
            UsageBucket::getEngineHours,
            b -> b.hasLastReportAt() ? instant(b.getLastReportAt()).toString() : "-")
        .containsExactly(
            tuple("2026-11-17", "2026-11-17", 0L, "0.00", "0.00", "-"),
            // The window that crosses midnight counts for the day it starts.
            tuple("2026-11-18", "2026-11-18", 2L, "2.5001", "3.50", "2026-11-19T01:00:00Z"),
            tuple("2026-11-19", "2026-11-19", 0L, "0.00", "0.00", "-"),
            tuple("2026-11-20", "2026-11-20", 2L, "4.4445", "0.25", "2026-11-20T08:00:00Z"));
    assertThat(series.getBucketsList()).allSatisfy(b -> assertThat(b.getIsoWeek()).isEmpty());
  }

  @Test
  void daysBeginAtLocalMidnightInTheRequestedTimeZone() {
    // 23:30 UTC on the 19th is 08:30 on the 20th in Tokyo and 18:30 on the 19th in New York;
    // 15:30 UTC on the 20th is 00:30 on the 21st in Tokyo.
    record(
        report("2026-11-19T23:30:00Z", "2026-11-20T00:30:00Z", "1.2345", null),
        report("2026-11-20T15:30:00Z", "2026-11-20T16:30:00Z", "0.5", null));

    assertThat(days(series(UsagePeriod.USAGE_PERIOD_DAY, "2026-11-19", "2026-11-20", "UTC")))
        .containsExactly("2026-11-19 1 1.2345", "2026-11-20 1 0.50");
    assertThat(days(series(UsagePeriod.USAGE_PERIOD_DAY, "2026-11-19", "2026-11-21", "Asia/Tokyo")))
        .containsExactly("2026-11-19 0 0.00", "2026-11-20 1 1.2345", "2026-11-21 1 0.50");
    assertThat(
            days(
                series(
                    UsagePeriod.USAGE_PERIOD_DAY, "2026-11-19", "2026-11-20", "America/New_York")))
        .containsExactly("2026-11-19 1 1.2345", "2026-11-20 1 0.50");
  }

  @Test
  void isoWeeksAtTheYearEndBelongToTheirWeekBasedYear() {
    // Past year end, recorded through the ingest path: 2025-12-29..2026-01-04 is 2026-W01.
    record(
        report("2025-12-28T10:00:00Z", "2025-12-28T11:00:00Z", "1", null),
        report("2025-12-29T10:00:00Z", "2025-12-29T11:00:00Z", "2.0001", null),
        report("2026-01-04T22:00:00Z", "2026-01-04T23:00:00Z", "3", null),
        report("2026-01-05T00:00:00Z", "2026-01-05T01:00:00Z", "4", null));
    // Future year end (the ingest path refuses future windows, so stored directly):
    // 2026-12-28..2027-01-03 is 2026-W53, and 2027-01-04 starts 2027-W01.
    insertDirectly("2026-12-27T12:00:00Z", "0.1");
    insertDirectly("2026-12-28T00:00:00Z", "0.2");
    insertDirectly("2027-01-01T12:00:00Z", "0.3");
    insertDirectly("2027-01-03T23:59:00Z", "0.4");
    insertDirectly("2027-01-04T00:00:00Z", "0.5");

    UsageSeries past = series(UsagePeriod.USAGE_PERIOD_ISO_WEEK, "2025-12-28", "2026-01-05", "UTC");
    UsageSeries future =
        series(UsagePeriod.USAGE_PERIOD_ISO_WEEK, "2026-12-28", "2027-01-03", "UTC");
    UsageSeries widened =
        series(UsagePeriod.USAGE_PERIOD_ISO_WEEK, "2026-12-31", "2027-01-04", "UTC");

    assertThat(weeks(past))
        .containsExactly(
            "2025-W52 2025-12-22..2025-12-28 1 1.00",
            "2026-W01 2025-12-29..2026-01-04 2 5.0001",
            "2026-W02 2026-01-05..2026-01-11 1 4.00");
    assertThat(weeks(future)).containsExactly("2026-W53 2026-12-28..2027-01-03 3 0.90");
    assertThat(widened.getFromDate()).isEqualTo("2026-12-28");
    assertThat(widened.getToDate()).isEqualTo("2027-01-10");
    assertThat(weeks(widened))
        .containsExactly(
            "2026-W53 2026-12-28..2027-01-03 3 0.90", "2027-W01 2027-01-04..2027-01-10 1 0.50");
    // In Tokyo the last report of 2027-01-03 (23:59 UTC) falls on Monday 2027-01-04 already.
    assertThat(
            weeks(
                series(
                    UsagePeriod.USAGE_PERIOD_ISO_WEEK, "2026-12-28", "2027-01-04", "Asia/Tokyo")))
        .containsExactly(
            "2026-W53 2026-12-28..2027-01-03 2 0.50", "2027-W01 2027-01-04..2027-01-10 2 0.90");
  }

  @Test
  void invalidRangesAndZonesAreRefusedNamingEachField() {
    StatusRuntimeException e =
        refused(
            GetUsageSeriesRequest.newBuilder()
                .setTractorId(tractor)
                .setFromDate("2026-13-01")
                .setToDate("")
                .setTimeZone("+01:00")
                .build());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badRequest(e).getFieldViolationsList())
        .extracting(v -> v.getField() + ": " + v.getDescription())
        .containsExactly(
            "period: Use USAGE_PERIOD_DAY or USAGE_PERIOD_ISO_WEEK.",
            "from_date: Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
            "to_date: This field is required.",
            "time_zone: Unknown time zone \"+01:00\"; use an IANA name like Africa/Lagos.");

    assertThat(
            badRequest(
                    refused(request(UsagePeriod.USAGE_PERIOD_DAY, "2026-11-20", "2026-11-19", "")))
                .getFieldViolationsList())
        .extracting(v -> v.getField() + ": " + v.getDescription())
        .containsExactly("to_date: Must not be before from_date (2026-11-20).");
    assertThat(
            badRequest(
                    refused(
                        request(
                            UsagePeriod.USAGE_PERIOD_DAY,
                            "2025-01-01",
                            "2026-01-02",
                            "Mars/Olympus")))
                .getFieldViolationsList())
        .extracting(v -> v.getField() + ": " + v.getDescription())
        .containsExactly(
            "time_zone: Unknown time zone \"Mars/Olympus\"; use an IANA name like Africa/Lagos.",
            "to_date: The range may cover at most 366 days (from 2025-01-01).");
    // 366 days (a leap year) is allowed.
    assertThat(
            series(UsagePeriod.USAGE_PERIOD_DAY, "2028-01-01", "2028-12-31", "").getBucketsCount())
        .isEqualTo(366);
  }

  @Test
  void anotherPartnersTractorIsNotFound() {
    CoreHarness.PartnerKey stranger = core.newPartner("stranger", ApiFace.API_FACE_PAYG);

    assertThatThrownBy(
            () ->
                query(stranger.key())
                    .getUsageSeries(
                        request(UsagePeriod.USAGE_PERIOD_DAY, "2026-11-01", "2026-11-02", "")))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo("Not found.");
            });
  }

  @Test
  void stoppedTractorsAreTheCallersSilentOnesNeverReportingFirst() {
    CoreHarness.PartnerKey fleet = core.newPartner("fleet", ApiFace.API_FACE_PAYG);
    String never = register(fleet);
    String silent = register(fleet);
    String older = register(fleet);
    String busy = register(fleet);
    register(owner); // another partner's silent tractor is not listed
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    tractor = silent;
    record(report(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), "1"));
    tractor = older;
    record(
        report(now.minus(Duration.ofHours(6)), now.minus(Duration.ofHours(5)), "1"),
        // A window reported late but older: the latest window_end is what counts.
        report(now.minus(Duration.ofHours(9)), now.minus(Duration.ofHours(8)), "1"));
    tractor = busy;
    record(
        report(now.minus(Duration.ofHours(5)), now.minus(Duration.ofHours(4)), "1"),
        report(now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)), "1"));

    ListStoppedTractorsResponse all = stopped(fleet.key(), Duration.ofHours(1), 0);
    ListStoppedTractorsResponse first = stopped(fleet.key(), Duration.ofHours(1), 2);

    assertThat(all.getTotalCount()).isEqualTo(3);
    assertThat(all.getTractorsList())
        .extracting(
            StoppedTractor::getTractorId,
            t -> t.hasLastReportAt() ? instant(t.getLastReportAt()) : null)
        .containsExactly(
            tuple(never, null),
            tuple(older, now.minus(Duration.ofHours(5))),
            tuple(silent, now.minus(Duration.ofHours(2))));
    assertThat(all.getTractorsList()).allSatisfy(t -> assertThat(t.hasRegisteredAt()).isTrue());
    assertThat(first.getTotalCount()).isEqualTo(3);
    assertThat(first.getTractorsList())
        .extracting(StoppedTractor::getTractorId)
        .containsExactly(never, older);
    assertThat(stopped(fleet.key(), Duration.ofMinutes(5), 0).getTractorsList())
        .extracting(StoppedTractor::getTractorId)
        .containsExactly(never, older, silent, busy);
  }

  @Test
  void stoppedTractorsNeedAPositiveSilence() {
    StatusRuntimeException e =
        (StatusRuntimeException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    query(owner.key())
                        .listStoppedTractors(
                            ListStoppedTractorsRequest.newBuilder().setLimit(-1).build()));

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(badRequest(e).getFieldViolationsList())
        .extracting(v -> v.getField() + ": " + v.getDescription())
        .containsExactly(
            "silent_for: Ensure this value is greater than 0 seconds.",
            "limit: Ensure this value is greater than or equal to 0.");
  }

  private String register(CoreHarness.PartnerKey partner) {
    String id = "TR-" + UUID.randomUUID().toString().substring(0, 8);
    core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(id)
                .setPartnerId(partner.partnerId())
                .build());
    return id;
  }

  private void insertDirectly(String windowStart, String hectares) {
    core.server()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO usage_event (tractor_id, message_id, window_start, window_end,"
                            + " hectares) VALUES (:t, :m, CAST(:s AS timestamptz),"
                            + " CAST(:s AS timestamptz) + interval '1 minute', CAST(:h AS numeric))")
                    .bind("t", tractor)
                    .bind("m", "direct-" + (++messages))
                    .bind("s", windowStart)
                    .bind("h", hectares)
                    .execute());
  }

  private void record(UsageSubmission... submissions) {
    List<UsageOutcome> outcomes =
        core.asOperator(UsageIngestServiceGrpc.newBlockingStub(core.channel()))
            .recordUsage(
                RecordUsageRequest.newBuilder().addAllSubmissions(List.of(submissions)).build())
            .getOutcomesList();
    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o.getKind()).isEqualTo(UsageOutcome.Kind.RECORDED));
  }

  private UsageSubmission report(String start, String end, String hectares, String engineHours) {
    UsageReport.Builder report =
        UsageReport.newBuilder()
            .setSchemaVersion(1)
            .setTractorId(tractor)
            .setMessageId("m-" + (++messages))
            .setWindowStart(ts(Instant.parse(start)))
            .setWindowEnd(ts(Instant.parse(end)))
            .setHectares(hectares);
    if (engineHours != null) {
      report.setEngineHours(engineHours);
    }
    return UsageSubmission.newBuilder()
        .setTopic("furrow/v1/tractors/" + tractor + "/usage")
        .setRawPayload(ByteString.copyFromUtf8("m-" + messages))
        .setReport(report)
        .build();
  }

  private UsageSubmission report(Instant start, Instant end, String hectares) {
    return report(start.toString(), end.toString(), hectares, null);
  }

  private GetUsageSeriesRequest request(UsagePeriod period, String from, String to, String zone) {
    return GetUsageSeriesRequest.newBuilder()
        .setTractorId(tractor)
        .setPeriod(period)
        .setFromDate(from)
        .setToDate(to)
        .setTimeZone(zone)
        .build();
  }

  private UsageSeries series(UsagePeriod period, String from, String to, String zone) {
    return query(owner.key()).getUsageSeries(request(period, from, to, zone));
  }

  private StatusRuntimeException refused(GetUsageSeriesRequest request) {
    return (StatusRuntimeException)
        org.assertj.core.api.Assertions.catchThrowable(
            () -> query(owner.key()).getUsageSeries(request));
  }

  private ListStoppedTractorsResponse stopped(String key, Duration silentFor, int limit) {
    return query(key)
        .listStoppedTractors(
            ListStoppedTractorsRequest.newBuilder()
                .setSilentFor(
                    com.google.protobuf.Duration.newBuilder().setSeconds(silentFor.toSeconds()))
                .setLimit(limit)
                .build());
  }

  private UsageQueryServiceGrpc.UsageQueryServiceBlockingStub query(String key) {
    return core.withApiKey(UsageQueryServiceGrpc.newBlockingStub(core.channel()), key);
  }

  private static List<String> days(UsageSeries series) {
    return series.getBucketsList().stream()
        .map(b -> b.getStartDate() + " " + b.getReportCount() + " " + b.getHectares())
        .toList();
  }

  private static List<String> weeks(UsageSeries series) {
    return series.getBucketsList().stream()
        .map(
            b ->
                b.getIsoWeek()
                    + " "
                    + b.getStartDate()
                    + ".."
                    + b.getEndDate()
                    + " "
                    + b.getReportCount()
                    + " "
                    + b.getHectares())
        .toList();
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
  }

  private static Instant instant(Timestamp ts) {
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }
}
