package dev.furrow.core.schedule;

import java.util.List;

/**
 * Everything a loan's schedule is recomputed from, as read in the posting's transaction; {@code
 * stale} when the loan is marked for a rewrite since its calendar changed.
 */
record ScheduleInputs(
    ScheduleTerms terms,
    RepaymentRule rule,
    HolidayCalendar calendar,
    List<ScheduleEvent> events,
    boolean stale) {

  /** The instalments these inputs give. */
  List<Instalment> instalments() {
    return ScheduleReplay.replay(terms, rule, calendar, events);
  }
}
