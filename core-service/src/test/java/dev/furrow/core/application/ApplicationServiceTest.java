package dev.furrow.core.application;

import static dev.furrow.core.GrpcAssertions.assertNotFound;
import static dev.furrow.core.GrpcAssertions.assertStatus;
import static dev.furrow.core.application.LendingPartner.applicationFor;
import static dev.furrow.core.application.LendingPartner.assertFieldViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.FieldMask;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.ApplicationServiceGrpc;
import dev.furrow.proto.lending.v1.CompleteApplicationRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.GetApplicationRequest;
import dev.furrow.proto.lending.v1.ListApplicationsRequest;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ReopenApplicationRequest;
import dev.furrow.proto.lending.v1.UpdateApplicationRequest;
import dev.furrow.proto.lending.v1.WithdrawApplicationRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creating, reading and editing applications: fields, defaults, limits and references. */
class ApplicationServiceTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private LendingPartner lender;
  private Product termLoan;
  private EndUser amina;

  @BeforeEach
  void partnerWithAPublishedTermLoanAndAnEndUser() {
    lender = LendingPartner.create(core, "applications");
    termLoan = lender.publishedTermLoan();
    amina = lender.endUser();
  }

  private Application get(String id) {
    return lender.applications.getApplication(GetApplicationRequest.newBuilder().setId(id).build());
  }

  private Application put(String id, ApplicationInput.Builder input) {
    return lender.applications.updateApplication(
        UpdateApplicationRequest.newBuilder().setId(id).setApplication(input).build());
  }

  private Application patch(String id, ApplicationInput.Builder input, String... fields) {
    return lender.applications.updateApplication(
        UpdateApplicationRequest.newBuilder()
            .setId(id)
            .setPartial(true)
            .setApplication(input)
            .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(fields)))
            .build());
  }

  @Test
  void createTakesAmountInstallmentsAndRateFromTheProduct() {
    Instant before = Instant.now();

    Application created = lender.apply(termLoan, amina);

    assertThat(UUID.fromString(created.getId()).toString()).isEqualTo(created.getId());
    assertThat(created.getProduct()).isEqualTo(termLoan.getId());
    assertThat(created.getEndUser()).isEqualTo(amina.getId());
    assertThat(created.getAmount()).isEqualTo("1200000.00");
    assertThat(created.getInstallments()).isEqualTo(24);
    assertThat(created.getRate()).isEqualTo("5.5");
    assertThat(created.getStatus()).isEqualTo("incomplete");
    assertThat(created.hasReason()).isFalse();
    assertThat(created.hasProcessingFinishedAt()).isFalse();
    assertThat(created.hasLoan()).isFalse();
    assertThat(created.hasCustomField()).isFalse();
    assertThat(ProtoTime.fromProto(created.getCreated()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(created.getUpdated()).isEqualTo(created.getCreated());
    assertThat(get(created.getId())).isEqualTo(created);
  }

  @Test
  void givenValuesAreKeptInCanonicalForm() {
    Application created =
        lender.apply(
            termLoan,
            amina,
            a ->
                a.setAmount(" 1.5E+6 ")
                    .setInstallments(12)
                    .setRate("7.50")
                    .setCustomField(" {\"crop\": \"maize\"} "));

    assertThat(created.getAmount()).isEqualTo("1500000.00");
    assertThat(created.getInstallments()).isEqualTo(12);
    assertThat(created.getRate()).isEqualTo("7.5");
    assertThat(created.getCustomField()).isEqualTo(" {\"crop\": \"maize\"} ");
    assertThat(get(created.getId())).isEqualTo(created);
  }

  @Test
  void amountAndRateMayNotExceedTheProductsLimits() {
    assertFieldViolations(
        () ->
            lender.apply(
                termLoan, amina, a -> a.setAmount("1500000.01").setRate("24.5").setInstallments(0)),
        tuple(
            "amount",
            "Ensure this value is less than or equal to the product's max_loan_amount"
                + " (1500000.00)."),
        tuple("installments", "Ensure this value is greater than or equal to 1."),
        tuple(
            "rate",
            "Ensure this value is less than or equal to the product's max_interest_rate"
                + " (24)."));
  }

  @Test
  void amountAndRateFollowTheDecimalRulesOfProducts() {
    assertFieldViolations(
        () -> lender.apply(termLoan, amina, a -> a.setAmount("1,5").setRate("101")),
        tuple("amount", "A valid number is required."),
        tuple("rate", "Ensure this value is less than or equal to 100."));
    assertFieldViolations(
        () -> lender.apply(termLoan, amina, a -> a.setAmount("0").setRate("5.12345")),
        tuple("amount", "Ensure this value is greater than or equal to 0.01."),
        tuple("rate", "Ensure that there are no more than 4 decimal places."));
  }

  @Test
  void productsWithoutDefaultsNeedAmountAndRateAndTakeNoInstallments() {
    Product revolving = lender.published(LendingPartner.revolvingWithoutDefaults());

    assertFieldViolations(
        () -> lender.apply(revolving, amina, a -> a.setInstallments(6)),
        tuple("amount", "This field is required."),
        tuple("installments", "This field applies only to term loans."),
        tuple("rate", "This field is required."));

    Application created = lender.apply(revolving, amina, a -> a.setAmount("250000").setRate("18"));
    assertThat(created.hasInstallments()).isFalse();
    assertThat(created.getAmount()).isEqualTo("250000.00");
    assertThat(created.getRate()).isEqualTo("18");
  }

  @Test
  void productAndEndUserAreRequired() {
    assertFieldViolations(
        () -> lender.apply(ApplicationInput.newBuilder()),
        tuple("product", "This field is required."),
        tuple("end_user", "This field is required."));
    assertFieldViolations(
        () -> lender.apply(ApplicationInput.newBuilder().setProduct(" ").setEndUser("")),
        tuple("product", "This field may not be null."),
        tuple("end_user", "This field may not be null."));
  }

  @Test
  void unpublishedProductIsRefused() {
    Product draft = lender.draft(LendingPartner.termLoan());

    assertFieldViolations(
        () -> lender.apply(draft, amina), tuple("product", "Product is not published."));
  }

  @Test
  void anotherPartnersProductAndEndUserDoNotExist() {
    LendingPartner other = LendingPartner.create(core, "applications-other");
    Product theirProduct = other.publishedTermLoan();
    EndUser theirEndUser = other.endUser();

    assertFieldViolations(
        () -> lender.apply(theirProduct, theirEndUser),
        tuple("product", "Invalid pk \"" + theirProduct.getId() + "\" - object does not exist."),
        tuple("end_user", "Invalid pk \"" + theirEndUser.getId() + "\" - object does not exist."));
  }

  @Test
  void unknownIdsAndTextThatIsNoIdDoNotExist() {
    String unknown = UUID.randomUUID().toString();
    assertFieldViolations(
        () -> lender.apply(ApplicationInput.newBuilder().setProduct(unknown).setEndUser("42")),
        tuple("product", "Invalid pk \"" + unknown + "\" - object does not exist."),
        tuple("end_user", "Invalid pk \"42\" - object does not exist."));
  }

  @Test
  void idsAreAcceptedInUpperCase() {
    Application created =
        lender.apply(
            ApplicationInput.newBuilder()
                .setProduct(termLoan.getId().toUpperCase())
                .setEndUser(amina.getId().toUpperCase()));

    assertThat(created.getProduct()).isEqualTo(termLoan.getId());
    assertThat(get(created.getId().toUpperCase())).isEqualTo(created);
  }

  @Test
  void putReplacesEveryFieldAndRestoresTheProductsDefaults() {
    Application created =
        lender.apply(termLoan, amina, a -> a.setAmount("1000000").setCustomField("x"));

    Application replaced = put(created.getId(), applicationFor(termLoan, amina).setRate("6"));

    assertThat(replaced.getAmount()).isEqualTo("1200000.00");
    assertThat(replaced.getRate()).isEqualTo("6");
    assertThat(replaced.getInstallments()).isEqualTo(24);
    assertThat(replaced.hasCustomField()).isFalse();
    assertThat(replaced.getCreated()).isEqualTo(created.getCreated());
    assertThat(ProtoTime.fromProto(replaced.getUpdated()))
        .isAfter(ProtoTime.fromProto(created.getUpdated()));
    assertThat(get(created.getId())).isEqualTo(replaced);
  }

  @Test
  void putNeedsProductAndEndUserAndChangesNothingWhenRefused() {
    Application created = lender.apply(termLoan, amina);

    assertFieldViolations(
        () -> put(created.getId(), ApplicationInput.newBuilder().setAmount("1000")),
        tuple("product", "This field is required."),
        tuple("end_user", "This field is required."));
    assertThat(get(created.getId())).isEqualTo(created);
  }

  @Test
  void patchChangesOnlyTheNamedFields() {
    Application created = lender.apply(termLoan, amina, a -> a.setCustomField("keep me?"));

    Application patched =
        patch(
            created.getId(),
            ApplicationInput.newBuilder().setAmount("900000").setRate("9"),
            "application.amount",
            "custom_field",
            "id",
            "status",
            "no_such_field");

    assertThat(patched.getAmount()).isEqualTo("900000.00");
    assertThat(patched.getRate()).as("not named").isEqualTo("5.5");
    assertThat(patched.hasCustomField()).as("named without a value: cleared").isFalse();
    assertThat(patched.getInstallments()).isEqualTo(24);
    assertThat(patched.getStatus()).isEqualTo("incomplete");
  }

  @Test
  void patchNamingARequiredFieldWithoutAValueIsRefused() {
    Application created = lender.apply(termLoan, amina);

    assertFieldViolations(
        () -> patch(created.getId(), ApplicationInput.newBuilder(), "amount", "installments"),
        tuple("amount", "This field may not be null."),
        tuple("installments", "This field may not be null."));
  }

  @Test
  void patchIsCheckedAgainstTheNewProduct() {
    Application created = lender.apply(termLoan, amina);
    Product revolving =
        lender.published(LendingPartner.revolvingWithoutDefaults().setMaxLoanAmount("1000000"));

    assertFieldViolations(
        () ->
            patch(
                created.getId(),
                ApplicationInput.newBuilder().setProduct(revolving.getId()),
                "product"),
        tuple(
            "amount",
            "Ensure this value is less than or equal to the product's max_loan_amount"
                + " (1000000.00)."),
        tuple("installments", "This field applies only to term loans."));

    Application moved =
        patch(
            created.getId(),
            ApplicationInput.newBuilder().setProduct(revolving.getId()).setAmount("800000"),
            "product",
            "amount",
            "installments");
    assertThat(moved.getProduct()).isEqualTo(revolving.getId());
    assertThat(moved.getAmount()).isEqualTo("800000.00");
    assertThat(moved.hasInstallments()).isFalse();
    assertThat(moved.getRate()).as("kept").isEqualTo("5.5");
  }

  @Test
  void theEndUserCanNeverChange() {
    Application created = lender.apply(termLoan, amina);
    EndUser bello = lender.endUser(LendingPartner.borrower("Bello"));

    assertFieldViolations(
        () -> put(created.getId(), applicationFor(termLoan, bello)),
        tuple("end_user", "The end user of an application cannot be changed."));
    assertFieldViolations(
        () ->
            patch(
                created.getId(),
                ApplicationInput.newBuilder().setEndUser(bello.getId()),
                "end_user"),
        tuple("end_user", "The end user of an application cannot be changed."));
    assertFieldViolations(
        () -> patch(created.getId(), ApplicationInput.newBuilder(), "end_user"),
        tuple("end_user", "This field may not be null."));

    Application same =
        put(
            created.getId(),
            ApplicationInput.newBuilder()
                .setProduct(termLoan.getId())
                .setEndUser(amina.getId().toUpperCase())
                .setAmount("1000000"));
    assertThat(same.getEndUser()).isEqualTo(amina.getId());
    assertThat(same.getAmount()).isEqualTo("1000000.00");
  }

  @Test
  void anotherPartnersApplicationIsNotFound() {
    Application theirs = lender.apply(termLoan, amina);
    LendingPartner other = LendingPartner.create(core, "applications-snoop");
    var stub = other.applications;
    String id = theirs.getId();

    assertNotFound(() -> stub.getApplication(GetApplicationRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () ->
            stub.updateApplication(
                UpdateApplicationRequest.newBuilder()
                    .setId(id)
                    .setApplication(applicationFor(termLoan, amina))
                    .build()));
    assertNotFound(
        () ->
            stub.updateApplication(
                UpdateApplicationRequest.newBuilder()
                    .setId(id)
                    .setPartial(true)
                    .setUpdateMask(FieldMask.newBuilder().addPaths("amount"))
                    .setApplication(ApplicationInput.newBuilder().setAmount("1"))
                    .build()));
    assertNotFound(
        () -> stub.completeApplication(CompleteApplicationRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () -> stub.reopenApplication(ReopenApplicationRequest.newBuilder().setId(id).build()));
    assertNotFound(
        () -> stub.withdrawApplication(WithdrawApplicationRequest.newBuilder().setId(id).build()));
    assertThat(stub.listApplications(ListApplicationsRequest.getDefaultInstance()).getResultsList())
        .isEmpty();
    assertThat(get(id)).as("untouched").isEqualTo(theirs);
  }

  @Test
  void idsThatAreNotUuidsAreNotFound() {
    assertNotFound(() -> get("42"));
    assertNotFound(() -> get("1-2-3-4-5"));
    assertNotFound(() -> get(UUID.randomUUID().toString()));
    assertNotFound(
        () ->
            lender.applications.completeApplication(
                CompleteApplicationRequest.newBuilder().setId("42").build()));
  }

  @Test
  void payAsYouGoKeysCannotReachApplications() {
    var payg =
        core.withApiKey(
            ApplicationServiceGrpc.newBlockingStub(core.channel()),
            core.newPartner("payg", ApiFace.API_FACE_PAYG).key());

    assertStatus(
        () -> payg.listApplications(ListApplicationsRequest.getDefaultInstance()),
        Status.Code.UNAUTHENTICATED,
        "Invalid API key.");
  }
}
