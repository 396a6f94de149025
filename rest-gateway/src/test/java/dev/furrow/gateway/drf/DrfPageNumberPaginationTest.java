package dev.furrow.gateway.drf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrfPageNumberPaginationTest {

  private static final String BASE = "https://api.furrow.example";
  private static final String PATH = "/payg/lms/contracts";

  private static DrfPageNumberPagination pagination(String... namesAndValues) {
    final List<Map.Entry<String, String>> query = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return DrfPageNumberPagination.of(BASE, PATH, query);
  }

  @Test
  void envelopeOfTheFirstPage() {
    assertThat(
            DrfJson.compact(
                pagination("page", "1", "limit", "25", "status", "CURRENT")
                    .envelope(42, 1, 25, DrfJson.NODES.arrayNode().add(1))))
        .isEqualTo(
            "{\"count\":42,\"next\":\"https://api.furrow.example/payg/lms/contracts"
                + "?limit=25&page=2&status=CURRENT\",\"previous\":null,\"results\":[1]}");
  }

  @Test
  void previousOfPageTwoDropsThePageParameter() {
    assertThat(pagination("page", "2", "q", "a b").previousLink(2))
        .isEqualTo(BASE + PATH + "?q=a+b");
    assertThat(pagination("page", "3").previousLink(3)).isEqualTo(BASE + PATH + "?page=2");
  }

  @Test
  void lastPageAndEmptyListHaveNoNext() {
    assertThat(pagination().nextLink(50, 2, 25)).isNull();
    assertThat(pagination().nextLink(51, 2, 25)).isEqualTo(BASE + PATH + "?page=3");
    assertThat(pagination().nextLink(0, 1, 25)).isNull();
  }

  @Test
  void repeatedParametersKeepEveryValueAndUnicodeIsPercentEncoded() {
    assertThat(pagination("tag", "x", "tag", "y", "search", "é").nextLink(10, 1, 5))
        .isEqualTo(BASE + PATH + "?page=2&search=%C3%A9&tag=x&tag=y");
  }

  @Test
  void refusesImpossiblePages() {
    assertThatThrownBy(() -> pagination().nextLink(1, 0, 25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page: 0 (expected: > 0)");
  }
}
