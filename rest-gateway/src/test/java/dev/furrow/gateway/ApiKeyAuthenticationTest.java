package dev.furrow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyAuthenticationTest {

  @RegisterExtension static final GatewayUnderTest gateway = new GatewayUnderTest();

  private static final String USAGE = "/payg/lms/tractors/TR-1/usage";
  private static final String NOT_PROVIDED =
      "{\"detail\":\"Authentication credentials were not provided.\"}";

  @Test
  void paygRequestWithoutKeyIsRejectedWithoutAskingTheCore() {
    final HttpResponse<String> response = gateway.get(USAGE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(NOT_PROVIDED);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(gateway.core().receivedApiKeys()).isEmpty();
  }

  @Test
  void lendingRequestWithoutKeyIsRejected() {
    final HttpResponse<String> response = gateway.get("/api/v1/loans");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(NOT_PROVIDED);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Api-Key");
  }

  @Test
  void xApiKeyOnPaygPathCountsAsMissing() {
    final HttpResponse<String> response = gateway.get(USAGE, "X-Api-Key", FakeCore.PAYG_KEY);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(NOT_PROVIDED);
  }

  @Test
  void bearerTokenOnLendingPathCountsAsMissing() {
    final HttpResponse<String> response =
        gateway.get("/api/v1/loans", "Authorization", "Bearer " + FakeCore.LENDING_KEY);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(NOT_PROVIDED);
  }

  @Test
  void otherAuthorizationSchemeCountsAsMissing() {
    final HttpResponse<String> response = gateway.get(USAGE, "Authorization", "Basic dXNlcjpwYXNz");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(NOT_PROVIDED);
  }

  @Test
  void bearerWithoutTokenIsRejectedAsDrfDoes() {
    final HttpResponse<String> response = gateway.get(USAGE, "Authorization", "Bearer");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"detail\":\"Invalid token header. No credentials provided.\"}");
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
  }

  @Test
  void bearerTokenWithSpacesIsRejectedAsDrfDoes() {
    final HttpResponse<String> response = gateway.get(USAGE, "Authorization", "Bearer one two");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo(
            "{\"detail\":\"Invalid token header. Token string should not contain spaces.\"}");
  }

  @Test
  void bearerSchemeIsCaseInsensitive() {
    final HttpResponse<String> response =
        gateway.get("/payg/lms/no-such-thing", "Authorization", "bearer " + FakeCore.PAYG_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void keyTheCoreRefusesIsA401WithTheCoresMessageAndChallenge() {
    final HttpResponse<String> response =
        gateway.get(USAGE, "Authorization", "Bearer " + FakeCore.LENDING_KEY);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid API key.\"}");
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
  }

  @Test
  void bearerKeyIsForwardedToTheCoreAsMetadata() {
    gateway.get(USAGE, "Authorization", "Bearer " + FakeCore.PAYG_KEY);

    assertThat(gateway.core().receivedApiKeys()).containsExactly(FakeCore.PAYG_KEY);
  }

  @Test
  void unknownPaygPathWithoutKeyIs401() {
    final HttpResponse<String> response = gateway.get("/payg/lms/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(NOT_PROVIDED);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
  }

  @Test
  void unknownPaygPathWithKeyIs404() {
    final HttpResponse<String> response =
        gateway.get("/payg/lms/no-such-thing", "Authorization", "Bearer " + FakeCore.PAYG_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("application/json; charset=utf-8");
  }

  @Test
  void unknownLendingPathWithKeyIs404() {
    final HttpResponse<String> response =
        gateway.get("/api/v1/loans", "X-Api-Key", FakeCore.LENDING_KEY);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }

  @Test
  void wrongMethodOnKnownPathIs405AfterAuthentication() {
    final HttpResponse<String> withoutKey = gateway.send(USAGE, "POST");
    final HttpResponse<String> withKey =
        gateway.send(USAGE, "POST", "Authorization", "Bearer " + FakeCore.PAYG_KEY);

    assertThat(withoutKey.statusCode()).isEqualTo(401);
    assertThat(withKey.statusCode()).isEqualTo(405);
    assertThat(withKey.body()).isEqualTo("{\"detail\":\"Method \\\"POST\\\" not allowed.\"}");
  }

  @Test
  void pathsOutsideTheFacesAreNotFoundWithoutAKey() {
    final HttpResponse<String> response = gateway.get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }
}
