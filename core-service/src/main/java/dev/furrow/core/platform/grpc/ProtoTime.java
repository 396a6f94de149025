package dev.furrow.core.platform.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import javax.annotation.Nullable;

/** Conversions between {@link Instant} and protobuf timestamps. */
public final class ProtoTime {
  private ProtoTime() {}

  /** The timestamp, or the default (unset) one for null. */
  public static Timestamp toProto(@Nullable Instant instant) {
    if (instant == null) {
      return Timestamp.getDefaultInstance();
    }
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  public static Instant fromProto(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
