package dev.furrow.core.platform.grpc;

import io.grpc.stub.StreamObserver;

/** Completes unary calls. */
public final class Replies {
  private Replies() {}

  /** Sends the single response of a unary call and completes it. */
  public static <T> void reply(StreamObserver<T> observer, T value) {
    observer.onNext(value);
    observer.onCompleted();
  }
}
