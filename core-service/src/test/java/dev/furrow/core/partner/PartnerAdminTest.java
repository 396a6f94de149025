package dev.furrow.core.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.partner.v1.CreatePartnerRequest;
import dev.furrow.proto.partner.v1.IssueApiKeyRequest;
import dev.furrow.proto.partner.v1.ListApiKeysRequest;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc;
import dev.furrow.proto.partner.v1.PartnerAdminServiceGrpc.PartnerAdminServiceBlockingStub;
import dev.furrow.proto.partner.v1.RevokeApiKeyRequest;
import dev.furrow.proto.telematics.v1.GetTractorUsageRequest;
import dev.furrow.proto.telematics.v1.UsageQueryServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartnerAdminTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private PartnerAdminServiceBlockingStub admin() {
    return core.asOperator(PartnerAdminServiceGrpc.newBlockingStub(core.channel()));
  }

  @Test
  void adminCallsWithoutTheServiceTokenAreUnauthenticated() {
    var anonymous = PartnerAdminServiceGrpc.newBlockingStub(core.channel());
    assertThatThrownBy(
            () -> anonymous.createPartner(CreatePartnerRequest.newBuilder().setName("x").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("This call needs the operator service token.");
            });
  }

  @Test
  void duplicatePartnerNamesAreRefused() {
    admin().createPartner(CreatePartnerRequest.newBuilder().setName("Acme Leasing").build());
    assertThatThrownBy(
            () ->
                admin()
                    .createPartner(
                        CreatePartnerRequest.newBuilder().setName("  Acme Leasing ").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("A partner named \"Acme Leasing\" already exists.");
            });
  }

  @Test
  void blankNameIsAFieldViolation() {
    assertThatThrownBy(
            () -> admin().createPartner(CreatePartnerRequest.newBuilder().setName(" ").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              BadRequest details = badRequest(e);
              assertThat(details.getFieldViolationsList())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.getField()).isEqualTo("name");
                        assertThat(v.getDescription()).isEqualTo("This field may not be blank.");
                      });
            });
  }

  @Test
  void issuedKeyIsShownOnceAndListedOnlyByPrefix() {
    CoreHarness.PartnerKey partner = core.newPartner("keys", ApiFace.API_FACE_PAYG);
    assertThat(partner.key()).startsWith("fw_payg_").hasSize(8 + 32);

    var keys =
        admin()
            .listApiKeys(ListApiKeysRequest.newBuilder().setPartnerId(partner.partnerId()).build());
    assertThat(keys.getApiKeysList())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.getPrefix()).isEqualTo(partner.key().substring(0, 12));
              assertThat(k.getFace()).isEqualTo(ApiFace.API_FACE_PAYG);
              assertThat(k.hasRevokedAt()).isFalse();
            });
  }

  @Test
  void chosenKeyIssuedTwiceReturnsTheSameKey() {
    long id =
        admin()
            .createPartner(CreatePartnerRequest.newBuilder().setName("chosen-key partner").build())
            .getId();
    IssueApiKeyRequest request =
        IssueApiKeyRequest.newBuilder()
            .setPartnerId(id)
            .setFace(ApiFace.API_FACE_LENDING)
            .setKey("demo-lending-key-000000000000000000")
            .build();
    long first = admin().issueApiKey(request).getApiKey().getId();
    long second = admin().issueApiKey(request).getApiKey().getId();
    assertThat(second).isEqualTo(first);
    assertThat(
            admin()
                .listApiKeys(ListApiKeysRequest.newBuilder().setPartnerId(id).build())
                .getApiKeysCount())
        .isEqualTo(1);
  }

  @Test
  void shortChosenKeyIsRefused() {
    long id =
        admin()
            .createPartner(CreatePartnerRequest.newBuilder().setName("short key").build())
            .getId();
    assertThatThrownBy(
            () ->
                admin()
                    .issueApiKey(
                        IssueApiKeyRequest.newBuilder()
                            .setPartnerId(id)
                            .setFace(ApiFace.API_FACE_PAYG)
                            .setKey("too-short")
                            .build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e ->
                assertThat(badRequest(e).getFieldViolations(0).getDescription())
                    .isEqualTo("Ensure this field has at least 32 characters."));
  }

  @Test
  void revokedKeyNoLongerAuthenticates() {
    CoreHarness.PartnerKey partner = core.newPartner("revoke", ApiFace.API_FACE_PAYG);
    long keyId =
        admin()
            .listApiKeys(ListApiKeysRequest.newBuilder().setPartnerId(partner.partnerId()).build())
            .getApiKeys(0)
            .getId();
    admin().revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(keyId).build());

    var usage =
        core.withApiKey(UsageQueryServiceGrpc.newBlockingStub(core.channel()), partner.key());
    assertThatThrownBy(
            () ->
                usage.getTractorUsage(
                    GetTractorUsageRequest.newBuilder().setTractorId("T").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).isEqualTo("Invalid API key.");
            });
  }

  @Test
  void revokedKeyStopsAuthenticatingAtOnceAfterUse() {
    CoreHarness.PartnerKey partner = core.newPartner("revoke-used", ApiFace.API_FACE_PAYG);
    var usage =
        core.withApiKey(UsageQueryServiceGrpc.newBlockingStub(core.channel()), partner.key());
    GetTractorUsageRequest request = GetTractorUsageRequest.newBuilder().setTractorId("T").build();
    assertThatThrownBy(() -> usage.getTractorUsage(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    long keyId =
        admin()
            .listApiKeys(ListApiKeysRequest.newBuilder().setPartnerId(partner.partnerId()).build())
            .getApiKeys(0)
            .getId();

    admin().revokeApiKey(RevokeApiKeyRequest.newBuilder().setApiKeyId(keyId).build());

    assertThatThrownBy(() -> usage.getTractorUsage(request))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).isEqualTo("Invalid API key.");
            });
  }

  @Test
  void keyOfTheOtherFaceIsRefused() {
    CoreHarness.PartnerKey lending = core.newPartner("lending", ApiFace.API_FACE_LENDING);
    var usage =
        core.withApiKey(UsageQueryServiceGrpc.newBlockingStub(core.channel()), lending.key());
    assertThatThrownBy(
            () ->
                usage.getTractorUsage(
                    GetTractorUsageRequest.newBuilder().setTractorId("T").build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getDescription()).isEqualTo("Invalid API key."));
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }
}
