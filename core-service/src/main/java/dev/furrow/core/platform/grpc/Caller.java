package dev.furrow.core.platform.grpc;

import dev.furrow.core.error.UnauthenticatedException;
import io.grpc.Context;
import io.grpc.Metadata;

/** Who is calling: the metadata names credentials arrive in and the partner a key resolved to. */
public final class Caller {
  /** Partner API key, forwarded by the REST gateway or sent by a partner's own gRPC client. */
  public static final Metadata.Key<String> API_KEY =
      Metadata.Key.of("x-furrow-api-key", Metadata.ASCII_STRING_MARSHALLER);

  /** Operator and internal-service token. */
  public static final Metadata.Key<String> SERVICE_TOKEN =
      Metadata.Key.of("x-furrow-service-token", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * Optional key that makes a mutating partner call run at most once (the REST gateway forwards the
   * {@code Idempotency-Key} header in it); see {@code dev.furrow.core.idempotency}.
   */
  public static final Metadata.Key<String> IDEMPOTENCY_KEY =
      Metadata.Key.of("x-furrow-idempotency-key", Metadata.ASCII_STRING_MARSHALLER);

  static final Context.Key<Long> PARTNER_ID = Context.key("furrow-partner-id");

  private Caller() {}

  /** The partner whose key authenticated the current call. */
  public static long partnerId() {
    Long id = PARTNER_ID.get();
    if (id == null) {
      throw new UnauthenticatedException("This call needs a partner API key.");
    }
    return id;
  }
}
