package dev.furrow.core.loan;

import javax.annotation.Nullable;

/** A request to close a loan account exactly as a client sent it; null means absent. */
public record CloseInput(@Nullable String closeReason, @Nullable String closeSubstatus) {}
