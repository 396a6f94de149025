package dev.furrow.core.product;

/** The kind of credit a product gives; it decides which of the product's fields apply. */
public enum ProductType {
  /** A monthly renewing line of credit with a statement and a minimum payment. */
  REVOLVING_CREDIT("revolving credit"),
  /** A loan repaid in a fixed number of instalments. */
  TERM_LOAN("term loans"),
  /** A tractor contract repaid from weekly bills for the hectares actually worked. */
  PAY_AS_YOU_GO("pay-as-you-go products");

  private final String plural;

  ProductType(String plural) {
    this.plural = plural;
  }

  /** The API code, e.g. {@code "revolving_credit"}. */
  public String code() {
    return Codes.of(this);
  }

  /** How messages name products of this type: "This field applies only to term loans." */
  String plural() {
    return plural;
  }
}
