package dev.furrow.gateway.payg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.furrow.proto.payg.v1.ListContractsRequest;
import dev.furrow.proto.payg.v1.ListContractsResponse;
import dev.furrow.proto.payg.v1.PaygPage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documentation page in its public and signed-in tiers, as JSON and as HTML. */
class PaygDocsEndpointTest {

  @RegisterExtension static final PaygGateway gateway = new PaygGateway();

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void anyoneGetsSummariesMappingAndRedactedExamples() throws Exception {
    final HttpResponse<String> response = gateway.send("GET", "/payg/lms/docs", null);

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode docs = json(response);
    assertThat(docs.get("access").asText()).isEqualTo("public");
    assertThat(docs.get("endpoints").toString())
        .contains(
            "{\"resource\":\"Loans & contracts\",\"method\":\"GET\","
                + "\"path\":\"/payg/lms/contracts\",");
    assertThat(docs.get("field_mapping").get(0).toString())
        .isEqualTo("{\"report_field\":\"Customer Name\",\"api_field\":\"loaner\"}");
    assertThat(docs.get("field_mapping")).hasSize(15);
    final JsonNode example = docs.at("/examples/list_contracts_response/results/0");
    assertThat(example.get("loan_id").asText()).isEqualTo("LOAN-***");
    assertThat(example.get("name").asText()).isEqualTo("Operator ***");
    assertThat(example.get("loaner").asText()).isEqualTo("Customer ***");
    assertThat(example.get("tractor_id").asText()).isEqualTo("TR-***");
    assertThat(example.get("funding_source").asText()).isEqualTo("boa");
    assertThat(docs.has("filters")).isFalse();
    assertThat(docs.has("status_detail")).isFalse();
    assertThat(gateway.core().requests()).isEmpty();
  }

  @Test
  void validKeyGetsTheCallersOwnFirstContractFiltersAndStatusDetail() throws Exception {
    gateway
        .core()
        .answer(
            "ListContracts",
            ListContractsResponse.newBuilder()
                .addResults(PaygListEndpointsTest.CONTRACT)
                .setPage(PaygPage.newBuilder().setCount(3).setPage(1).setLimit(1))
                .build());

    final HttpResponse<String> response = gateway.get("/payg/lms/docs/");

    assertThat(response.statusCode()).isEqualTo(200);
    final JsonNode docs = json(response);
    assertThat(docs.get("access").asText()).isEqualTo("signed_in");
    assertThat(docs.at("/examples/contract_example_source").asText()).isEqualTo("your_contracts");
    assertThat(docs.at("/examples/list_contracts_response/results/0").toString())
        .isEqualTo(PaygListEndpointsTest.CONTRACT_JSON);
    assertThat(docs.at("/filters/contracts/filters").has("funding_source")).isTrue();
    assertThat(docs.at("/status_detail/contract").has("DELINQUENT")).isTrue();
    assertThat(docs.at("/webhook/tolerance_seconds").asInt()).isEqualTo(300);
    assertThat(gateway.core().last(ListContractsRequest.class).getQuery().getLimit())
        .isEqualTo("1");
  }

  @Test
  void validKeyWithoutContractsGetsTheStaticFullExample() throws Exception {
    gateway
        .core()
        .answer(
            "ListContracts",
            ListContractsResponse.newBuilder()
                .setPage(PaygPage.newBuilder().setCount(0).setPage(1).setLimit(1))
                .build());

    final JsonNode docs = json(gateway.get("/payg/lms/docs"));

    assertThat(docs.at("/examples/contract_example_source").asText()).isEqualTo("static");
    assertThat(docs.at("/examples/list_contracts_response/results/0/loan_id").asText())
        .isEqualTo("LOAN-2025-0042");
  }

  @Test
  void invalidKeyIs401() {
    final HttpResponse<String> wrong =
        gateway.send("GET", "/payg/lms/docs", null, "Authorization", "Bearer wrong-key");
    final HttpResponse<String> malformed =
        gateway.send("GET", "/payg/lms/docs", null, "Authorization", "Bearer");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo("{\"detail\":\"Invalid API key.\"}");
    assertThat(malformed.statusCode()).isEqualTo(401);
    assertThat(malformed.body())
        .isEqualTo("{\"detail\":\"Invalid token header. No credentials provided.\"}");
  }

  @Test
  void browserGetsHtml() {
    final HttpResponse<String> response =
        gateway.send(
            "GET",
            "/payg/lms/docs",
            null,
            "Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body())
        .startsWith("<!DOCTYPE html>")
        .contains("<td>Customer Name</td><td>loaner</td>")
        .contains("&quot;loan_id&quot; : &quot;LOAN-***&quot;");
  }

  @Test
  void jsonClientsGetJson() {
    final HttpResponse<String> response =
        gateway.send("GET", "/payg/lms/docs", null, "Accept", "application/json, text/html");

    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
  }
}
