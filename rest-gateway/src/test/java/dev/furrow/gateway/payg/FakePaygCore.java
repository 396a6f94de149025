package dev.furrow.gateway.payg;

import com.google.protobuf.Message;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.BillingServiceGrpc;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.ConfirmPaymentResponse;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.ContractServiceGrpc;
import dev.furrow.proto.payg.v1.GetBillingPeriodRequest;
import dev.furrow.proto.payg.v1.GetContractRequest;
import dev.furrow.proto.payg.v1.GetInvoiceRequest;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.ListBillingPeriodsRequest;
import dev.furrow.proto.payg.v1.ListBillingPeriodsResponse;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.ListContractsResponse;
import dev.furrow.proto.payg.v1.ListInvoicesRequest;
import dev.furrow.proto.payg.v1.ListInvoicesResponse;
import dev.furrow.proto.payg.v1.ListPaymentsRequest;
import dev.furrow.proto.payg.v1.ListPaymentsResponse;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC peer standing in for the core's PAYG services on a real socket. Like the core it accepts
 * only its one PAYG key (anything else is UNAUTHENTICATED "Invalid API key."); it records every
 * request and answers each RPC with what the test told it (NOT_FOUND "Not found." otherwise).
 */
final class FakePaygCore implements AutoCloseable {

  static final String PAYG_KEY = "payg-test-key-0123456789abcdefghijklmnopqrstuv";

  private static final Metadata.Key<String> API_KEY =
      Metadata.Key.of("x-furrow-api-key", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> CALLER_KEY = Context.key("caller-key");

  private final Server server;
  private final List<Message> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Object> answers = new ConcurrentHashMap<>();

  FakePaygCore() {
    final ServerInterceptor keys = new RememberKey();
    server =
        Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
            .addService(ServerInterceptors.intercept(new Contracts(), keys))
            .addService(ServerInterceptors.intercept(new Billing(), keys))
            .addService(ServerInterceptors.intercept(new Payments(), keys))
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /** Answers the RPC (by method name, e.g. "ListContracts") with the message or the failure. */
  void answer(String method, Object messageOrFailure) {
    answers.put(method, messageOrFailure);
  }

  /** Every request received, in order. */
  List<Message> requests() {
    return List.copyOf(requests);
  }

  /** The last request received, of the given type. */
  <T extends Message> T last(Class<T> type) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      if (type.isInstance(requests.get(i))) {
        return type.cast(requests.get(i));
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " received");
  }

  void reset() {
    answers.clear();
    requests.clear();
  }

  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> void respond(String method, Message request, StreamObserver<T> observer) {
    requests.add(request);
    if (!PAYG_KEY.equals(CALLER_KEY.get())) {
      observer.onError(
          Status.UNAUTHENTICATED.withDescription("Invalid API key.").asRuntimeException());
      return;
    }
    final Object answer = answers.get(method);
    if (answer instanceof StatusRuntimeException failure) {
      observer.onError(failure);
    } else if (answer != null) {
      observer.onNext((T) answer);
      observer.onCompleted();
    } else {
      observer.onError(Status.NOT_FOUND.withDescription("Not found.").asRuntimeException());
    }
  }

  private static final class RememberKey implements ServerInterceptor {
    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
        ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
      return Contexts.interceptCall(
          Context.current().withValue(CALLER_KEY, headers.get(API_KEY)), call, headers, next);
    }
  }

  private final class Contracts extends ContractServiceGrpc.ContractServiceImplBase {
    @Override
    public void listContracts(
        ListContractsRequest request, StreamObserver<ListContractsResponse> observer) {
      respond("ListContracts", request, observer);
    }

    @Override
    public void getContract(GetContractRequest request, StreamObserver<Contract> observer) {
      respond("GetContract", request, observer);
    }
  }

  private final class Billing extends BillingServiceGrpc.BillingServiceImplBase {
    @Override
    public void listBillingPeriods(
        ListBillingPeriodsRequest request, StreamObserver<ListBillingPeriodsResponse> observer) {
      respond("ListBillingPeriods", request, observer);
    }

    @Override
    public void getBillingPeriod(
        GetBillingPeriodRequest request, StreamObserver<BillingPeriod> observer) {
      respond("GetBillingPeriod", request, observer);
    }

    @Override
    public void listInvoices(
        ListInvoicesRequest request, StreamObserver<ListInvoicesResponse> observer) {
      respond("ListInvoices", request, observer);
    }

    @Override
    public void getInvoice(GetInvoiceRequest request, StreamObserver<Invoice> observer) {
      respond("GetInvoice", request, observer);
    }
  }

  private final class Payments extends PaymentServiceGrpc.PaymentServiceImplBase {
    @Override
    public void listPayments(
        ListPaymentsRequest request, StreamObserver<ListPaymentsResponse> observer) {
      respond("ListPayments", request, observer);
    }

    @Override
    public void confirmPayment(
        ConfirmPaymentRequest request, StreamObserver<ConfirmPaymentResponse> observer) {
      respond("ConfirmPayment", request, observer);
    }
  }
}
