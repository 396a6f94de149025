package dev.furrow.core.platform.grpc;

import dev.furrow.core.error.UnauthenticatedException;
import dev.furrow.core.partner.ApiFace;
import dev.furrow.core.partner.ApiKeyAuthenticator;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Guards partner-scoped services: resolves the {@code x-furrow-api-key} entry to a partner, for the
 * one REST face the service belongs to, and makes it available as {@link Caller#partnerId()}.
 */
public final class PartnerKeyInterceptor implements ServerInterceptor {
  private final ApiKeyAuthenticator authenticator;
  private final ApiFace face;

  public PartnerKeyInterceptor(ApiKeyAuthenticator authenticator, ApiFace face) {
    this.authenticator = authenticator;
    this.face = face;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    long partnerId;
    try {
      partnerId = authenticator.authenticate(headers.get(Caller.API_KEY), face);
    } catch (UnauthenticatedException e) {
      call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Context context = Context.current().withValue(Caller.PARTNER_ID, partnerId);
    return Contexts.interceptCall(context, call, headers, next);
  }
}
