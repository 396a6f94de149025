package dev.furrow.gateway.core;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/** Opens the gateway's connection to the core. */
public final class CoreChannels {

  private CoreChannels() {}

  /** A plaintext channel to the given gRPC target ({@code host:port} or a gRPC target URI). */
  public static ManagedChannel open(String target) {
    requireNonNull(target, "target");
    return Grpc.newChannelBuilder(target, InsecureChannelCredentials.create()).build();
  }

  /**
   * The channel the endpoints call through. After a failed connection grpc-java waits up to two
   * minutes before the next attempt, failing every call meanwhile; a gateway started before the
   * core, or outliving a core restart, would stay down that long. An UNAVAILABLE answer therefore
   * cuts the wait short so the next request tries to connect at once.
   */
  public static Channel reconnectingPromptly(ManagedChannel channel) {
    requireNonNull(channel, "channel");
    return ClientInterceptors.intercept(channel, new ResetBackoffOnUnavailable(channel));
  }

  private static final class ResetBackoffOnUnavailable implements ClientInterceptor {
    private final ManagedChannel channel;

    ResetBackoffOnUnavailable(ManagedChannel channel) {
      this.channel = channel;
    }

    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
      return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
        @Override
        public void start(Listener<RespT> responseListener, Metadata headers) {
          super.start(
              new SimpleForwardingClientCallListener<>(responseListener) {
                @Override
                public void onClose(Status status, Metadata trailers) {
                  if (status.getCode() == Status.Code.UNAVAILABLE) {
                    channel.resetConnectBackoff();
                  }
                  super.onClose(status, trailers);
                }
              },
              headers);
        }
      };
    }
  }
}
