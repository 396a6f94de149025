package dev.furrow.core.telematics;

import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.telematics.v1.UsageSubmission;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/** Translates between the ingest protobuf messages and the telematics domain types. */
final class UsageProtoMapper {
  private UsageProtoMapper() {}

  /**
   * A submission whose decimals do not parse becomes a delivery with a parse error, not a failure.
   */
  static UsageDelivery toDelivery(UsageSubmission submission) {
    byte[] raw = submission.getRawPayload().toByteArray();
    if (submission.getBodyCase() != UsageSubmission.BodyCase.REPORT) {
      String error =
          submission.getBodyCase() == UsageSubmission.BodyCase.PARSE_ERROR
              ? submission.getParseError()
              : "submission carries neither a report nor a parse error";
      return new UsageDelivery(
          submission.getTopic(), raw, submission.getContentType(), null, error);
    }
    var r = submission.getReport();
    try {
      UsageReport report =
          new UsageReport(
              r.getSchemaVersion(),
              r.getTractorId(),
              r.getMessageId(),
              ProtoTime.fromProto(r.getWindowStart()),
              ProtoTime.fromProto(r.getWindowEnd()),
              decimal("hectares", r.getHectares()),
              optionalDecimal("engine_hours", r.getEngineHours()),
              optionalDecimal("fuel_litres", r.getFuelLitres()),
              r.getHasPosition()
                  ? new UsageReport.Position(r.getLatitude(), r.getLongitude())
                  : null);
      return new UsageDelivery(
          submission.getTopic(), raw, submission.getContentType(), report, null);
    } catch (IllegalArgumentException e) {
      return new UsageDelivery(
          submission.getTopic(), raw, submission.getContentType(), null, e.getMessage());
    }
  }

  static dev.furrow.proto.telematics.v1.UsageOutcome toProto(UsageOutcome outcome) {
    var kind =
        switch (outcome.kind()) {
          case RECORDED -> dev.furrow.proto.telematics.v1.UsageOutcome.Kind.RECORDED;
          case DUPLICATE -> dev.furrow.proto.telematics.v1.UsageOutcome.Kind.DUPLICATE;
          case REJECTED -> dev.furrow.proto.telematics.v1.UsageOutcome.Kind.REJECTED;
        };
    return dev.furrow.proto.telematics.v1.UsageOutcome.newBuilder()
        .setKind(kind)
        .setReason(outcome.reason())
        .setRejectedUsageId(outcome.rejectedUsageId())
        .build();
  }

  private static BigDecimal decimal(String field, String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": not a decimal number (\"" + text + "\")", e);
    }
  }

  @Nullable
  private static BigDecimal optionalDecimal(String field, String text) {
    return text.isEmpty() ? null : decimal(field, text);
  }
}
