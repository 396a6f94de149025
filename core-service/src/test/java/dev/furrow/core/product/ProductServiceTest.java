package dev.furrow.core.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.furrow.core.CoreHarness;
import dev.furrow.core.platform.grpc.ProtoTime;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.common.v1.PageInfo;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.DeleteProductRequest;
import dev.furrow.proto.lending.v1.GetProductRequest;
import dev.furrow.proto.lending.v1.ListProductsRequest;
import dev.furrow.proto.lending.v1.ListProductsResponse;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.ProductServiceGrpc.ProductServiceBlockingStub;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.UpdateProductRequest;
import dev.furrow.proto.partner.v1.ApiFace;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductServiceTest {
  @RegisterExtension static final CoreHarness core = new CoreHarness();

  private ProductServiceBlockingStub products;

  @BeforeEach
  void newPartner() {
    products = stubFor(core.newPartner("products", ApiFace.API_FACE_LENDING));
  }

  private static ProductServiceBlockingStub stubFor(CoreHarness.PartnerKey partner) {
    return core.withApiKey(ProductServiceGrpc.newBlockingStub(core.channel()), partner.key());
  }

  private static DefaultFee fee(String name, String type, String amount, String event) {
    return DefaultFee.newBuilder()
        .setName(name)
        .setType(type)
        .setAmount(amount)
        .setEvent(event)
        .build();
  }

  /** A term loan with every field a term loan takes, typed the way a client might type it. */
  private static ProductInput fullTermLoan() {
    return ProductInput.newBuilder()
        .setType("term_loan")
        .setName("  Tractor term loan ")
        .setCurrency("ngn")
        .setMaxLoanAmount("1500000")
        .setDefaultLoanAmount("1200000.5")
        .setMaxInterestRate("24.000")
        .setDefaultInterestRate("5.5")
        .setInstallments(24)
        .setDefaultGraceInstalments(2)
        .setPrincipalRepaymentGrace(3)
        .addDefaultFees(fee("Disbursement Fee", "flat", "2500", "disbursement"))
        .addDefaultFees(fee("Arrears fee", "percent", "1.50", "arrears"))
        .addDefaultFees(fee("Default fee", "flat", "10000.00", "default"))
        .addDefaultFees(fee("Restructuring fee", "percent", "0.125", "manual"))
        .setArrearsTolerance(7)
        .setInterestCalculation("equal_principal")
        .setEarlyRepaymentRecalculation("reduced_instalments")
        .setRepaymentHolidayScheduling("first_business_day_after_the_day")
        .setCalculateInterestOnHolidays(true)
        .setRepaymentDateType("day_of_month")
        .setRepaymentDatePeriod(15)
        .setCustomField("  {\"crm_id\": \"A-17\"}\n")
        .build();
  }

  private static ProductInput revolving(String name) {
    return ProductInput.newBuilder()
        .setType("revolving_credit")
        .setName(name)
        .setStatementDay(25)
        .setRepaymentDueDay(10)
        .setMinimumPaymentPercent("5")
        .build();
  }

  private Product create(ProductInput input) {
    return products.createProduct(CreateProductRequest.newBuilder().setProduct(input).build());
  }

  private Product get(String id) {
    return products.getProduct(GetProductRequest.newBuilder().setId(id).build());
  }

  private Product put(String id, ProductInput input) {
    return products.updateProduct(
        UpdateProductRequest.newBuilder().setId(id).setProduct(input).build());
  }

  private Product patch(String id, ProductInput input, String... fields) {
    return products.updateProduct(
        UpdateProductRequest.newBuilder()
            .setId(id)
            .setProduct(input)
            .setPartial(true)
            .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(fields)))
            .build());
  }

  private ListProductsResponse list(String limit, String offset) {
    return products.listProducts(
        ListProductsRequest.newBuilder()
            .setQuery(ListQuery.newBuilder().setLimit(limit).setOffset(offset))
            .build());
  }

  private static void assertStatus(ThrowingCallable call, Status.Code code, String description) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).isEqualTo(description);
            });
  }

  /** The field violations of an INVALID_ARGUMENT call, field to message. */
  private static Map<String, String> fieldViolations(ThrowingCallable call) {
    StatusRuntimeException e =
        (StatusRuntimeException)
            org.assertj.core.api.Assertions.catchThrowableOfType(
                StatusRuntimeException.class, call);
    assertThat(e).as("expected the call to fail").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    try {
      return StatusProto.fromThrowable(e)
          .getDetails(0)
          .unpack(BadRequest.class)
          .getFieldViolationsList()
          .stream()
          .collect(
              Collectors.toMap(
                  BadRequest.FieldViolation::getField,
                  BadRequest.FieldViolation::getDescription,
                  (a, b) -> a + " | " + b,
                  java.util.LinkedHashMap::new));
    } catch (InvalidProtocolBufferException ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void createdTermLoanRoundTripsEveryFieldInCanonicalForm() {
    Product created = create(fullTermLoan());

    Product expected =
        Product.newBuilder()
            .setId(created.getId())
            .setType("term_loan")
            .setName("Tractor term loan")
            .setCurrency("NGN")
            .setMaxLoanAmount("1500000.00")
            .setDefaultLoanAmount("1200000.50")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("5.5")
            .setInstallments(24)
            .setDefaultGraceInstalments(2)
            .setPrincipalRepaymentGrace(3)
            .addDefaultFees(fee("Disbursement Fee", "flat", "2500.00", "disbursement"))
            .addDefaultFees(fee("Arrears fee", "percent", "1.5", "arrears"))
            .addDefaultFees(fee("Default fee", "flat", "10000.00", "default"))
            .addDefaultFees(fee("Restructuring fee", "percent", "0.125", "manual"))
            .setArrearsTolerance(7)
            .setInterestCalculation("equal_principal")
            .setEarlyRepaymentRecalculation("reduced_instalments")
            .setRepaymentHolidayScheduling("first_business_day_after_the_day")
            .setCalculateInterestOnHolidays(true)
            .setRepaymentDateType("day_of_month")
            .setRepaymentDatePeriod(15)
            .setCustomField("  {\"crm_id\": \"A-17\"}\n")
            .setPublished(false)
            .setCreated(created.getCreated())
            .setUpdated(created.getCreated())
            .build();
    assertThat(created).isEqualTo(expected);
    assertThat(created.getId())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(created.hasPublishedAt()).isFalse();
    assertThat(created.hasCreated()).isTrue();
    assertThat(get(created.getId())).isEqualTo(expected);
  }

  @Test
  void revolvingAndPayAsYouGoProductsRoundTripTheirOwnFields() {
    Product revolving =
        create(
            revolving("Input credit line").toBuilder()
                .setCurrency("KES")
                .setMinimumPaymentPercent("2.50")
                .setMinimumPaymentAmount("1000")
                .setRepaymentDateType("last_day_of_month")
                .build());
    assertThat(get(revolving.getId()))
        .satisfies(
            p -> {
              assertThat(p.getType()).isEqualTo("revolving_credit");
              assertThat(p.getCurrency()).isEqualTo("KES");
              assertThat(p.getStatementDay()).isEqualTo(25);
              assertThat(p.getRepaymentDueDay()).isEqualTo(10);
              assertThat(p.getMinimumPaymentPercent()).isEqualTo("2.5");
              assertThat(p.getMinimumPaymentAmount()).isEqualTo("1000.00");
              assertThat(p.getRepaymentDateType()).isEqualTo("last_day_of_month");
              assertThat(p.hasRepaymentDatePeriod()).isFalse();
              assertThat(p.hasInstallments()).isFalse();
              assertThat(p.hasRepaymentPerHectare()).isFalse();
              assertThat(p.getCalculateInterestOnHolidays()).isFalse();
              assertThat(p.getDefaultFeesList()).isEmpty();
            });

    Product payg =
        create(
            ProductInput.newBuilder()
                .setType("pay_as_you_go")
                .setName("Tractor per hectare")
                .setMaxLoanAmount("18000000")
                .setRepaymentPerHectare("4500.5")
                .setBillingDueDays(3)
                .build());
    assertThat(get(payg.getId()))
        .satisfies(
            p -> {
              assertThat(p.getType()).isEqualTo("pay_as_you_go");
              assertThat(p.getCurrency()).isEqualTo("NGN");
              assertThat(p.getMaxLoanAmount()).isEqualTo("18000000.00");
              assertThat(p.getRepaymentPerHectare()).isEqualTo("4500.50");
              assertThat(p.getBillingDueDays()).isEqualTo(3);
              assertThat(p.hasStatementDay()).isFalse();
            });
  }

  @Test
  void invalidProductIsRefusedWithEveryFieldViolation() {
    ProductInput input =
        fullTermLoan().toBuilder()
            .clearName()
            .setMaxLoanAmount("1000")
            .setRepaymentHolidayScheduling("next_day")
            .setDefaultGraceInstalments(24)
            .setDefaultFees(1, fee("disbursement fee", "percent", "101", "arrears"))
            .setStatementDay(1)
            .build();

    assertThat(fieldViolations(() -> create(input)))
        .containsExactly(
            Map.entry("name", "This field is required."),
            Map.entry("default_fees[1].name", "Fee names must be unique within a product."),
            Map.entry("default_fees[1].amount", "Ensure this value is less than or equal to 100."),
            Map.entry("repayment_holiday_scheduling", "\"next_day\" is not a valid choice."),
            Map.entry("statement_day", "This field applies only to revolving credit."),
            Map.entry(
                "default_loan_amount",
                "Ensure this value is less than or equal to max_loan_amount (1000.00)."),
            Map.entry(
                "default_grace_instalments", "Ensure this value is less than installments (24)."));
    assertThat(list("", "").getPage().getCount()).isZero();
  }

  @Test
  void putReplacesEveryFieldAndResetsAbsentOnesToNullOrDefault() {
    Product created = create(fullTermLoan());

    Product replaced =
        put(
            created.getId(),
            ProductInput.newBuilder()
                .setType("term_loan")
                .setName("Plain term loan")
                .setInstallments(6)
                .setInterestCalculation("even_total")
                .setEarlyRepaymentRecalculation("from_last_instalment")
                .build());

    Product expected =
        Product.newBuilder()
            .setId(created.getId())
            .setType("term_loan")
            .setName("Plain term loan")
            .setCurrency("NGN")
            .setInstallments(6)
            .setInterestCalculation("even_total")
            .setEarlyRepaymentRecalculation("from_last_instalment")
            .setCreated(created.getCreated())
            .setUpdated(replaced.getUpdated())
            .build();
    assertThat(replaced).isEqualTo(expected);
    assertThat(get(created.getId())).isEqualTo(expected);
    assertThat(ProtoTime.fromProto(replaced.getUpdated()))
        .isAfterOrEqualTo(ProtoTime.fromProto(created.getCreated()));
  }

  @Test
  void putMayChangeTheTypeOfADraft() {
    Product created = create(revolving("Starts revolving"));

    Product replaced = put(created.getId(), fullTermLoan());

    assertThat(replaced.getType()).isEqualTo("term_loan");
    assertThat(replaced.hasStatementDay()).isFalse();
  }

  @Test
  void putWithoutTheRequiredFieldsIsRefused() {
    Product created = create(revolving("Needs a name"));

    assertThat(fieldViolations(() -> put(created.getId(), ProductInput.getDefaultInstance())))
        .containsExactly(
            Map.entry("type", "This field is required."),
            Map.entry("name", "This field is required."));
    assertThat(get(created.getId())).isEqualTo(created);
  }

  @Test
  void patchChangesOnlyTheNamedFields() {
    Product created = create(fullTermLoan());

    Product patched =
        patch(
            created.getId(),
            ProductInput.newBuilder()
                .setName("Renamed loan")
                .setMaxLoanAmount("2000000")
                .setDefaultInterestRate("99")
                .build(),
            "name",
            "product.max_loan_amount");

    assertThat(patched)
        .isEqualTo(
            created.toBuilder()
                .setName("Renamed loan")
                .setMaxLoanAmount("2000000.00")
                .setUpdated(patched.getUpdated())
                .build());
    assertThat(get(created.getId())).isEqualTo(patched);
  }

  @Test
  void patchNamingAFieldWithoutAValueClearsItOrRestoresItsDefault() {
    Product created = create(fullTermLoan().toBuilder().setCurrency("KES").build());

    Product patched =
        patch(
            created.getId(),
            ProductInput.getDefaultInstance(),
            "custom_field",
            "max_loan_amount",
            "currency",
            "calculate_interest_on_holidays",
            "default_fees");

    assertThat(patched.hasCustomField()).isFalse();
    assertThat(patched.hasMaxLoanAmount()).isFalse();
    assertThat(patched.getCurrency()).isEqualTo("NGN");
    assertThat(patched.getCalculateInterestOnHolidays()).isFalse();
    assertThat(patched.getDefaultFeesList()).isEmpty();
    assertThat(patched.getDefaultLoanAmount()).isEqualTo("1200000.50");
  }

  @Test
  void patchReplacesTheWholeFeeList() {
    Product created = create(fullTermLoan());

    Product patched =
        patch(
            created.getId(),
            ProductInput.newBuilder()
                .addDefaultFees(fee("Only fee", "flat", "99.9", "manual"))
                .build(),
            "default_fees");

    assertThat(patched.getDefaultFeesList())
        .containsExactly(fee("Only fee", "flat", "99.90", "manual"));
  }

  @Test
  void patchNamingNameWithoutAValueIsRefused() {
    Product created = create(revolving("Keeps its name"));

    assertThat(
            fieldViolations(
                () -> patch(created.getId(), ProductInput.getDefaultInstance(), "name")))
        .containsExactly(Map.entry("name", "This field may not be null."));
  }

  @Test
  void patchIgnoresReadOnlyAndUnknownFieldNames() {
    Product created = create(revolving("Read-only fields"));

    Product patched =
        patch(
            created.getId(),
            ProductInput.newBuilder().setName("Ignored").build(),
            "id",
            "published",
            "created",
            "no_such_field");

    assertThat(patched).isEqualTo(created.toBuilder().setUpdated(patched.getUpdated()).build());
  }

  @Test
  void patchIsCheckedTogetherWithTheStoredFields() {
    Product created = create(fullTermLoan());

    assertThat(
            fieldViolations(
                () ->
                    patch(
                        created.getId(),
                        ProductInput.newBuilder().setMaxLoanAmount("1000").build(),
                        "max_loan_amount")))
        .containsExactly(
            Map.entry(
                "default_loan_amount",
                "Ensure this value is less than or equal to max_loan_amount (1000.00)."));
    assertThat(
            fieldViolations(
                () ->
                    patch(
                        created.getId(),
                        ProductInput.newBuilder().setType("revolving_credit").build(),
                        "type")))
        .containsKeys("installments", "statement_day");
    assertThat(get(created.getId())).isEqualTo(created);
  }

  @Test
  void publishedProductCanNoLongerBeChangedOrDeleted() {
    Product created = create(fullTermLoan());

    Product published =
        products.publishProduct(PublishProductRequest.newBuilder().setId(created.getId()).build());

    assertThat(published.getPublished()).isTrue();
    assertThat(published.hasPublishedAt()).isTrue();
    assertThat(published.getPublishedAt()).isEqualTo(published.getUpdated());
    assertThat(published)
        .isEqualTo(
            created.toBuilder()
                .setPublished(true)
                .setPublishedAt(published.getPublishedAt())
                .setUpdated(published.getUpdated())
                .build());
    assertStatus(
        () -> put(created.getId(), fullTermLoan()),
        Status.Code.FAILED_PRECONDITION,
        "Product is published and can no longer be changed.");
    assertStatus(
        () -> patch(created.getId(), ProductInput.newBuilder().setName("x").build(), "name"),
        Status.Code.FAILED_PRECONDITION,
        "Product is published and can no longer be changed.");
    assertStatus(
        () -> put(created.getId(), ProductInput.getDefaultInstance()),
        Status.Code.FAILED_PRECONDITION,
        "Product is published and can no longer be changed.");
    assertStatus(
        () ->
            products.deleteProduct(
                DeleteProductRequest.newBuilder().setId(created.getId()).build()),
        Status.Code.FAILED_PRECONDITION,
        "Product is published and can no longer be deleted.");
    assertStatus(
        () ->
            products.publishProduct(
                PublishProductRequest.newBuilder().setId(created.getId()).build()),
        Status.Code.FAILED_PRECONDITION,
        "Product is already published.");
    assertThat(get(created.getId())).isEqualTo(published);
  }

  @Test
  void deletedDraftIsGone() {
    Product created = create(revolving("Short-lived"));

    products.deleteProduct(DeleteProductRequest.newBuilder().setId(created.getId()).build());

    assertStatus(() -> get(created.getId()), Status.Code.NOT_FOUND, "Not found.");
    assertStatus(
        () ->
            products.deleteProduct(
                DeleteProductRequest.newBuilder().setId(created.getId()).build()),
        Status.Code.NOT_FOUND,
        "Not found.");
    assertThat(list("", "").getPage().getCount()).isZero();
  }

  @Test
  void idsThatAreNotUuidsAreNotFound() {
    assertStatus(() -> get("not-a-uuid"), Status.Code.NOT_FOUND, "Not found.");
    assertStatus(() -> get("1-2-3-4-5"), Status.Code.NOT_FOUND, "Not found.");
    assertStatus(
        () -> get("00000000-0000-0000-0000-000000000000"), Status.Code.NOT_FOUND, "Not found.");
    Product created = create(revolving("Upper-case id"));
    assertThat(get(created.getId().toUpperCase())).isEqualTo(created);
  }

  @Test
  void listPagesNewestFirstWithTheTotalCount() {
    List<String> ids =
        java.util.stream.IntStream.rangeClosed(1, 5)
            .mapToObj(i -> create(revolving("Product " + i)).getName())
            .toList();

    ListProductsResponse all = list("", "");
    assertThat(all.getPage())
        .isEqualTo(PageInfo.newBuilder().setCount(5).setLimit(20).setOffset(0).build());
    assertThat(all.getResultsList())
        .extracting(Product::getName)
        .containsExactly("Product 5", "Product 4", "Product 3", "Product 2", "Product 1");
    assertThat(ids).hasSize(5);

    ListProductsResponse page = list("2", "1");
    assertThat(page.getPage())
        .isEqualTo(PageInfo.newBuilder().setCount(5).setLimit(2).setOffset(1).build());
    assertThat(page.getResultsList())
        .extracting(Product::getName)
        .containsExactly("Product 4", "Product 3");

    assertThat(list("500", "").getPage().getLimit()).isEqualTo(100);
    ListProductsResponse beyond = list("2", "10");
    assertThat(beyond.getPage().getCount()).isEqualTo(5);
    assertThat(beyond.getResultsList()).isEmpty();
  }

  @Test
  void listedProductsCarryTheirFees() {
    Product created = create(fullTermLoan());

    assertThat(list("", "").getResultsList()).containsExactly(created);
  }

  @Test
  void listRefusesFiltersSortAndNonIntegerLimits() {
    assertThat(
            fieldViolations(
                () ->
                    products.listProducts(
                        ListProductsRequest.newBuilder()
                            .setQuery(ListQuery.newBuilder().putFilters("type", "term_loan"))
                            .build())))
        .containsExactly(
            Map.entry("type", "Unknown filter parameter. Products take only limit and offset."));
    assertThat(fieldViolations(() -> list("ten", "")))
        .containsExactly(Map.entry("limit", "A valid integer is required."));
    assertThat(
            fieldViolations(
                () ->
                    products.listProducts(
                        ListProductsRequest.newBuilder()
                            .setQuery(ListQuery.newBuilder().setSort("-created"))
                            .build())))
        .containsExactly(
            Map.entry("sort", "Unknown filter parameter. Products take only limit and offset."));
  }

  @Test
  void anotherPartnersProductIsNotFoundAndNotListed() {
    Product created = create(fullTermLoan());
    ProductServiceBlockingStub stranger =
        stubFor(core.newPartner("stranger", ApiFace.API_FACE_LENDING));
    String id = created.getId();

    assertStatus(
        () -> stranger.getProduct(GetProductRequest.newBuilder().setId(id).build()),
        Status.Code.NOT_FOUND,
        "Not found.");
    assertStatus(
        () ->
            stranger.updateProduct(
                UpdateProductRequest.newBuilder().setId(id).setProduct(fullTermLoan()).build()),
        Status.Code.NOT_FOUND,
        "Not found.");
    assertStatus(
        () ->
            stranger.updateProduct(
                UpdateProductRequest.newBuilder()
                    .setId(id)
                    .setPartial(true)
                    .setProduct(ProductInput.newBuilder().setName("Mine now"))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("name"))
                    .build()),
        Status.Code.NOT_FOUND,
        "Not found.");
    assertStatus(
        () -> stranger.deleteProduct(DeleteProductRequest.newBuilder().setId(id).build()),
        Status.Code.NOT_FOUND,
        "Not found.");
    assertStatus(
        () -> stranger.publishProduct(PublishProductRequest.newBuilder().setId(id).build()),
        Status.Code.NOT_FOUND,
        "Not found.");
    ListProductsResponse theirs = stranger.listProducts(ListProductsRequest.getDefaultInstance());
    assertThat(theirs.getPage().getCount()).isZero();
    assertThat(theirs.getResultsList()).isEmpty();
    assertThat(get(id)).isEqualTo(created);
  }

  @Test
  void payAsYouGoKeysCannotReachProducts() {
    ProductServiceBlockingStub payg = stubFor(core.newPartner("payg", ApiFace.API_FACE_PAYG));

    assertStatus(
        () -> payg.listProducts(ListProductsRequest.getDefaultInstance()),
        Status.Code.UNAUTHENTICATED,
        "Invalid API key.");
  }
}
