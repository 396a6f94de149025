package dev.furrow.core.product;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import javax.annotation.Nullable;

/** A partner's credit product: a draft until published, immutable afterwards. */
public record Product(
    UUID id, ProductTerms terms, @Nullable Instant publishedAt, Instant created, Instant updated) {
  public Product {
    requireNonNull(id, "id");
    requireNonNull(terms, "terms");
    requireNonNull(created, "created");
    requireNonNull(updated, "updated");
  }

  public boolean published() {
    return publishedAt != null;
  }
}
