package dev.furrow.core.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL of FX rates. */
public final class FxRateRepository {
  private static final RowMapper<FxRate> RATE =
      (rs, ctx) ->
          new FxRate(
              rs.getString("currency"),
              rs.getBigDecimal("units_per_usd"),
              rs.getObject("effective_from", OffsetDateTime.class).toInstant());

  private final Jdbi jdbi;

  public FxRateRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Records (or corrects) the rate of a currency from a time. */
  public FxRate upsert(String currency, BigDecimal unitsPerUsd, Instant effectiveFrom) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "INSERT INTO fx_rate (currency, units_per_usd, effective_from)"
                        + " VALUES (:currency, :rate, :from)"
                        + " ON CONFLICT (currency, effective_from)"
                        + " DO UPDATE SET units_per_usd = EXCLUDED.units_per_usd"
                        + " RETURNING currency, units_per_usd, effective_from")
                .bind("currency", currency)
                .bind("rate", unitsPerUsd)
                .bind("from", effectiveFrom.atOffset(ZoneOffset.UTC))
                .map(RATE)
                .one());
  }

  /** The rates of {@code currency} (blank: all), newest first, at most 1000. */
  public List<FxRate> list(String currency) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT currency, units_per_usd, effective_from FROM fx_rate"
                        + " WHERE (:currency = '' OR currency = :currency)"
                        + " ORDER BY effective_from DESC, currency LIMIT 1000")
                .bind("currency", currency)
                .map(RATE)
                .list());
  }

  /** The rate in force at {@code at} for each of {@code currencies} that has one. */
  public Map<String, FxRate> inForce(Collection<String> currencies, Instant at) {
    Map<String, FxRate> rates = new HashMap<>();
    if (currencies.isEmpty()) {
      return rates;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT ON (currency) currency, units_per_usd, effective_from"
                        + " FROM fx_rate WHERE currency = ANY(:currencies)"
                        + " AND effective_from <= :at"
                        + " ORDER BY currency, effective_from DESC")
                .bindArray("currencies", String.class, List.copyOf(currencies))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .map(RATE)
                .forEach(r -> rates.put(r.currency(), r)));
    return rates;
  }
}
