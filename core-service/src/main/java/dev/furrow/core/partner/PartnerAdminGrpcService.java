package dev.furrow.core.partner;

import static dev.furrow.core.platform.grpc.Replies.reply;

import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.GetPartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.IssuedApiKey;
import dev.furrow.proto.partner.v1.ListApiKeysRequest;
import dev.furrow.proto.partner.v1.ListApiKeysResponse;
import dev.furrow.proto.partner.v1.ListPartnersRequest;
import dev.furrow.proto.partner.v1.ListPartnersResponse;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.partner.v1.RevokeApiKeyRequest;
import io.grpc.stub.StreamObserver;

/** gRPC edge of {@link PartnerDirectory}; guarded by the operator service token. */
public final class PartnerAdminGrpcService
    extends PartnerAdminServiceGrpc.PartnerAdminServiceImplBase {
  private final PartnerDirectory directory;

  public PartnerAdminGrpcService(PartnerDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void createPartner(
      CreatePartnerRequest request, StreamObserver<dev.furrow.proto.partner.v1.Partner> response) {
    reply(response, toProto(directory.create(request.getName())));
  }

  @Override
  public void getPartner(
      GetPartnerRequest request, StreamObserver<dev.furrow.proto.partner.v1.Partner> response) {
    Partner partner =
        switch (request.getSelectorCase()) {
          case ID -> directory.get(request.getId());
          case NAME -> directory.getByName(request.getName());
          case SELECTOR_NOT_SET -> throw InvalidInputException.of("id", "Give an id or a name.");
        };
    reply(response, toProto(partner));
  }

  @Override
  public void listPartners(
      ListPartnersRequest request, StreamObserver<ListPartnersResponse> response) {
    ListPartnersResponse.Builder out = ListPartnersResponse.newBuilder();
    directory.list().forEach(p -> out.addPartners(toProto(p)));
    reply(response, out.build());
  }

  @Override
  public void issueApiKey(IssueApiKeyRequest request, StreamObserver<IssuedApiKey> response) {
    PartnerDirectory.IssuedKey issued =
        directory.issueKey(
            request.getPartnerId(),
            faceOf(request.getFace()),
            request.getLabel(),
            request.getKey());
    reply(
        response,
        IssuedApiKey.newBuilder().setApiKey(toProto(issued.apiKey())).setKey(issued.key()).build());
  }

  @Override
  public void revokeApiKey(
      RevokeApiKeyRequest request, StreamObserver<dev.furrow.proto.partner.v1.ApiKey> response) {
    reply(response, toProto(directory.revokeKey(request.getApiKeyId())));
  }

  @Override
  public void listApiKeys(
      ListApiKeysRequest request, StreamObserver<ListApiKeysResponse> response) {
    ListApiKeysResponse.Builder out = ListApiKeysResponse.newBuilder();
    directory.listKeys(request.getPartnerId()).forEach(k -> out.addApiKeys(toProto(k)));
    reply(response, out.build());
  }

  private static ApiFace faceOf(dev.furrow.proto.partner.v1.ApiFace face) {
    return switch (face) {
      case API_FACE_LENDING -> ApiFace.LENDING;
      case API_FACE_PAYG -> ApiFace.PAYG;
      default ->
          throw InvalidInputException.of("face", "Choose API_FACE_LENDING or API_FACE_PAYG.");
    };
  }

  private static dev.furrow.proto.partner.v1.Partner toProto(Partner partner) {
    return dev.furrow.proto.partner.v1.Partner.newBuilder()
        .setId(partner.id())
        .setName(partner.name())
        .setCreatedAt(ProtoTime.toProto(partner.createdAt()))
        .build();
  }

  private static dev.furrow.proto.partner.v1.ApiKey toProto(ApiKey key) {
    dev.furrow.proto.partner.v1.ApiKey.Builder out =
        dev.furrow.proto.partner.v1.ApiKey.newBuilder()
            .setId(key.id())
            .setPartnerId(key.partnerId())
            .setFace(
                key.face() == ApiFace.LENDING
                    ? dev.furrow.proto.partner.v1.ApiFace.API_FACE_LENDING
                    : dev.furrow.proto.partner.v1.ApiFace.API_FACE_PAYG)
            .setLabel(key.label())
            .setPrefix(key.prefix())
            .setCreatedAt(ProtoTime.toProto(key.createdAt()));
    if (key.revokedAt() != null) {
      out.setRevokedAt(ProtoTime.toProto(key.revokedAt()));
    }
    return out.build();
  }
}
