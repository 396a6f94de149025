package dev.furrow.core.loan;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.InvalidInputException;
import dev.furrow.core.error.Violations;
import dev.furrow.core.product.ProductType;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The rules for opening and closing loan accounts, in the wording of Django REST Framework that
 * partner clients already handle: which requests are well formed, and which applications a loan
 * account may be opened for and what it copies from them. Status changes are {@link
 * LoanStateMachine}'s.
 */
public final class LoanPolicy {
  public static final int MAX_CUSTOM_FIELD = 10_000;
  public static final int MAX_CLOSE_REASON = 1_000;

  static final String APPLICATION = "application";
  static final String CUSTOM_FIELD = "custom_field";
  static final String CLOSE_REASON = "close_reason";
  static final String CLOSE_SUBSTATUS = "close_substatus";

  static final String REQUIRED = "This field is required.";
  static final String NOT_NULL = "This field may not be null.";
  static final String BLANK = "This field may not be blank.";
  static final String ALREADY_OPENED = "Application already has a loan account.";
  static final String ACCEPTED = "accepted";

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /**
   * Checks a request to open a loan account. An application that is not a UUID cannot exist, so it
   * gets the same message as an unknown one.
   */
  public LoanRequest validate(LoanInput input) {
    Violations violations = new Violations();
    String raw = input.application();
    UUID applicationId = null;
    if (raw == null) {
      violations.add(APPLICATION, REQUIRED);
    } else if (raw.isBlank()) {
      // DRF turns an empty related-object value into null before checking it.
      violations.add(APPLICATION, NOT_NULL);
    } else {
      applicationId = parseUuid(raw).orElse(null);
      if (applicationId == null) {
        violations.add(APPLICATION, doesNotExist(raw));
      }
    }
    checkCustomField(input.customField(), violations);
    violations.throwIfAny();
    return new LoanRequest(applicationId, raw, input.customField());
  }

  /**
   * The terms of a loan account for {@code application} (read under lock), or the refusal: an
   * application with a loan already is a conflict; one that is not accepted is a field error.
   */
  public LoanTerms terms(ApplicationSnapshot application, LoanRequest request) {
    if (application.loanId() != null) {
      throw new ConflictException(ALREADY_OPENED);
    }
    if (!ACCEPTED.equals(application.status())) {
      throw InvalidInputException.of(
          APPLICATION,
          "Application is "
              + application.status()
              + "; a loan account can only be opened for an accepted application.");
    }
    boolean termLoan = ProductType.TERM_LOAN.code().equals(application.productType());
    return new LoanTerms(
        application.id(),
        application.endUserId(),
        application.productId(),
        application.amount(),
        application.rate(),
        application.installments() != null
            ? application.installments()
            : application.productInstallments(),
        termLoan ? application.defaultGraceInstalments() : null,
        termLoan ? application.principalRepaymentGrace() : null,
        application.arrearsTolerance(),
        application.currency(),
        request.customField());
  }

  /** The field error for an application that is not the caller's or does not exist. */
  public static InvalidInputException applicationNotFound(LoanRequest request) {
    return InvalidInputException.of(APPLICATION, doesNotExist(request.applicationAsSent()));
  }

  /** Checks a request to close a loan account; every problem is reported at once. */
  public Closing validate(CloseInput input) {
    Violations violations = new Violations();
    String reason = input.closeReason() == null ? null : input.closeReason().strip();
    if (reason == null) {
      violations.add(CLOSE_REASON, REQUIRED);
    } else if (reason.isEmpty()) {
      violations.add(CLOSE_REASON, BLANK);
    } else if (reason.codePointCount(0, reason.length()) > MAX_CLOSE_REASON) {
      violations.add(CLOSE_REASON, tooLong(MAX_CLOSE_REASON));
    }
    String code = input.closeSubstatus();
    CloseSubstatus substatus = null;
    if (code == null) {
      violations.add(CLOSE_SUBSTATUS, REQUIRED);
    } else {
      substatus = CloseSubstatus.byCode(code).orElse(null);
      violations.check(
          substatus == null, CLOSE_SUBSTATUS, "\"" + code + "\" is not a valid choice.");
    }
    violations.throwIfAny();
    return new Closing(reason, substatus);
  }

  private static void checkCustomField(@Nullable String value, Violations violations) {
    violations.check(
        value != null && value.codePointCount(0, value.length()) > MAX_CUSTOM_FIELD,
        CUSTOM_FIELD,
        tooLong(MAX_CUSTOM_FIELD));
  }

  private static String doesNotExist(String raw) {
    return "Invalid pk \"" + raw + "\" - object does not exist.";
  }

  private static String tooLong(int max) {
    return "Ensure this field has no more than " + max + " characters.";
  }

  /**
   * The UUID in canonical form, either case. {@link UUID#fromString} alone also takes shortened
   * groups such as "1-2-3-4-5", which would name another id than the one the client sent.
   */
  static Optional<UUID> parseUuid(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    return CANONICAL_UUID.matcher(lower).matches()
        ? Optional.of(UUID.fromString(lower))
        : Optional.empty();
  }
}
