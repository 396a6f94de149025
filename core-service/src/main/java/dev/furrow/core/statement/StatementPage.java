package dev.furrow.core.statement;

import java.util.List;

/**
 * One page of a loan's statements, newest first, with how many it has in all and the page served.
 */
public record StatementPage(long count, int limit, int offset, List<Statement> results) {
  public StatementPage {
    results = List.copyOf(results);
  }
}
