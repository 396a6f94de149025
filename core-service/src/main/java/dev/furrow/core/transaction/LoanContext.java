package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.loan.Loan;
import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A loan read under its lock, with what postings to it need: its product's default fees in the
 * product's order, and the total of its applied disbursements.
 */
public record LoanContext(Loan loan, List<DefaultFee> productFees, BigDecimal disbursed) {
  public LoanContext {
    requireNonNull(loan, "loan");
    productFees = List.copyOf(productFees);
    disbursed = Decimals.money(requireNonNull(disbursed, "disbursed"));
  }

  /** The product fee with this name, compared ignoring case as product fee names are unique. */
  Optional<DefaultFee> productFee(String name) {
    return productFees.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /** What may still be disbursed: the approved amount less the applied disbursements. */
  BigDecimal undisbursed() {
    return loan.terms().amount().subtract(disbursed).max(Amounts.ZERO);
  }
}
