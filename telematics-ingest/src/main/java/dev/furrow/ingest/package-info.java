/**
 * The telematics ingester: takes tractor usage from the MQTT broker and records it in the core over
 * gRPC, acknowledging each delivery to the broker only once the core has durably recorded it.
 *
 * <p>Start with {@link dev.furrow.ingest.TelematicsIngester}; the device-facing contract is
 * described on {@link dev.furrow.ingest.UsagePayloadParser}.
 */
@NullMarked
package dev.furrow.ingest;

import org.jspecify.annotations.NullMarked;
