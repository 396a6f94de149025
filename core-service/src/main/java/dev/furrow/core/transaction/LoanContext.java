package dev.furrow.core.transaction;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.loan.Loan;
import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A loan read under its lock, with what postings to it may need: its product's default fees in the
 * product's order, the total of its applied disbursements, and whether it is a revolving credit
 * line. Those are read on first use (within the same database transaction), so a posting that needs
 * none of them, such as a repayment, costs no query for them.
 */
public final class LoanContext {
  private final Loan loan;
  private final Supplier<List<DefaultFee>> readFees;
  private final Supplier<BigDecimal> readDisbursed;
  private final Supplier<Boolean> readCreditLine;
  private List<DefaultFee> productFees;
  private BigDecimal disbursed;
  private Boolean creditLine;

  /** A context of a loan that is not a credit line, with everything known up front. */
  public LoanContext(Loan loan, List<DefaultFee> productFees, BigDecimal disbursed) {
    this(loan, () -> productFees, () -> disbursed, () -> false);
    requireNonNull(productFees, "productFees");
    requireNonNull(disbursed, "disbursed");
  }

  /** A context whose fees, disbursed total and product type are read when first asked for. */
  LoanContext(
      Loan loan,
      Supplier<List<DefaultFee>> fees,
      Supplier<BigDecimal> disbursed,
      Supplier<Boolean> creditLine) {
    this.loan = requireNonNull(loan, "loan");
    this.readFees = requireNonNull(fees, "fees");
    this.readDisbursed = requireNonNull(disbursed, "disbursed");
    this.readCreditLine = requireNonNull(creditLine, "creditLine");
  }

  public Loan loan() {
    return loan;
  }

  /** The product's default fees, in the product's order. */
  public List<DefaultFee> productFees() {
    if (productFees == null) {
      productFees = List.copyOf(readFees.get());
    }
    return productFees;
  }

  /** The total of the loan's applied disbursements. */
  public BigDecimal disbursed() {
    if (disbursed == null) {
      disbursed = Decimals.money(requireNonNull(readDisbursed.get(), "disbursed"));
    }
    return disbursed;
  }

  /** The product fee with this name, compared ignoring case as product fee names are unique. */
  Optional<DefaultFee> productFee(String name) {
    return productFees().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * What may still be disbursed. A term loan (and a pay-as-you-go contract) pays out its approved
   * amount once: the amount less the applied disbursements. A revolving credit line's amount is a
   * limit that renews as it is repaid: the limit less the principal outstanding, so principal
   * repaid may be drawn again.
   */
  BigDecimal undisbursed() {
    BigDecimal used = creditLine() ? loan.state().balances().principal() : disbursed();
    return loan.terms().amount().subtract(used).max(Amounts.ZERO);
  }

  private boolean creditLine() {
    if (creditLine == null) {
      creditLine = requireNonNull(readCreditLine.get(), "creditLine");
    }
    return creditLine;
  }
}
