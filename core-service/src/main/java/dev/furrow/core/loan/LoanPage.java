package dev.furrow.core.loan;

import java.util.List;

/** One page of a partner's loans and the count of all that match the filters. */
public record LoanPage(long count, List<Loan> results) {
  public LoanPage {
    results = List.copyOf(results);
  }
}
