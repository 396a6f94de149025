package dev.furrow.core.application;

import static dev.furrow.core.application.ApplicationStatus.ACCEPTED;
import static dev.furrow.core.application.ApplicationStatus.DECLINED;
import static dev.furrow.core.application.ApplicationStatus.INCOMPLETE;
import static dev.furrow.core.application.ApplicationStatus.WITHDRAWN;

import dev.furrow.core.error.ConflictException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a partner can do to an existing application, and from which states. Nothing is allowed once
 * a loan account exists. A refusal names the current state, so a client can tell what to do next.
 */
public enum ApplicationAction {
  /** PUT and PATCH. */
  CHANGE("changed", "incomplete", EnumSet.of(INCOMPLETE)),
  /** Runs underwriting. */
  COMPLETE("completed", "incomplete", EnumSet.of(INCOMPLETE)),
  /** Back to incomplete, dropping the decision. */
  REOPEN("reopened", "withdrawn or decided", EnumSet.of(WITHDRAWN, ACCEPTED, DECLINED)),
  /** Out of consideration, until reopened. */
  WITHDRAW("withdrawn", "incomplete or decided", EnumSet.of(INCOMPLETE, ACCEPTED, DECLINED));

  static final String LOCKED = "Application has a loan account and can no longer be changed.";

  private final String verb;
  private final String allowedStates;
  private final Set<ApplicationStatus> from;

  ApplicationAction(String verb, String allowedStates, Set<ApplicationStatus> from) {
    this.verb = verb;
    this.allowedStates = allowedStates;
    this.from = from;
  }

  /** Whether the action may start from {@code status} (a loan account aside). */
  public boolean allowedFrom(ApplicationStatus status) {
    return from.contains(status);
  }

  /**
   * Refuses the action on {@code application} unless it is allowed: first because of a loan
   * account, then because of the status.
   *
   * @throws ConflictException naming the reason
   */
  public void check(Application application) {
    if (application.hasLoan()) {
      throw new ConflictException(LOCKED);
    }
    if (!allowedFrom(application.status())) {
      throw new ConflictException(
          "Application is "
              + application.status().code()
              + "; only "
              + allowedStates
              + " applications can be "
              + verb
              + ".");
    }
  }
}
