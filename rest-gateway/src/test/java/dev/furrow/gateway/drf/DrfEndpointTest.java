package dev.furrow.gateway.drf;

import static dev.furrow.gateway.drf.FakeProducts.EMPTY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.linecorp.armeria.client.BlockingWebClient;
import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.annotation.ExceptionHandler;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Post;
import dev.furrow.gateway.error.GatewayErrorHandler;
import dev.furrow.gateway.http.JsonResponses;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A thin resource endpoint built from the DRF pieces, on a real server, answers like DRF. */
class DrfEndpointTest {

  private static final DrfJsonReader<DynamicMessage> READER =
      DrfJsonReader.builder(EMPTY)
          .decimals("max_loan_amount", "default_fees.amount")
          .readOnly("id", "created")
          .build();
  private static final DrfJsonWriter WRITER = DrfJsonWriter.of(FakeProducts.PRODUCT);

  private static Server server;
  private static BlockingWebClient client;

  /** What a resource endpoint looks like: read, (call the core), write. */
  @ExceptionHandler(DrfExceptionHandler.class)
  public static final class Products {

    @Post("/api/v1/products/product/")
    public HttpResponse create(AggregatedHttpRequest request) {
      final ParsedBody<DynamicMessage> body = READER.read(request.content());
      return JsonResponses.of(HttpStatus.CREATED, WRITER.write(body.message()));
    }

    @Get("/api/v1/products/product/")
    public HttpResponse list(ServiceRequestContext ctx) {
      final DynamicMessage product = FakeProducts.product("name: \"Revolving\"");
      return JsonResponses.of(
          HttpStatus.OK,
          DrfPagination.forRequest(ctx).envelope(3, 1, 1, WRITER.writeAll(List.of(product))));
    }

    @Post("/api/v1/products/product/broken/")
    public HttpResponse broken() {
      throw new IllegalStateException("a bug");
    }
  }

  @BeforeAll
  static void startServer() {
    server =
        Server.builder()
            .http(0)
            .annotatedService(new Products())
            .errorHandler(new GatewayErrorHandler())
            .build();
    server.start().join();
    client = BlockingWebClient.of("http://127.0.0.1:" + server.activeLocalPort());
  }

  @AfterAll
  static void stopServer() {
    server.stop().join();
  }

  private static AggregatedHttpResponse post(String path, String body) {
    return client.execute(
        RequestHeaders.builder(HttpMethod.POST, path).contentType(MediaType.JSON_UTF_8).build(),
        body);
  }

  @Test
  void validBodyIsReadAndWrittenBack() {
    final AggregatedHttpResponse response =
        post(
            "/api/v1/products/product/", "{\"name\": \"Revolving\", \"max_loan_amount\": 5000.00}");

    assertThat(response.status()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.contentUtf8())
        .startsWith(
            "{\"id\":\"\",\"created\":null,\"name\":\"Revolving\",\"max_loan_amount\":\"5000.00\",");
  }

  @Test
  void bodyWithFieldErrorsIsA400WithDrfsErrorShape() {
    final AggregatedHttpResponse response =
        post(
            "/api/v1/products/product/",
            "{\"id\": \"x\", \"default_fees\": [{\"amount\": \"five\"}, {\"amount\": 5}]}");

    assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.contentType()).isEqualTo(MediaType.JSON_UTF_8);
    assertThat(response.contentUtf8())
        .isEqualTo(
            "{\"id\":[\"This field is not allowed.\"],"
                + "\"default_fees\":[{\"amount\":[\"A valid number is required.\"]},{}]}");
  }

  @Test
  void malformedBodyIsA400JsonParseError() {
    final AggregatedHttpResponse response = post("/api/v1/products/product/", "{\"name\": ");

    assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.contentUtf8()).startsWith("{\"detail\":\"JSON parse error - ");
  }

  @Test
  void otherFailuresFallThroughToTheGatewaysErrorHandler() {
    final AggregatedHttpResponse response = post("/api/v1/products/product/broken/", "{}");

    assertThat(response.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(response.contentUtf8()).isEqualTo("{\"detail\":\"Internal error.\"}");
  }

  @Test
  void listIsTheDrfEnvelopeWithLinksOnTheRequestsHost() {
    final AggregatedHttpResponse response =
        client.get("/api/v1/products/product/?offset=1&limit=1&name__icontains=re%C3%A9");
    final String base = "http://127.0.0.1:" + server.activeLocalPort();

    assertThat(response.status()).isEqualTo(HttpStatus.OK);
    assertThat(response.contentUtf8())
        .startsWith(
            "{\"count\":3,"
                + "\"next\":\""
                + base
                + "/api/v1/products/product/?limit=1&name__icontains=re%C3%A9&offset=2\","
                + "\"previous\":\""
                + base
                + "/api/v1/products/product/?limit=1&name__icontains=re%C3%A9\","
                + "\"results\":[{\"id\":\"\",\"created\":null,\"name\":\"Revolving\",");
  }
}
