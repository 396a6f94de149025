package dev.furrow.core.telematics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.telematics.v1.GetTractorUsageRequest;
import dev.furrow.proto.telematics.v1.ListRejectedUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.TractorUsage;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageOutcome;
import dev.furrow.proto.telematics.v1.UsageOutcome.Kind;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageReport;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UsageRecordingTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private static final Instant START = Instant.parse("2026-11-20T07:00:00Z");
  private static final Instant END = Instant.parse("2026-11-20T09:00:00Z");

  private CoreHarness.PartnerKey owner;
  private String tractor;

  @BeforeEach
  void registerTractor() {
    owner = core.newPartner("owner", ApiFace.API_FACE_PAYG);
    tractor = "TR-" + UUID.randomUUID().toString().substring(0, 8);
    core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractor)
                .setPartnerId(owner.partnerId())
                .build());
  }

  @Test
  void batchRecordsNewUsageAndIgnoresRedeliveries() {
    List<UsageOutcome> first = record(report("m-1", "2.5"), report("m-2", "1.25"));
    List<UsageOutcome> again = record(report("m-2", "1.25"), report("m-3", "0.0001"));

    assertThat(first)
        .extracting(UsageOutcome::getKind)
        .containsExactly(Kind.RECORDED, Kind.RECORDED);
    assertThat(again)
        .extracting(UsageOutcome::getKind)
        .containsExactly(Kind.DUPLICATE, Kind.RECORDED);
    TractorUsage usage = usageOf(tractor, owner.key());
    assertThat(usage.getReportCount()).isEqualTo(3);
    assertThat(usage.getHectares()).isEqualTo("3.7501");
    assertThat(usage.getEngineHours()).isEqualTo("3.00");
    assertThat(usage.getLastReportAt().getSeconds()).isEqualTo(END.getEpochSecond());
  }

  @Test
  void sameMessageTwiceInOneBatchCountsOnce() {
    assertThat(record(report("dup", "4"), report("dup", "4")))
        .extracting(UsageOutcome::getKind)
        .containsExactly(Kind.RECORDED, Kind.DUPLICATE);
    assertThat(usageOf(tractor, owner.key()).getHectares()).isEqualTo("4.00");
  }

  @Test
  void badReportsAreRejectedWithTheirReasonAndKept() {
    List<UsageOutcome> outcomes =
        record(
            report("neg", "-1"),
            report("huge", "20.0001"),
            UsageSubmission.newBuilder()
                .setTopic("furrow/v1/tractors/" + tractor + "/usage")
                .setRawPayload(ByteString.copyFromUtf8("{not json"))
                .setParseError("malformed JSON: unexpected character 'n'")
                .build(),
            reportFor("ghost", "m-1", "1"));

    assertThat(outcomes)
        .extracting(UsageOutcome::getKind, UsageOutcome::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.REJECTED, "hectares: -1 (expected: >= 0)"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.REJECTED,
                "hectares: 20.0001 in 120 minutes exceeds the plausible maximum of 10 per hour"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.REJECTED, "malformed JSON: unexpected character 'n'"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.REJECTED, "tractor_id: unknown tractor \"ghost\""));
    assertThat(usageOf(tractor, owner.key()).getReportCount()).isZero();
    assertThat(rejectedRows()).isEqualTo(4);
  }

  @Test
  void redeliveredRejectedMessageIsCountedAsARepeatNotANewRecord() {
    UsageSubmission bad = report("neg", "-3");
    record(bad);
    record(bad);
    Integer deliveries =
        core.server()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT deliveries FROM rejected_usage WHERE tractor_id = :t")
                        .bind("t", tractor)
                        .mapTo(Integer.class)
                        .one());
    assertThat(deliveries).isEqualTo(2);
  }

  @Test
  void operatorListsRejectedDeliveriesWithReasonAndRawPayload() {
    record(report("neg", "-2"));
    record(report("neg", "-2"));
    record(report("ok", "1"));

    var admin = core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()));
    var listed =
        admin
            .listRejectedUsage(ListRejectedUsageRequest.newBuilder().setTractorId(tractor).build())
            .getRejectedList();

    assertThat(listed)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getTractorId()).isEqualTo(tractor);
              assertThat(r.getMessageId()).isEqualTo("neg");
              assertThat(r.getReason()).isEqualTo("hectares: -2 (expected: >= 0)");
              assertThat(r.getDeliveries()).isEqualTo(2);
              assertThat(r.getRawPayload().toStringUtf8()).isEqualTo("neg-2");
              assertThat(r.getTopic()).isEqualTo("furrow/v1/tractors/" + tractor + "/usage");
            });
    assertThatThrownBy(
            () ->
                TractorAdminServiceGrpc.newBlockingStub(core.channel())
                    .listRejectedUsage(ListRejectedUsageRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void aRejectedOutcomeNamesTheRejectedUsageRecordKeepingIt() {
    List<UsageOutcome> first = record(report("ok", "1"), report("neg", "-4"));
    List<UsageOutcome> again = record(report("neg", "-4"));

    var listed =
        core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()))
            .listRejectedUsage(ListRejectedUsageRequest.newBuilder().setTractorId(tractor).build())
            .getRejectedList();
    assertThat(first.get(0).getRejectedUsageId()).isZero();
    assertThat(first.get(1).getRejectedUsageId()).isEqualTo(listed.get(0).getId()).isPositive();
    assertThat(again.get(0).getRejectedUsageId()).isEqualTo(listed.get(0).getId());
  }

  @Test
  void aBatchMixingNewDuplicateAndRejectedReportsKeepsTheOrderOfOutcomes() {
    record(report("m-2", "2"));

    List<UsageOutcome> outcomes =
        record(
            report("m-3", "3"),
            report("m-2", "2"),
            report("bad", "-1"),
            report("m-1", "1.0001"),
            report("m-3", "3"));

    assertThat(outcomes)
        .extracting(UsageOutcome::getKind)
        .containsExactly(
            Kind.RECORDED, Kind.DUPLICATE, Kind.REJECTED, Kind.RECORDED, Kind.DUPLICATE);
    TractorUsage usage = usageOf(tractor, owner.key());
    assertThat(usage.getReportCount()).isEqualTo(3);
    assertThat(usage.getHectares()).isEqualTo("6.0001");
  }

  @Test
  void anotherPartnersTractorIsNotFound() {
    record(report("m-1", "1"));
    CoreHarness.PartnerKey stranger = core.newPartner("stranger", ApiFace.API_FACE_PAYG);
    assertThatThrownBy(() -> usageOf(tractor, stranger.key()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
              assertThat(e.getStatus().getDescription()).isEqualTo("Not found.");
            });
  }

  @Test
  void ingestWithoutTheServiceTokenIsRefused() {
    var anonymous = UsageIngestServiceGrpc.newBlockingStub(core.channel());
    assertThatThrownBy(() -> anonymous.recordUsage(RecordUsageRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  private long rejectedRows() {
    return core.server()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM rejected_usage WHERE topic LIKE :t OR tractor_id IN (:t2, 'ghost')")
                    .bind("t", "%" + tractor + "%")
                    .bind("t2", tractor)
                    .mapTo(Long.class)
                    .one());
  }

  private List<UsageOutcome> record(UsageSubmission... submissions) {
    return core.asOperator(UsageIngestServiceGrpc.newBlockingStub(core.channel()))
        .recordUsage(
            RecordUsageRequest.newBuilder().addAllSubmissions(List.of(submissions)).build())
        .getOutcomesList();
  }

  private TractorUsage usageOf(String tractorId, String key) {
    return core.withApiKey(UsageQueryServiceGrpc.newBlockingStub(core.channel()), key)
        .getTractorUsage(GetTractorUsageRequest.newBuilder().setTractorId(tractorId).build());
  }

  private UsageSubmission report(String messageId, String hectares) {
    return reportFor(tractor, messageId, hectares);
  }

  private static UsageSubmission reportFor(String tractorId, String messageId, String hectares) {
    UsageReport report =
        UsageReport.newBuilder()
            .setSchemaVersion(1)
            .setTractorId(tractorId)
            .setMessageId(messageId)
            .setWindowStart(ts(START))
            .setWindowEnd(ts(END))
            .setHectares(hectares)
            .setEngineHours("1.0")
            .build();
    return UsageSubmission.newBuilder()
        .setTopic("furrow/v1/tractors/" + tractorId + "/usage")
        .setRawPayload(ByteString.copyFrom(messageId + hectares, StandardCharsets.UTF_8))
        .setContentType("application/json")
        .setReport(report)
        .build();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
  }
}
