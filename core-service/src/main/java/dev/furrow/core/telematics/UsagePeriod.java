package dev.furrow.core.telematics;

/** How usage is grouped over time: local calendar days or ISO 8601 weeks (Monday to Sunday). */
public enum UsagePeriod {
  DAY,
  ISO_WEEK
}
