package dev.furrow.core.loan;

import javax.annotation.Nullable;

/** A request to open a loan account exactly as a client sent it; null means absent. */
public record LoanInput(@Nullable String application, @Nullable String customField) {}
