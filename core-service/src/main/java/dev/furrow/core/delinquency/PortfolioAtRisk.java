package dev.furrow.core.delinquency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * Portfolio at risk of a partner's running loans as of a business date, per currency and per
 * product: PARn is the outstanding principal of the loans n or more days past due divided by the
 * outstanding principal of all. Amounts are exact; ratios are rounded half to even to {@value
 * #RATIO_SCALE} places.
 */
public record PortfolioAtRisk(
    LocalDate businessDate, List<Group> byCurrency, List<Group> byProduct) {
  /** Places of a PAR ratio. */
  public static final int RATIO_SCALE = 4;

  public PortfolioAtRisk {
    byCurrency = List.copyOf(byCurrency);
    byProduct = List.copyOf(byProduct);
  }

  /** The figures from the grouped rows: those without a product are the currencies'. */
  public static PortfolioAtRisk of(LocalDate businessDate, List<Group> groups) {
    return new PortfolioAtRisk(
        businessDate,
        groups.stream().filter(g -> g.product() == null).toList(),
        groups.stream().filter(g -> g.product() != null).toList());
  }

  /** One currency (product null) or one product's loans. */
  public record Group(
      String currency,
      @Nullable UUID product,
      long loans,
      BigDecimal outstandingPrincipal,
      AtRisk par1,
      AtRisk par30,
      AtRisk par90) {

    /** {@code atRisk}'s principal over the outstanding principal; 0 when nothing is outstanding. */
    public BigDecimal ratio(AtRisk atRisk) {
      if (outstandingPrincipal.signum() == 0) {
        return BigDecimal.ZERO.setScale(RATIO_SCALE);
      }
      return atRisk.principal().divide(outstandingPrincipal, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
  }

  /** The loans at risk at one threshold and their outstanding principal. */
  public record AtRisk(long loans, BigDecimal principal) {}
}
