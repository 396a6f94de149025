package dev.furrow.gateway.lending;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Param;
import com.linecorp.armeria.server.annotation.Patch;
import com.linecorp.armeria.server.annotation.Post;
import com.linecorp.armeria.server.annotation.Put;
import dev.furrow.gateway.core.CoreCalls;
import dev.furrow.gateway.drf.DrfExceptionHandler;
import dev.furrow.gateway.drf.DrfPagination;
import dev.furrow.gateway.drf.ListQueryParams;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.DeleteProductRequest;
import dev.furrow.proto.lending.v1.GetProductRequest;
import dev.furrow.proto.lending.v1.ListProductsRequest;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.ProductServiceGrpc.ProductServiceFutureStub;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.UpdateProductRequest;
import io.grpc.Channel;

/** Credit products, {@value #PATH}, over the core's {@code ProductService}. */
@ExceptionHandler(DrfExceptionHandler.class)
public final class ProductsApi {

  static final String PATH = "/api/v1/products/product/";

  private final ProductServiceFutureStub products;

  /** The endpoints, calling the core behind the given channel. */
  public ProductsApi(Channel core) {
    this.products = ProductServiceGrpc.newFutureStub(requireNonNull(core, "core"));
  }

  private ProductServiceFutureStub stub(ServiceRequestContext ctx) {
    return CoreCalls.forRequest(products, ctx);
  }

  /** The caller's products, newest first; only {@code limit} and {@code offset} apply. */
  @Get(PATH)
  public HttpResponse list(ServiceRequestContext ctx) {
    final ListProductsRequest request =
        ListProductsRequest.newBuilder().setQuery(ListQueryParams.from(ctx)).build();
    final DrfPagination links = DrfPagination.forRequest(ctx);
    return CoreReplies.json(
        stub(ctx).listProducts(request),
        HttpStatus.OK,
        page ->
            links.envelope(
                page.getPage(), LendingJson.PRODUCT_WRITER.writeAll(page.getResultsList())),
        null);
  }

  /** A new draft product: 201 with the product as stored. */
  @Post(PATH)
  public HttpResponse create(ServiceRequestContext ctx, AggregatedHttpRequest request) {
    final ProductInput input = LendingJson.PRODUCT_READER.read(request.content()).input();
    return CoreReplies.json(
        stub(ctx).createProduct(CreateProductRequest.newBuilder().setProduct(input).build()),
        HttpStatus.CREATED,
        LendingJson.PRODUCT_WRITER::write,
        input);
  }

  /** One of the caller's products. */
  @Get(PATH + "{id}/")
  public HttpResponse get(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).getProduct(GetProductRequest.newBuilder().setId(id).build()),
        HttpStatus.OK,
        LendingJson.PRODUCT_WRITER::write,
        null);
  }

  /** Replaces every writable field of a draft. */
  @Put(PATH + "{id}/")
  public HttpResponse replace(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    return update(ctx, id, request, false);
  }

  /** Changes the fields the body names, of a draft. */
  @Patch(PATH + "{id}/")
  public HttpResponse patch(
      ServiceRequestContext ctx, @Param("id") String id, AggregatedHttpRequest request) {
    return update(ctx, id, request, true);
  }

  private HttpResponse update(
      ServiceRequestContext ctx, String id, AggregatedHttpRequest request, boolean partial) {
    final InputReader.Body<ProductInput> body = LendingJson.PRODUCT_READER.read(request.content());
    final UpdateProductRequest update =
        UpdateProductRequest.newBuilder()
            .setId(id)
            .setProduct(body.input())
            .setPartial(partial)
            .setUpdateMask(body.mask())
            .build();
    return CoreReplies.json(
        stub(ctx).updateProduct(update),
        HttpStatus.OK,
        LendingJson.PRODUCT_WRITER::write,
        body.input());
  }

  /** Deletes a draft: 204, no body. */
  @Delete(PATH + "{id}/")
  public HttpResponse delete(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.noContent(
        stub(ctx).deleteProduct(DeleteProductRequest.newBuilder().setId(id).build()));
  }

  /**
   * Publishes a draft: 201 (as the reference documents) with the published product. A body is not
   * read: the product is published as stored.
   */
  @Post(PATH + "{id}/publish/")
  public HttpResponse publish(ServiceRequestContext ctx, @Param("id") String id) {
    return CoreReplies.json(
        stub(ctx).publishProduct(PublishProductRequest.newBuilder().setId(id).build()),
        HttpStatus.CREATED,
        LendingJson.PRODUCT_WRITER::write,
        null);
  }
}
