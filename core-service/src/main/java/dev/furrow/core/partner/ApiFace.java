package dev.furrow.core.partner;

/** The public REST face an API key opens; a key never opens the other one. */
public enum ApiFace {
  /** The partner lending API under {@code /api/v1}. */
  LENDING,
  /** The pay-as-you-go LMS API under {@code /payg/lms}. */
  PAYG
}
