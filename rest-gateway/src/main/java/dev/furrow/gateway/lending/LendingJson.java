package dev.furrow.gateway.lending;

import dev.furrow.gateway.drf.DrfJsonReader;
import dev.furrow.gateway.drf.DrfJsonWriter;
import dev.furrow.proto.lending.v1.Application;
import dev.furrow.proto.lending.v1.ApplicationInput;
import dev.furrow.proto.lending.v1.CloseLoanRequest;
import dev.furrow.proto.lending.v1.EndUser;
import dev.furrow.proto.lending.v1.EndUserInput;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanDelinquency;
import dev.furrow.proto.lending.v1.LoanInput;
import dev.furrow.proto.lending.v1.LoanSchedule;
import dev.furrow.proto.lending.v1.PortfolioAtRisk;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.Statement;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;

/**
 * How each lending resource reads and writes as JSON: which string fields are decimals, and that
 * {@code custom_field} is any JSON value, kept as its JSON text in the core and embedded again on
 * the way out, so what a client sends is what it reads back.
 */
final class LendingJson {

  private static final String CUSTOM_FIELD = "custom_field";

  static final InputReader<ProductInput> PRODUCT_READER =
      InputReader.of(
          Product.getDefaultInstance(),
          ProductInput.getDefaultInstance(),
          b ->
              b.decimals(
                      "max_loan_amount",
                      "default_loan_amount",
                      "max_interest_rate",
                      "default_interest_rate",
                      "default_fees.amount",
                      "minimum_payment_percent",
                      "minimum_payment_amount",
                      "repayment_per_hectare")
                  .jsonText(CUSTOM_FIELD));

  static final DrfJsonWriter PRODUCT_WRITER =
      DrfJsonWriter.builder(Product.getDescriptor()).embedJson(CUSTOM_FIELD).build();

  static final InputReader<EndUserInput> END_USER_READER =
      InputReader.of(EndUser.getDefaultInstance(), EndUserInput.getDefaultInstance(), b -> b);

  static final DrfJsonWriter END_USER_WRITER = DrfJsonWriter.of(EndUser.getDescriptor());

  static final InputReader<ApplicationInput> APPLICATION_READER =
      InputReader.of(
          Application.getDefaultInstance(),
          ApplicationInput.getDefaultInstance(),
          b -> b.decimals("amount", "rate").jsonText(CUSTOM_FIELD));

  static final DrfJsonWriter APPLICATION_WRITER =
      DrfJsonWriter.builder(Application.getDescriptor()).embedJson(CUSTOM_FIELD).build();

  static final InputReader<LoanInput> LOAN_READER =
      InputReader.of(
          Loan.getDefaultInstance(), LoanInput.getDefaultInstance(), b -> b.jsonText(CUSTOM_FIELD));

  static final DrfJsonWriter LOAN_WRITER =
      DrfJsonWriter.builder(Loan.getDescriptor()).embedJson(CUSTOM_FIELD).build();

  /** The body of {@code close/}: the reason and substatus; the id comes from the path. */
  static final DrfJsonReader<CloseLoanRequest> CLOSE_READER =
      DrfJsonReader.builder(CloseLoanRequest.getDefaultInstance()).readOnly("id").build();

  /**
   * A transaction's body: {@code amount} is a decimal (money, or a custom percent fee's
   * percentage). The other decimals are output fields, declared for completeness: like every
   * read-only field ({@code status}, {@code custom_fee_amount}, the {@code result_*} and {@code
   * affected_*} ones, ...) they are ignored on input.
   */
  static final InputReader<TransactionInput> TRANSACTION_READER =
      InputReader.of(
          Transaction.getDefaultInstance(),
          TransactionInput.getDefaultInstance(),
          b ->
              b.decimals(
                      "amount",
                      "custom_fee_amount",
                      "result_outstanding_balance",
                      "affected_loan_principal",
                      "affected_loan_interest",
                      "affected_loan_fee")
                  .jsonText(CUSTOM_FIELD));

  static final DrfJsonWriter TRANSACTION_WRITER =
      DrfJsonWriter.builder(Transaction.getDescriptor()).embedJson(CUSTOM_FIELD).build();

  /** A loan's schedule: {@code GET /api/v1/loans/loan/{id}/schedule/}. */
  static final DrfJsonWriter SCHEDULE_WRITER = DrfJsonWriter.of(LoanSchedule.getDescriptor());

  /** A revolving credit statement, in a loan's list or alone with its transactions. */
  static final DrfJsonWriter STATEMENT_WRITER = DrfJsonWriter.of(Statement.getDescriptor());

  /** The ledger check of a loan ({@code loans/loan/{id}/ledger/}), an addition to the reference. */
  static final DrfJsonWriter LEDGER_CHECK_WRITER = DrfJsonWriter.of(LedgerCheck.getDescriptor());

  /** A loan's delinquency: {@code GET /api/v1/loans/loan/{id}/delinquency/}, an addition. */
  static final DrfJsonWriter LOAN_DELINQUENCY_WRITER =
      DrfJsonWriter.of(LoanDelinquency.getDescriptor());

  /** The caller's portfolio at risk: {@code GET /api/v1/portfolio/at-risk/}, an addition. */
  static final DrfJsonWriter PORTFOLIO_AT_RISK_WRITER =
      DrfJsonWriter.of(PortfolioAtRisk.getDescriptor());

  private LendingJson() {}
}
