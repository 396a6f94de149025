package dev.furrow.core.borrower;

import java.util.List;

/** One page of a partner's end users and where it sits in the whole filtered list. */
public record EndUserPage(long count, int limit, int offset, List<EndUser> results) {
  public EndUserPage {
    results = List.copyOf(results);
  }
}
