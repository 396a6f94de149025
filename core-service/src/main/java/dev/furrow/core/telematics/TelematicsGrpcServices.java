package dev.furrow.core.telematics;

import static dev.furrow.core.platform.grpc.Replies.reply;

import com.google.protobuf.ByteString;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.error.Violations;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.telematics.v1.GetTractorUsageRequest;
import dev.furrow.proto.telematics.v1.GetUsageSeriesRequest;
import dev.furrow.proto.telematics.v1.ListRejectedUsageRequest;
import dev.furrow.proto.telematics.v1.ListRejectedUsageResponse;
import dev.furrow.proto.telematics.v1.ListStoppedTractorsRequest;
import dev.furrow.proto.telematics.v1.ListStoppedTractorsResponse;
import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageResponse;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.RejectedUsage;
import dev.furrow.proto.telematics.v1.StoppedTractor;
import dev.furrow.proto.telematics.v1.Tractor;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import dev.furrow.proto.telematics.v1.TractorUsage;
import dev.furrow.proto.telematics.v1.UsageBucket;
import dev.furrow.proto.telematics.v1.UsageIngestServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import dev.furrow.proto.telematics.v1.UsageSeries;
import io.grpc.stub.StreamObserver;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The gRPC edges of the telematics use cases. */
public final class TelematicsGrpcServices {
  private TelematicsGrpcServices() {}

  /** Operator registration of tractors. */
  public static final class TractorAdmin
      extends TractorAdminServiceGrpc.TractorAdminServiceImplBase {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final TractorRegistry registry;
    private final UsageRepository repository;

    public TractorAdmin(TractorRegistry registry, UsageRepository repository) {
      this.registry = registry;
      this.repository = repository;
    }

    @Override
    public void listRejectedUsage(
        ListRejectedUsageRequest request, StreamObserver<ListRejectedUsageResponse> response) {
      new Violations()
          .check(
              request.getLimit() < 0, "limit", "Ensure this value is greater than or equal to 0.")
          .throwIfAny();
      int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : Math.min(request.getLimit(), MAX_LIMIT);
      ListRejectedUsageResponse.Builder out = ListRejectedUsageResponse.newBuilder();
      for (UsageRepository.RejectedDelivery r :
          repository.rejected(request.getTractorId(), limit)) {
        out.addRejected(
            RejectedUsage.newBuilder()
                .setId(r.id())
                .setTopic(r.topic())
                .setTractorId(r.tractorId() == null ? "" : r.tractorId())
                .setMessageId(r.messageId() == null ? "" : r.messageId())
                .setContentType(r.contentType())
                .setRawPayload(ByteString.copyFrom(r.rawPayload()))
                .setReason(r.reason())
                .setDeliveries(r.deliveries())
                .setReceivedAt(ProtoTime.toProto(r.receivedAt()))
                .setLastSeenAt(ProtoTime.toProto(r.lastSeenAt())));
      }
      reply(response, out.build());
    }

    @Override
    public void registerTractor(RegisterTractorRequest request, StreamObserver<Tractor> response) {
      registry.register(request.getTractorId(), request.getPartnerId());
      reply(
          response,
          Tractor.newBuilder()
              .setTractorId(request.getTractorId())
              .setPartnerId(request.getPartnerId())
              .build());
    }
  }

  /** Batches from the telematics ingester. */
  public static final class UsageIngest extends UsageIngestServiceGrpc.UsageIngestServiceImplBase {
    private final UsageRecorder recorder;

    public UsageIngest(UsageRecorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void recordUsage(
        RecordUsageRequest request, StreamObserver<RecordUsageResponse> response) {
      List<UsageDelivery> deliveries =
          request.getSubmissionsList().stream().map(UsageProtoMapper::toDelivery).toList();
      RecordUsageResponse.Builder out = RecordUsageResponse.newBuilder();
      recorder.record(deliveries).forEach(o -> out.addOutcomes(UsageProtoMapper.toProto(o)));
      reply(response, out.build());
    }
  }

  /** Partner-scoped usage reads (pay-as-you-go face). */
  public static final class UsageQuery extends UsageQueryServiceGrpc.UsageQueryServiceImplBase {
    private final UsageRepository repository;
    private final UsageMonitor monitor;

    public UsageQuery(UsageRepository repository, UsageMonitor monitor) {
      this.repository = repository;
      this.monitor = monitor;
    }

    @Override
    public void getUsageSeries(
        GetUsageSeriesRequest request, StreamObserver<UsageSeries> response) {
      UsagePeriod period =
          switch (request.getPeriod()) {
            case USAGE_PERIOD_DAY -> UsagePeriod.DAY;
            case USAGE_PERIOD_ISO_WEEK -> UsagePeriod.ISO_WEEK;
            default -> null;
          };
      UsageMonitor.Series series =
          request.hasContractId()
              ? monitor.contractSeries(
                  Caller.partnerId(),
                  request.getContractId(),
                  period,
                  request.getFromDate(),
                  request.getToDate(),
                  request.getTimeZone())
              : monitor.series(
                  Caller.partnerId(),
                  request.getTractorId(),
                  period,
                  request.getFromDate(),
                  request.getToDate(),
                  request.getTimeZone());
      UsageSeries.Builder out =
          UsageSeries.newBuilder()
              .setTractorId(series.range().tractorId())
              .setContractId(request.getContractId())
              .setPeriod(request.getPeriod())
              .setFromDate(series.range().from().toString())
              .setToDate(series.range().to().toString())
              .setTimeZone(series.range().zone().getId());
      for (UsageMonitor.Bucket b : series.buckets()) {
        UsageBucket.Builder bucket =
            UsageBucket.newBuilder()
                .setStartDate(b.startDate().toString())
                .setEndDate(b.endDate().toString())
                .setIsoWeek(b.isoWeek())
                .setReportCount(b.reportCount())
                .setHectares(display(b.hectares()))
                .setEngineHours(display(b.engineHours()));
        if (b.lastReportAt() != null) {
          bucket.setLastReportAt(ProtoTime.toProto(b.lastReportAt()));
        }
        out.addBuckets(bucket);
      }
      reply(response, out.build());
    }

    @Override
    public void listStoppedTractors(
        ListStoppedTractorsRequest request, StreamObserver<ListStoppedTractorsResponse> response) {
      Duration silentFor =
          request.hasSilentFor()
              ? Duration.ofSeconds(
                  request.getSilentFor().getSeconds(), request.getSilentFor().getNanos())
              : null;
      UsageMonitor.StoppedTractors stopped =
          monitor.stopped(Caller.partnerId(), silentFor, request.getLimit());
      ListStoppedTractorsResponse.Builder out =
          ListStoppedTractorsResponse.newBuilder().setTotalCount(stopped.totalCount());
      for (UsageMonitor.StoppedTractor t : stopped.tractors()) {
        StoppedTractor.Builder tractor =
            StoppedTractor.newBuilder()
                .setTractorId(t.tractorId())
                .setRegisteredAt(ProtoTime.toProto(t.registeredAt()));
        if (t.lastReportAt() != null) {
          tractor.setLastReportAt(ProtoTime.toProto(t.lastReportAt()));
        }
        out.addTractors(tractor);
      }
      reply(response, out.build());
    }

    @Override
    public void getTractorUsage(
        GetTractorUsageRequest request, StreamObserver<TractorUsage> response) {
      UsageRepository.UsageTotals totals =
          repository
              .totals(request.getTractorId(), Caller.partnerId())
              .orElseThrow(() -> new NotFoundException("Not found."));
      TractorUsage.Builder out =
          TractorUsage.newBuilder()
              .setTractorId(totals.tractorId())
              .setReportCount(totals.reportCount())
              .setHectares(display(totals.hectares()))
              .setEngineHours(display(totals.engineHours()));
      if (totals.lastReportAt() != null) {
        out.setLastReportAt(ProtoTime.toProto(totals.lastReportAt()));
      }
      reply(response, out.build());
    }

    /**
     * Trailing zeros dropped but at least two decimals: 7.5000 shows as "7.50", 2.125 as "2.125".
     */
    static String display(BigDecimal value) {
      BigDecimal stripped = value.stripTrailingZeros();
      return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
  }
}
