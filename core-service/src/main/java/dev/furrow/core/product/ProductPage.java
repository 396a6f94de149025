package dev.furrow.core.product;

import java.util.List;

/** One page of a partner's products, newest first, with the partner's total product count. */
public record ProductPage(long count, int limit, int offset, List<Product> results) {
  public ProductPage {
    results = List.copyOf(results);
  }
}
