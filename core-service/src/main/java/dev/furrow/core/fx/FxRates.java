package dev.furrow.core.fx;

import dev.furrow.core.error.Violations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** The operator's FX rates and the USD snapshots reported from them. */
public final class FxRates {
  private final FxRateRepository repository;
  private final Clock clock;

  public FxRates(FxRateRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Records a rate in force from {@code effectiveFrom} (now when null). */
  public FxRate set(String currency, String unitsPerUsd, @Nullable Instant effectiveFrom) {
    Violations v = new Violations();
    String code = FxRatePolicy.currency(currency, v);
    BigDecimal rate = FxRatePolicy.unitsPerUsd(unitsPerUsd, v);
    v.throwIfAny();
    return repository.upsert(code, rate, effectiveFrom == null ? clock.instant() : effectiveFrom);
  }

  /** The rates of a currency (blank: all), newest first. */
  public List<FxRate> list(String currency) {
    return repository.list(currency == null ? "" : currency.strip());
  }

  /** The reporting time: now. */
  public Instant now() {
    return clock.instant();
  }

  /** The rates in force at {@code at} for the currencies of one page. */
  public Map<String, FxRate> inForce(Collection<String> currencies, Instant at) {
    return repository.inForce(currencies, at);
  }
}
