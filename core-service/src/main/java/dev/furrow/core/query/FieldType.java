package dev.furrow.core.query;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What kind of value a filterable field holds. The type alone decides which lookups the field
 * accepts and how parameter values are parsed, as in the partner lending API.
 */
public enum FieldType {
  /** Free text (names, emails, statuses): exact, iexact, contains, icontains, in. */
  TEXT(Lookup.EXACT, Lookup.IEXACT, Lookup.CONTAINS, Lookup.ICONTAINS, Lookup.IN),
  /**
   * A UUID column with text lookups. Exact and in take canonical UUIDs and compare as {@code uuid};
   * iexact, contains and icontains compare the column's text form.
   */
  UUID(Lookup.EXACT, Lookup.IEXACT, Lookup.CONTAINS, Lookup.ICONTAINS, Lookup.IN),
  /** A {@code numeric} column: exact, lt, lte, gt, gte, in. */
  DECIMAL(Lookup.EXACT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.IN),
  /** An integer column: exact, lt, lte, gt, gte, in; values are whole numbers. */
  INTEGER(Lookup.EXACT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.IN),
  /** A UUID foreign key, with the numeric-style lookups Django gives foreign keys. */
  REFERENCE(Lookup.EXACT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.IN),
  /** A {@code date} column: comparisons, plus the same comparisons on year, month and day. */
  DATE(Lookup.EXACT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.IN),
  /** A {@code timestamptz} column: like {@link #DATE}, date parts taken in UTC. */
  DATETIME(Lookup.EXACT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.IN);

  /** The lookups on {@code __year}, {@code __month} and {@code __day} of date fields. */
  static final Set<Lookup> DATE_PART_LOOKUPS =
      Collections.unmodifiableSet(
          EnumSet.of(Lookup.EXACT, Lookup.LT, Lookup.LTE, Lookup.GT, Lookup.GTE, Lookup.IN));

  private final Set<Lookup> lookups;

  FieldType(Lookup first, Lookup... rest) {
    this.lookups = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** The lookups a field of this type accepts directly. */
  public Set<Lookup> lookups() {
    return lookups;
  }

  /** Whether {@code __year}, {@code __month} and {@code __day} (each with comparisons) apply. */
  public boolean hasDateParts() {
    return this == DATE || this == DATETIME;
  }
}
