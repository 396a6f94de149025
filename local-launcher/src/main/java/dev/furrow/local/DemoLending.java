package dev.furrow.local;

import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.CreateEndUserRequest;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.EndUserServiceGrpc;
import dev.furrow.proto.lending.v1.ListEndUsersRequest;
import dev.furrow.proto.lending.v1.ListProductsRequest;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** The lending side of the demo data: a published product and a borrower, each created once. */
final class DemoLending {
  static final String PRODUCT_NAME = "Demo tractor term loan";

  private DemoLending() {}

  static void load(Channel channel, String lendingKey) {
    Metadata key = new Metadata();
    key.put(Caller.API_KEY, lendingKey);
    var products =
        ProductServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(key));
    var endUsers =
        EndUserServiceGrpc.newBlockingStub(channel)
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(key));

    boolean hasProduct =
        products
            .listProducts(
                ListProductsRequest.newBuilder()
                    .setQuery(ListQuery.newBuilder().setLimit("100"))
                    .build())
            .getResultsList()
            .stream()
            .map(Product::getName)
            .anyMatch(PRODUCT_NAME::equals);
    if (!hasProduct) {
      Product product =
          products.createProduct(
              CreateProductRequest.newBuilder()
                  .setProduct(
                      ProductInput.newBuilder()
                          .setType("term_loan")
                          .setName(PRODUCT_NAME)
                          .setCurrency("NGN")
                          .setMaxLoanAmount("2000000.00")
                          .setDefaultLoanAmount("1500000.00")
                          .setMaxInterestRate("24")
                          .setDefaultInterestRate("18")
                          .setInstallments(24)
                          .setArrearsTolerance(7)
                          .setInterestCalculation("even_total")
                          .setEarlyRepaymentRecalculation("from_last_instalment")
                          .setRepaymentHolidayScheduling("first_business_day_after_the_day")
                          .setRepaymentDateType("day_of_month")
                          .setRepaymentDatePeriod(15))
                  .build());
      products.publishProduct(PublishProductRequest.newBuilder().setId(product.getId()).build());
    }

    boolean hasBorrower =
        endUsers
                .listEndUsers(
                    ListEndUsersRequest.newBuilder()
                        .setQuery(
                            ListQuery.newBuilder()
                                .putFilters("first_name", "Amina")
                                .putFilters("last_name", "Bello"))
                        .build())
                .getPage()
                .getCount()
            > 0;
    if (!hasBorrower) {
      endUsers.createEndUser(
          CreateEndUserRequest.newBuilder()
              .setEndUser(
                  EndUserInput.newBuilder()
                      .setFirstName("Amina")
                      .setLastName("Bello")
                      .setBirthDate("1988-04-12")
                      .setAddressLine1("12 Farm Road")
                      .setAddressLine2("Kuje")
                      .setCity("Abuja")
                      .setPostalCode("900001")
                      .setCountry("NG")
                      .setBankAccountNumber("0123456789")
                      .setSortCode("058")
                      .setMobileNumber("+2348012345678")
                      .setEmail("amina.bello@example.com"))
              .build());
    }
  }
}
