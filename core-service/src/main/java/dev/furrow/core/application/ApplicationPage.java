package dev.furrow.core.application;

import java.util.List;

/** One page of a partner's applications and the count of all that match the filters. */
public record ApplicationPage(long count, List<Application> results) {
  public ApplicationPage {
    results = List.copyOf(results);
  }
}
