package dev.furrow.core.transaction;

import java.util.List;

/** One page of a partner's transactions and the count of all that match the filters. */
public record TransactionPage(long count, List<Transaction> results) {
  public TransactionPage {
    results = List.copyOf(results);
  }
}
