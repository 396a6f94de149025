package dev.furrow.core;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.testing.TestDatabases;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A core on the in-process transport over a fresh, migrated database of its own, with helpers to
 * call it as the operator or as a partner.
 */
public final class CoreHarness implements BeforeAllCallback, AfterAllCallback {
  public static final String SERVICE_TOKEN = "test-service-token-0123456789";

  private final List<ManagedChannel> channels = new ArrayList<>();
  private final UnaryOperator<CoreConfig> configure;
  private TestDatabases.TestDatabase database;
  private CoreServer server;
  private String name;

  /** A core with the default test configuration. */
  public CoreHarness() {
    this(UnaryOperator.identity());
  }

  /** A core whose test configuration {@code configure} changes. */
  public CoreHarness(UnaryOperator<CoreConfig> configure) {
    this.configure = configure;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    database = TestDatabases.create();
    name = "core-" + UUID.randomUUID();
    server =
        CoreServer.startInProcess(
            configure.apply(CoreConfig.of(database.jdbcUrl(), SERVICE_TOKEN)), name);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    channels.forEach(ManagedChannel::shutdownNow);
    server.close();
    TestDatabases.drop(database);
  }

  public CoreServer server() {
    return server;
  }

  /** A channel with no credentials. */
  public synchronized ManagedChannel channel() {
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    channels.add(channel);
    return channel;
  }

  /** The stub, sending the operator service token. */
  public <S extends AbstractStub<S>> S asOperator(S stub) {
    return stub.withInterceptors(header(Caller.SERVICE_TOKEN, SERVICE_TOKEN));
  }

  /** The stub, sending a partner API key. */
  public <S extends AbstractStub<S>> S withApiKey(S stub, String key) {
    return stub.withInterceptors(header(Caller.API_KEY, key));
  }

  /** Creates a partner with a fresh key for the face; returns (partner id, key). */
  public PartnerKey newPartner(String namePrefix, ApiFace face) {
    var admin = asOperator(PartnerAdminServiceGrpc.newBlockingStub(channel()));
    long id =
        admin
            .createPartner(
                CreatePartnerRequest.newBuilder()
                    .setName(namePrefix + "-" + UUID.randomUUID())
                    .build())
            .getId();
    String key =
        admin
            .issueApiKey(IssueApiKeyRequest.newBuilder().setPartnerId(id).setFace(face).build())
            .getKey();
    return new PartnerKey(id, key);
  }

  private static ClientInterceptor header(Metadata.Key<String> key, String value) {
    Metadata metadata = new Metadata();
    metadata.put(key, value);
    return MetadataUtils.newAttachHeadersInterceptor(metadata);
  }

  /** A partner and one of its plain API keys. */
  public record PartnerKey(long partnerId, String key) {}
}
