package dev.furrow.core.idempotency;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.core.platform.grpc.GrpcErrors;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours the {@code x-furrow-idempotency-key} metadata entry on a partner service's unary calls
 * that have side effects (every method not declared {@code idempotency_level = NO_SIDE_EFFECTS} in
 * the proto, which marks it {@linkplain MethodDescriptor#isSafe() safe}). The handler runs inside
 * {@link IdempotentRequests#once}: its reply is held back until the transaction holding the effect
 * and the remembered reply has committed. Without the entry, or on a read, the call passes through
 * untouched. Must run inside the partner-key guard (it needs the partner) and outside the error
 * mapping (it needs the handler's failures as statuses).
 */
public final class IdempotencyInterceptor implements ServerInterceptor {
  private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);

  private final IdempotentRequests requests;

  public IdempotencyInterceptor(IdempotentRequests requests) {
    this.requests = requireNonNull(requests, "requests");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String key = headers.get(Caller.IDEMPOTENCY_KEY);
    MethodDescriptor<Q, R> method = call.getMethodDescriptor();
    if (key == null || method.getType() != MethodDescriptor.MethodType.UNARY || isSafe(method)) {
      return next.startCall(call, headers);
    }
    long partnerId = Caller.partnerId();
    HeldCall<Q, R> held = new HeldCall<>(call);
    ServerCall.Listener<Q> handler = next.startCall(held, headers);
    return new SimpleForwardingServerCallListener<>(handler) {
      @Nullable private Q request;

      @Override
      public void onMessage(Q message) {
        request = message;
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (request == null) {
          super.onHalfClose();
          held.release();
          return;
        }
        try {
          IdempotentRequests.Outcome outcome =
              requests.once(
                  partnerId,
                  key,
                  method.getFullMethodName(),
                  canonical(request),
                  () -> {
                    super.onHalfClose();
                    return held.succeeded()
                        ? Optional.of(bytes(method.streamResponse(held.reply())))
                        : Optional.empty();
                  });
          if (outcome instanceof IdempotentRequests.Outcome.Replayed replayed) {
            held.replay(method.parseResponse(new ByteArrayInputStream(replayed.response())));
          } else {
            held.release();
          }
        } catch (RuntimeException e) {
          StatusRuntimeException status = GrpcErrors.toStatus(e);
          if (status.getStatus().getCode() == Status.Code.INTERNAL) {
            log.error("{} with an idempotency key failed", method.getFullMethodName(), e);
          }
          held.fail(status);
        }
      }
    };
  }

  /**
   * Reads: methods declared {@code idempotency_level = NO_SIDE_EFFECTS}, which the generated
   * descriptor marks safe. They run their own (repeatable read) transactions and have nothing to
   * repeat, so a key on them is ignored.
   */
  private static boolean isSafe(MethodDescriptor<?, ?> method) {
    return method.isSafe();
  }

  /** The request's bytes in deterministic serialization, so equal messages give equal bytes. */
  private static byte[] canonical(Object request) {
    if (!(request instanceof MessageLite message)) {
      throw new IllegalStateException("not a protobuf request: " + request.getClass());
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(message.getSerializedSize());
      CodedOutputStream coded = CodedOutputStream.newInstance(out);
      coded.useDeterministicSerialization();
      message.writeTo(coded);
      coded.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(InputStream stream) {
    try (stream) {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The call as the handler sees it: what the handler sends (headers, the reply, the closing
   * status) is held until the outcome is known, then released, replaced by a replay, or replaced by
   * an error.
   */
  private static final class HeldCall<Q, R> extends SimpleForwardingServerCall<Q, R> {
    @Nullable private Metadata headers;
    @Nullable private R reply;
    @Nullable private Status status;
    @Nullable private Metadata trailers;

    HeldCall(ServerCall<Q, R> delegate) {
      super(delegate);
    }

    @Override
    public void sendHeaders(Metadata headers) {
      this.headers = headers;
    }

    @Override
    public void sendMessage(R message) {
      this.reply = message;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      this.status = status;
      this.trailers = trailers;
    }

    boolean succeeded() {
      return status != null && status.isOk() && reply != null;
    }

    R reply() {
      return requireNonNull(reply, "reply");
    }

    /** Sends what the handler sent, as it sent it. */
    void release() {
      if (headers != null) {
        delegate().sendHeaders(headers);
      }
      if (reply != null && status != null && status.isOk()) {
        delegate().sendMessage(reply);
      }
      if (status != null) {
        delegate().close(status, trailers == null ? new Metadata() : trailers);
      }
    }

    /** Sends the reply an earlier call with the same key gave. */
    void replay(R earlier) {
      delegate().sendHeaders(new Metadata());
      delegate().sendMessage(earlier);
      delegate().close(Status.OK, new Metadata());
    }

    /** Answers with an error instead of whatever the handler sent. */
    void fail(StatusRuntimeException error) {
      Metadata errorTrailers = error.getTrailers() == null ? new Metadata() : error.getTrailers();
      delegate().close(error.getStatus(), errorTrailers);
    }
  }
}
