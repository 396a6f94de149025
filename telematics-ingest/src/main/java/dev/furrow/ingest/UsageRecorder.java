package dev.furrow.ingest;

import dev.furrow.proto.telematics.v1.RecordUsageRequest;
import dev.furrow.proto.telematics.v1.RecordUsageResponse;

/** Records a batch in the core; every outcome is durable once this returns. */
@FunctionalInterface
interface UsageRecorder {
  /** Throws when the core did not (or may not have) recorded the batch; the caller retries. */
  RecordUsageResponse record(RecordUsageRequest request);
}
