package dev.furrow.core.query;

import java.util.List;

/** One page of a partner's rows and the count of all rows the filters match. */
public record PartnerPage<T>(long count, List<T> results) {}
