package dev.furrow.core.product;

import static dev.furrow.core.platform.grpc.Replies.reply;

import com.google.protobuf.Empty;
import dev.furrow.core.platform.grpc.Caller;
import dev.furrow.proto.common.v1.ListQuery;
import dev.furrow.proto.lending.v1.CreateProductRequest;
import dev.furrow.proto.lending.v1.DeleteProductRequest;
import dev.furrow.proto.lending.v1.GetProductRequest;
import dev.furrow.proto.lending.v1.ListProductsRequest;
import dev.furrow.proto.lending.v1.ListProductsResponse;
import dev.furrow.proto.lending.v1.ProductServiceGrpc;
import dev.furrow.proto.lending.v1.PublishProductRequest;
import dev.furrow.proto.lending.v1.UpdateProductRequest;
import io.grpc.stub.StreamObserver;

/** gRPC edge of {@link ProductCatalog}; guarded by a LENDING partner API key. */
public final class ProductGrpcService extends ProductServiceGrpc.ProductServiceImplBase {
  private final ProductCatalog catalog;

  public ProductGrpcService(ProductCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void listProducts(
      ListProductsRequest request, StreamObserver<ListProductsResponse> response) {
    ListQuery q = request.getQuery();
    reply(
        response,
        ProductProtoMapper.toProto(
            catalog.list(
                Caller.partnerId(), q.getFiltersMap(), q.getSort(), q.getLimit(), q.getOffset())));
  }

  @Override
  public void createProduct(
      CreateProductRequest request, StreamObserver<dev.furrow.proto.lending.v1.Product> response) {
    Product created =
        catalog.create(Caller.partnerId(), ProductProtoMapper.toInput(request.getProduct()));
    reply(response, ProductProtoMapper.toProto(created));
  }

  @Override
  public void getProduct(
      GetProductRequest request, StreamObserver<dev.furrow.proto.lending.v1.Product> response) {
    reply(response, ProductProtoMapper.toProto(catalog.get(Caller.partnerId(), request.getId())));
  }

  @Override
  public void updateProduct(
      UpdateProductRequest request, StreamObserver<dev.furrow.proto.lending.v1.Product> response) {
    ProductInput input = ProductProtoMapper.toInput(request.getProduct());
    Product updated =
        request.getPartial()
            ? catalog.amend(
                Caller.partnerId(), request.getId(), input, request.getUpdateMask().getPathsList())
            : catalog.replace(Caller.partnerId(), request.getId(), input);
    reply(response, ProductProtoMapper.toProto(updated));
  }

  @Override
  public void deleteProduct(DeleteProductRequest request, StreamObserver<Empty> response) {
    catalog.delete(Caller.partnerId(), request.getId());
    reply(response, Empty.getDefaultInstance());
  }

  @Override
  public void publishProduct(
      PublishProductRequest request, StreamObserver<dev.furrow.proto.lending.v1.Product> response) {
    reply(
        response, ProductProtoMapper.toProto(catalog.publish(Caller.partnerId(), request.getId())));
  }
}
