package dev.furrow.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** Forwards the caller's API key to the core, which alone decides whether the key is good. */
public final class CoreApiKey {

  /** The gRPC metadata entry the core reads the partner's API key from. */
  public static final Metadata.Key<String> METADATA_KEY =
      Metadata.Key.of("x-furrow-api-key", Metadata.ASCII_STRING_MARSHALLER);

  /** What the core answers for a key it does not know; reused for keys that cannot be sent. */
  static final String INVALID_KEY = "Invalid API key.";

  private CoreApiKey() {}

  /** The stub sending the current request's API key (found by {@link ApiKeyAuthentication}). */
  public static <S extends AbstractStub<S>> S attach(S stub, ServiceRequestContext ctx) {
    return attach(stub, ApiKeyAuthentication.apiKey(ctx));
  }

  /** The stub sending the given API key with every call. */
  public static <S extends AbstractStub<S>> S attach(S stub, String apiKey) {
    requireNonNull(stub, "stub");
    requireNonNull(apiKey, "apiKey");
    final Metadata headers = new Metadata();
    headers.put(METADATA_KEY, apiKey);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /** Whether an ASCII metadata value can carry the key unchanged (printable ASCII only). */
  static boolean isTransmittable(String apiKey) {
    for (int i = 0; i < apiKey.length(); i++) {
      final char c = apiKey.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return !apiKey.isEmpty();
  }
}
