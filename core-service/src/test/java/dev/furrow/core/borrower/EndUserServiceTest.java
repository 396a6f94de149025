package dev.furrow.core.borrower;

import static dev.furrow.core.GrpcAssertions.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc.EndUserServiceBlockingStub;
import dev.furrow.proto.lending.v1.GetEndUserRequest;
import dev.furrow.proto.lending.v1.UpdateEndUserRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EndUserServiceTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  /** The nine required fields, with padding the core must trim. */
  static EndUserInput.Builder complete() {
    return EndUserInput.newBuilder()
        .setFirstName(" Amina ")
        .setLastName("Okafor")
        .setBirthDate("1988-07-21")
        .setAddressLine1("12 Farm Road")
        .setAddressLine2("Kaduna South")
        .setCity("Kaduna")
        .setPostalCode("800001")
        .setBankAccountNumber("0123456789")
        .setSortCode("058");
  }

  private EndUserServiceBlockingStub partner(String prefix) {
    return stub(core.newPartner(prefix, ApiFace.API_FACE_LENDING).key());
  }

  private static EndUserServiceBlockingStub stub(String key) {
    return core.withApiKey(EndUserServiceGrpc.newBlockingStub(core.channel()), key);
  }

  private static EndUser create(EndUserServiceBlockingStub stub, EndUserInput.Builder input) {
    return stub.createEndUser(CreateEndUserRequest.newBuilder().setEndUser(input).build());
  }

  @Test
  void createdEndUserReadsBackAsStored() {
    EndUserServiceBlockingStub lender = partner("round-trip");
    Instant before = Instant.now();

    EndUser created =
        create(
            lender,
            complete()
                .setAddressLine3("Near the mill")
                .setCountry("ng")
                .setMobileNumber(" +2348012345678 ")
                .setEmail("amina@example.ng"));

    assertThat(UUID.fromString(created.getId()).toString()).isEqualTo(created.getId());
    assertThat(created.getFirstName()).isEqualTo("Amina");
    assertThat(created.getBirthDate()).isEqualTo("1988-07-21");
    assertThat(created.getAddressLine3()).isEqualTo("Near the mill");
    assertThat(created.getCountry()).isEqualTo("NG");
    assertThat(created.getMobileNumber()).isEqualTo("+2348012345678");
    assertThat(created.getEmail()).isEqualTo("amina@example.ng");
    assertThat(ProtoTime.fromProto(created.getCreated()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(created.getUpdated()).isEqualTo(created.getCreated());

    EndUser read = lender.getEndUser(GetEndUserRequest.newBuilder().setId(created.getId()).build());
    assertThat(read).isEqualTo(created);
  }

  @Test
  void optionalFieldsLeftOutAreUnset() {
    EndUser created = create(partner("optional"), complete());

    assertThat(created.hasAddressLine3()).isFalse();
    assertThat(created.hasCountry()).isFalse();
    assertThat(created.hasMobileNumber()).isFalse();
    assertThat(created.hasEmail()).isFalse();
  }

  @Test
  void missingAndBrokenFieldsAreAllReportedAsFieldViolations() {
    EndUserServiceBlockingStub lender = partner("invalid");
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    assertFieldViolations(
        () ->
            create(
                lender,
                complete()
                    .clearFirstName()
                    .setLastName("  ")
                    .setBirthDate(tomorrow)
                    .setCountry("XX")
                    .setMobileNumber("08012345678")
                    .setEmail("amina@")),
        tuple("first_name", "This field is required."),
        tuple("last_name", "This field may not be blank."),
        tuple("birth_date", "Birth date cannot be in the future."),
        tuple("country", "\"XX\" is not a valid ISO 3166-1 alpha-2 country code."),
        tuple(
            "mobile_number",
            "Enter a valid phone number in international format, e.g. +2348012345678."),
        tuple("email", "Enter a valid email address."));
  }

  @Test
  void emptyCreateNamesEveryRequiredField() {
    assertFieldViolations(
        () -> create(partner("empty"), EndUserInput.newBuilder()),
        tuple("first_name", "This field is required."),
        tuple("last_name", "This field is required."),
        tuple("birth_date", "This field is required."),
        tuple("address_line_1", "This field is required."),
        tuple("address_line_2", "This field is required."),
        tuple("city", "This field is required."),
        tuple("postal_code", "This field is required."),
        tuple("bank_account_number", "This field is required."),
        tuple("sort_code", "This field is required."));
  }

  @Test
  void putReplacesEveryFieldAndUnsetsAbsentOptionalOnes() {
    EndUserServiceBlockingStub lender = partner("put");
    EndUser created = create(lender, complete().setEmail("amina@example.ng").setCountry("NG"));

    EndUser replaced =
        lender.updateEndUser(
            UpdateEndUserRequest.newBuilder()
                .setId(created.getId())
                .setEndUser(complete().setCity("Zaria").setMobileNumber("+2348099999999"))
                .build());

    assertThat(replaced.getId()).isEqualTo(created.getId());
    assertThat(replaced.getCity()).isEqualTo("Zaria");
    assertThat(replaced.getMobileNumber()).isEqualTo("+2348099999999");
    assertThat(replaced.hasEmail()).isFalse();
    assertThat(replaced.hasCountry()).isFalse();
    assertThat(replaced.getCreated()).isEqualTo(created.getCreated());
    assertThat(ProtoTime.fromProto(replaced.getUpdated()))
        .isAfter(ProtoTime.fromProto(created.getUpdated()));
    assertThat(lender.getEndUser(GetEndUserRequest.newBuilder().setId(created.getId()).build()))
        .isEqualTo(replaced);
  }

  @Test
  void putWithoutARequiredFieldIsRefusedAndChangesNothing() {
    EndUserServiceBlockingStub lender = partner("put-invalid");
    EndUser created = create(lender, complete());

    assertFieldViolations(
        () ->
            lender.updateEndUser(
                UpdateEndUserRequest.newBuilder()
                    .setId(created.getId())
                    .setEndUser(complete().clearCity().setFirstName("Changed"))
                    .build()),
        tuple("city", "This field is required."));
    assertThat(lender.getEndUser(GetEndUserRequest.newBuilder().setId(created.getId()).build()))
        .isEqualTo(created);
  }

  @Test
  void patchChangesOnlyTheMaskedFields() {
    EndUserServiceBlockingStub lender = partner("patch");
    EndUser created = create(lender, complete().setEmail("amina@example.ng").setCountry("NG"));

    EndUser patched =
        lender.updateEndUser(
            UpdateEndUserRequest.newBuilder()
                .setId(created.getId())
                .setPartial(true)
                .setEndUser(
                    EndUserInput.newBuilder()
                        .setCity("Zaria")
                        .setFirstName("Not in the mask")
                        .setMobileNumber("+2348012345678"))
                .setUpdateMask(
                    FieldMask.newBuilder()
                        .addPaths("city")
                        .addPaths("end_user.mobile_number")
                        .addPaths("email")
                        .addPaths("id")
                        .addPaths("no_such_field"))
                .build());

    assertThat(patched.getCity()).isEqualTo("Zaria");
    assertThat(patched.getMobileNumber()).isEqualTo("+2348012345678");
    assertThat(patched.hasEmail()).as("masked but absent: cleared").isFalse();
    assertThat(patched.getFirstName()).isEqualTo("Amina");
    assertThat(patched.getCountry()).isEqualTo("NG");
    assertThat(patched.getId()).isEqualTo(created.getId());
  }

  @Test
  void patchValidatesOnlyWhatItChanges() {
    EndUserServiceBlockingStub lender = partner("patch-invalid");
    EndUser created = create(lender, complete());

    assertFieldViolations(
        () ->
            lender.updateEndUser(
                UpdateEndUserRequest.newBuilder()
                    .setId(created.getId())
                    .setPartial(true)
                    .setEndUser(EndUserInput.newBuilder().setSortCode("12-34-56"))
                    .setUpdateMask(
                        FieldMask.newBuilder().addPaths("sort_code").addPaths("first_name"))
                    .build()),
        tuple("first_name", "This field may not be null."),
        tuple("sort_code", "Enter a valid sort code: letters and digits only."));
  }

  @Test
  void anotherPartnersEndUserIsNotFound() {
    EndUser theirs = create(partner("owner"), complete());
    EndUserServiceBlockingStub other = partner("other");

    assertNotFound(
        () -> other.getEndUser(GetEndUserRequest.newBuilder().setId(theirs.getId()).build()));
    assertNotFound(
        () ->
            other.updateEndUser(
                UpdateEndUserRequest.newBuilder()
                    .setId(theirs.getId())
                    .setEndUser(complete())
                    .build()));
    assertNotFound(
        () ->
            other.updateEndUser(
                UpdateEndUserRequest.newBuilder()
                    .setId(theirs.getId())
                    .setPartial(true)
                    .setUpdateMask(FieldMask.newBuilder().addPaths("city"))
                    .setEndUser(EndUserInput.newBuilder().setCity("Kano"))
                    .build()));
  }

  @Test
  void idsThatAreNotUuidsAreNotFound() {
    EndUserServiceBlockingStub lender = partner("bad-id");
    assertNotFound(() -> lender.getEndUser(GetEndUserRequest.newBuilder().setId("42").build()));
    assertNotFound(
        () -> lender.getEndUser(GetEndUserRequest.newBuilder().setId("1-2-3-4-5").build()));
    assertNotFound(
        () ->
            lender.getEndUser(
                GetEndUserRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
  }

  @Test
  void uppercaseIdFindsTheEndUser() {
    EndUserServiceBlockingStub lender = partner("upper-id");
    EndUser created = create(lender, complete());
    assertThat(
            lender.getEndUser(
                GetEndUserRequest.newBuilder().setId(created.getId().toUpperCase()).build()))
        .isEqualTo(created);
  }

  @Test
  void payAsYouGoKeysCannotReachEndUsers() {
    EndUserServiceBlockingStub payg = stub(core.newPartner("payg", ApiFace.API_FACE_PAYG).key());
    assertThatThrownBy(() -> create(payg, complete()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
              assertThat(e.getStatus().getDescription()).isEqualTo("Invalid API key.");
            });
  }

  static void assertFieldViolations(ThrowingCallable call, Tuple... expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(badRequest(e).getFieldViolationsList())
                  .extracting(v -> v.getField(), v -> v.getDescription())
                  .containsExactly(expected);
            });
  }

  private static BadRequest badRequest(StatusRuntimeException e) {
    try {
      return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class);
    } catch (InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }
}
