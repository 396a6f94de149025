package dev.furrow.gateway.drf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.proto.common.v1.PageInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrfPaginationTest {

  private static final String BASE = "https://api.furrow.example";
  private static final String PATH = "/api/v1/products/product/";
  private static final String URL = BASE + PATH;

  private static DrfPagination pagination(String... namesAndValues) {
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return DrfPagination.of(BASE, PATH, query);
  }

  @Test
  void envelopeIsCountNextPreviousAndResults() {
    final PageInfo page = PageInfo.newBuilder().setCount(45).setLimit(20).setOffset(20).build();

    assertThat(
            DrfJson.compact(
                pagination("limit", "20", "offset", "20")
                    .envelope(page, DrfJson.NODES.arrayNode().add(1).add(2))))
        .isEqualTo(
            "{\"count\":45,"
                + "\"next\":\"https://api.furrow.example/api/v1/products/product/?limit=20&offset=40\","
                + "\"previous\":\"https://api.furrow.example/api/v1/products/product/?limit=20\","
                + "\"results\":[1,2]}");
  }

  @Test
  void emptyListHasNoLinks() {
    assertThat(DrfJson.compact(pagination().envelope(0, 20, 0, DrfJson.NODES.arrayNode())))
        .isEqualTo("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
  }

  @Test
  void firstPageLinksToTheSecondAndHasNoPrevious() {
    final DrfPagination pagination = pagination();

    assertThat(pagination.nextLink(45, 20, 0)).isEqualTo(URL + "?limit=20&offset=20");
    assertThat(pagination.previousLink(20, 0)).isNull();
  }

  @Test
  void middlePageLinksBothWays() {
    final DrfPagination pagination = pagination("limit", "20", "offset", "40");

    assertThat(pagination.nextLink(100, 20, 40)).isEqualTo(URL + "?limit=20&offset=60");
    assertThat(pagination.previousLink(20, 40)).isEqualTo(URL + "?limit=20&offset=20");
  }

  @Test
  void lastPageHasNoNext() {
    final DrfPagination pagination = pagination("offset", "40");

    assertThat(pagination.nextLink(45, 20, 40)).isNull();
    assertThat(pagination.nextLink(60, 20, 40)).isNull();
    assertThat(pagination.previousLink(20, 40)).isEqualTo(URL + "?limit=20&offset=20");
  }

  @ParameterizedTest(name = "offset {0} -> previous {1}")
  @CsvSource({
    "20, ?limit=20",
    "10, ?limit=20",
    "30, ?limit=20&offset=10",
    "21, ?limit=20&offset=1",
  })
  void previousLinkDropsTheOffsetWhenItLeadsBackToTheStart(int offset, String query) {
    assertThat(pagination("offset", String.valueOf(offset)).previousLink(20, offset))
        .isEqualTo(URL + query);
  }

  @Test
  void offsetThatIsNotAMultipleOfTheLimitMovesByTheLimit() {
    assertThat(pagination().nextLink(100, 20, 30)).isEqualTo(URL + "?limit=20&offset=50");
    assertThat(pagination().nextLink(50, 20, 30)).isNull();
    assertThat(pagination().nextLink(51, 20, 30)).isEqualTo(URL + "?limit=20&offset=50");
  }

  @Test
  void linksSetTheLimitTheCoreUsedEvenWhenTheRequestHadNone() {
    assertThat(pagination("limit", "500").nextLink(1000, 100, 0))
        .isEqualTo(URL + "?limit=100&offset=100");
  }

  @Test
  void otherParametersAreKeptSortedByNameAsDrfWritesThem() {
    final DrfPagination pagination =
        pagination(
            "status__in", "active,late",
            "limit", "10",
            "sort", "-created",
            "amount__gte", "100",
            "flag", "",
            "status__in", "closed");

    assertThat(pagination.nextLink(100, 10, 0))
        .isEqualTo(
            URL
                + "?amount__gte=100&flag=&limit=10&offset=10&sort=-created"
                + "&status__in=active%2Clate&status__in=closed");
  }

  @Test
  void namesAndValuesAreEncodedAsPythonsUrlencode() {
    final DrfPagination pagination =
        pagination(
            "end_user__first_name__icontains", "a b",
            "city", "Mérida",
            "note", "x/y?z&w=1+2~_.-",
            "name with space", "ok");

    assertThat(pagination.nextLink(100, 10, 0))
        .isEqualTo(
            URL
                + "?city=M%C3%A9rida&end_user__first_name__icontains=a+b&limit=10"
                + "&name+with+space=ok&note=x%2Fy%3Fz%26w%3D1%2B2~_.-&offset=10");
  }

  @Test
  void linksOfTheRequestBeingServedUseItsHostPathAndQuery() {
    final ServiceRequestContext ctx =
        ServiceRequestContext.of(
            HttpRequest.of(
                RequestHeaders.of(
                    HttpMethod.GET,
                    "/api/v1/products/product/?name__icontains=a+b&offset=5&limit=5",
                    HttpHeaderNames.AUTHORITY,
                    "api.furrow.example:8443")));

    final DrfPagination pagination = DrfPagination.forRequest(ctx);

    assertThat(pagination.nextLink(20, 5, 5))
        .isEqualTo(
            "http://api.furrow.example:8443/api/v1/products/product/"
                + "?limit=5&name__icontains=a+b&offset=10");
    assertThat(pagination.previousLink(5, 5))
        .isEqualTo(
            "http://api.furrow.example:8443/api/v1/products/product/?limit=5&name__icontains=a+b");
  }

  @Test
  void pageOutsideTheRangesIsRefused() {
    assertThatThrownBy(() -> pagination().nextLink(10, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit: 0 (expected: > 0)");
    assertThatThrownBy(() -> pagination().previousLink(10, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset: -1 (expected: >= 0)");
    assertThatThrownBy(() -> pagination().nextLink(-1, 10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count: -1 (expected: >= 0)");
  }
}
