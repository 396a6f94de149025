package dev.furrow.gateway.core;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.gateway.auth.CoreApiKey;
import io.grpc.stub.AbstractStub;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** How the endpoints call the core: with the caller's key, a deadline, and without blocking. */
public final class CoreCalls {

  /**
   * Deadline of one core call made for a REST request; shorter than Armeria's 10 s request timeout
   * so a slow core is reported as the core's fault (503 from the mapping) and not as a generic
   * timeout.
   */
  public static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

  private CoreCalls() {}

  /**
   * The stub for one call on behalf of the current (authenticated) request: with its API key, its
   * {@code Idempotency-Key} if it changes something ({@link CoreIdempotencyKey}), and a deadline.
   */
  public static <S extends AbstractStub<S>> S forRequest(S stub, ServiceRequestContext ctx) {
    return CoreIdempotencyKey.attach(CoreApiKey.attach(stub, ctx), ctx)
        .withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A future stub's result as a {@link CompletableFuture}; cancelling the returned future (the HTTP
   * client went away) cancels the gRPC call.
   */
  public static <T> CompletableFuture<T> toCompletable(ListenableFuture<T> call) {
    requireNonNull(call, "call");
    final CompletableFuture<T> result = new CompletableFuture<>();
    Futures.addCallback(
        call,
        new FutureCallback<T>() {
          @Override
          public void onSuccess(T value) {
            result.complete(value);
          }

          @Override
          public void onFailure(Throwable cause) {
            result.completeExceptionally(cause);
          }
        },
        MoreExecutors.directExecutor());
    result.whenComplete(
        (unused, cause) -> {
          if (cause instanceof CancellationException) {
            call.cancel(true);
          }
        });
    return result;
  }
}
