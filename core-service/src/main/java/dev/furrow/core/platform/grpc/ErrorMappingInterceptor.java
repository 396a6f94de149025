package dev.furrow.core.platform.grpc;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets service methods throw domain exceptions: whatever escapes a handler closes the call with the
 * status {@link GrpcErrors} chooses, instead of grpc-java's bare UNKNOWN.
 */
public final class ErrorMappingInterceptor implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(ErrorMappingInterceptor.class);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    return new SimpleForwardingServerCallListener<>(delegate) {
      @Override
      public void onMessage(Q message) {
        guard(() -> super.onMessage(message));
      }

      @Override
      public void onHalfClose() {
        guard(super::onHalfClose);
      }

      private void guard(Runnable step) {
        try {
          step.run();
        } catch (RuntimeException e) {
          StatusRuntimeException status = GrpcErrors.toStatus(e);
          if (status.getStatus().getCode() == io.grpc.Status.Code.INTERNAL) {
            log.error("{} failed", call.getMethodDescriptor().getFullMethodName(), e);
          }
          Metadata trailers = status.getTrailers() == null ? new Metadata() : status.getTrailers();
          call.close(status.getStatus(), trailers);
        }
      }
    };
  }
}
