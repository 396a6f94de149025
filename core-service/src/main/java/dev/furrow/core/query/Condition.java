package dev.furrow.core.query;

import static java.util.Objects.requireNonNull;

/** One compiled filter: a SQL predicate over trusted expressions and the value it binds. */
record Condition(String sql, Binding binding) {
  Condition {
    requireNonNull(sql, "sql");
    requireNonNull(binding, "binding");
  }
}
