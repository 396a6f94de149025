package dev.furrow.local;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.ApiKey;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.IssuedApiKey;
import dev.furrow.proto.partner.v1.ListApiKeysRequest;
import dev.furrow.proto.partner.v1.ListPartnersRequest;
import dev.furrow.proto.partner.v1.Partner;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc.PartnerAdminServiceBlockingStub;
import dev.furrow.proto.partner.v1.RevokeApiKeyRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's command for partners and API keys, over the core's {@code PartnerAdminService}.
 *
 * <pre>
 * ./mvnw -q -pl local-launcher exec:java -Dexec.mainClass=dev.furrow.local.PartnerAdminCommand \
 *     -Dexec.args="create-partner 'Bank of Agriculture'"
 * </pre>
 *
 * <p>It reads {@code FURROW_CORE_TARGET} (default {@code 127.0.0.1:9090}) and {@code
 * FURROW_SERVICE_TOKEN} (required).
 */
public final class PartnerAdminCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: PartnerAdminCommand <command> [arguments]",
          "  list-partners",
          "  create-partner <name>",
          "  issue-key <partner-id> <lending|payg> [label]",
          "  list-keys <partner-id>",
          "  revoke-key <key-id>");

  private final PartnerAdminServiceBlockingStub admin;
  private final PrintStream out;

  PartnerAdminCommand(PartnerAdminServiceBlockingStub admin, PrintStream out) {
    this.admin = admin;
    this.out = out;
  }

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    String token = env.getOrDefault("FURROW_SERVICE_TOKEN", "");
    if (token.isEmpty()) {
      System.err.println("FURROW_SERVICE_TOKEN is not set: give the core's operator token.");
      System.exit(2);
    }
    ManagedChannel channel =
        ManagedChannelBuilder.forTarget(env.getOrDefault("FURROW_CORE_TARGET", "127.0.0.1:9090"))
            .usePlaintext()
            .build();
    try {
      System.exit(new PartnerAdminCommand(operatorStub(channel, token), System.out).run(args));
    } finally {
      channel.shutdownNow();
    }
  }

  static PartnerAdminServiceBlockingStub operatorStub(ManagedChannel channel, String token) {
    Metadata metadata = new Metadata();
    metadata.put(Caller.SERVICE_TOKEN, token);
    return PartnerAdminServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }

  /** Runs one command and returns the exit code: 0 done, 1 refused by the core, 2 bad usage. */
  int run(String[] args) {
    if (args.length == 0) {
      out.println(USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      switch (args[0]) {
        case "list-partners" ->
            admin
                .listPartners(ListPartnersRequest.getDefaultInstance())
                .getPartnersList()
                .forEach(this::print);
        case "create-partner" ->
            print(
                admin.createPartner(
                    CreatePartnerRequest.newBuilder().setName(arg(rest, 0)).build()));
        case "issue-key" ->
            print(
                admin.issueApiKey(
                    IssueApiKeyRequest.newBuilder()
                        .setPartnerId(Long.parseLong(arg(rest, 0)))
                        .setFace(face(arg(rest, 1)))
                        .setLabel(rest.size() > 2 ? rest.get(2) : "")
                        .build()));
        case "list-keys" ->
            admin
                .listApiKeys(
                    ListApiKeysRequest.newBuilder()
                        .setPartnerId(Long.parseLong(arg(rest, 0)))
                        .build())
                .getApiKeysList()
                .forEach(this::print);
        case "revoke-key" ->
            print(
                admin.revokeApiKey(
                    RevokeApiKeyRequest.newBuilder()
                        .setApiKeyId(Long.parseLong(arg(rest, 0)))
                        .build()));
        default -> throw new IllegalArgumentException("unknown command \"" + args[0] + "\"");
      }
      return 0;
    } catch (StatusRuntimeException e) {
      out.println("refused: " + e.getStatus().getCode() + ": " + e.getStatus().getDescription());
      return 1;
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
  }

  private static String arg(List<String> rest, int index) {
    if (rest.size() <= index) {
      throw new IllegalArgumentException("missing argument " + (index + 1));
    }
    return rest.get(index);
  }

  private static ApiFace face(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lending" -> ApiFace.API_FACE_LENDING;
      case "payg" -> ApiFace.API_FACE_PAYG;
      default ->
          throw new IllegalArgumentException("face must be lending or payg, not \"" + name + "\"");
    };
  }

  private void print(Partner partner) {
    out.printf(
        "partner %d  %s  created %s%n",
        partner.getId(), partner.getName(), time(partner.getCreatedAt()));
  }

  private void print(IssuedApiKey issued) {
    print(issued.getApiKey());
    out.println("key (shown once): " + issued.getKey());
  }

  private void print(ApiKey key) {
    out.printf(
        "key %d  partner %d  %s  %s...  label \"%s\"  %s%n",
        key.getId(),
        key.getPartnerId(),
        key.getFace() == ApiFace.API_FACE_LENDING ? "lending" : "payg",
        key.getPrefix(),
        key.getLabel(),
        key.hasRevokedAt() ? "revoked " + time(key.getRevokedAt()) : "active");
  }

  private static Instant time(com.google.protobuf.Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
