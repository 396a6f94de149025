package dev.furrow.gateway.core;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.jspecify.annotations.Nullable;

/**
 * Forwards the client's {@code Idempotency-Key} header to the core, which alone keeps the keys and
 * decides what a reused one answers (docs/rest-api.md). Only requests that change something (not
 * GET or HEAD) forward it.
 */
public final class CoreIdempotencyKey {

  /** The HTTP header a client sends the key in. */
  public static final String HEADER = "Idempotency-Key";

  /** The gRPC metadata entry the core reads the key from. */
  public static final Metadata.Key<String> METADATA_KEY =
      Metadata.Key.of("x-furrow-idempotency-key", Metadata.ASCII_STRING_MARSHALLER);

  static final String NOT_ASCII = "Only printable ASCII characters are allowed.";

  private CoreIdempotencyKey() {}

  /**
   * The stub sending the request's key, or the stub itself when there is none or the request is a
   * read.
   *
   * @throws StatusRuntimeException INVALID_ARGUMENT naming the header when the key cannot travel as
   *     gRPC metadata (other than printable ASCII), which the REST face answers as 400
   */
  public static <S extends AbstractStub<S>> S attach(S stub, ServiceRequestContext ctx) {
    requireNonNull(stub, "stub");
    final String key = keyOf(ctx);
    if (key == null) {
      return stub;
    }
    final Metadata headers = new Metadata();
    headers.put(METADATA_KEY, key);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static @Nullable String keyOf(ServiceRequestContext ctx) {
    final HttpMethod method = ctx.method();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      return null;
    }
    final String key = ctx.request().headers().get(HEADER);
    if (key == null) {
      return null;
    }
    for (int i = 0; i < key.length(); i++) {
      final char c = key.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw invalid(NOT_ASCII);
      }
    }
    return key;
  }

  private static StatusRuntimeException invalid(String message) {
    return StatusProto.toStatusRuntimeException(
        com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage(HEADER + ": " + message)
            .addDetails(
                Any.pack(
                    BadRequest.newBuilder()
                        .addFieldViolations(
                            BadRequest.FieldViolation.newBuilder()
                                .setField(HEADER)
                                .setDescription(message))
                        .build()))
            .build());
  }
}
