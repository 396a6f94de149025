package dev.furrow.core.telematics;

import javax.annotation.Nullable;

/**
 * One message as the broker delivered it: parsed into a report, or not parseable (then {@code
 * parseError} says why). The raw payload always comes along so a rejected message is kept as sent.
 */
public record UsageDelivery(
    String topic,
    byte[] rawPayload,
    String contentType,
    @Nullable UsageReport report,
    @Nullable String parseError) {}
