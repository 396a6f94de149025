package dev.furrow.core.schedule;

/** What an instalment asks for, by its place in the schedule. */
public enum InstalmentKind {
  /** A grace instalment: nothing is due; its period's interest is deferred to the next one due. */
  GRACE,
  /** A principal grace instalment: only interest is due. */
  INTEREST_ONLY,
  /** Principal and interest are due. */
  REGULAR
}
