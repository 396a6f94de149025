package dev.furrow.core.schedule;

import dev.furrow.core.CoreHarness;
import dev.furrow.core.LoanOpening;
import dev.furrow.proto.lending.v1.CreateTransactionRequest;
import dev.furrow.proto.lending.v1.DefaultFee;
import dev.furrow.proto.lending.v1.GetLoanScheduleRequest;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanSchedule;
import dev.furrow.proto.lending.v1.Product;
import dev.furrow.proto.lending.v1.ProductInput;
import dev.furrow.proto.lending.v1.RevertTransactionRequest;
import dev.furrow.proto.lending.v1.ScheduleServiceGrpc;
import dev.furrow.proto.lending.v1.Transaction;
import dev.furrow.proto.lending.v1.TransactionInput;
import dev.furrow.proto.lending.v1.TransactionServiceGrpc;
import dev.furrow.proto.partner.v1.ApiFace;
import java.util.UUID;

/** One lending partner of a test core: term loan products, borrowers, loans and their money. */
final class Borrowing {
  private final CoreHarness core;
  private final String key;

  private Borrowing(CoreHarness core, String key) {
    this.core = core;
    this.key = key;
  }

  static Borrowing newPartner(CoreHarness core, String prefix) {
    return new Borrowing(core, core.newPartner(prefix, ApiFace.API_FACE_LENDING).key());
  }

  /** A published NGN term loan at 12% over 12, equal principal, with these fees. */
  Product product(String recalculation, DefaultFee... fees) {
    ProductInput.Builder input =
        ProductInput.newBuilder()
            .setType("term_loan")
            .setName("Tractor term loan")
            .setCurrency("NGN")
            .setMaxLoanAmount("2000000")
            .setMaxInterestRate("24")
            .setDefaultInterestRate("12")
            .setInstallments(12)
            .setInterestCalculation("equal_principal")
            .setEarlyRepaymentRecalculation(recalculation)
            .setCalculateInterestOnHolidays(true);
    for (DefaultFee fee : fees) {
      input.addDefaultFees(fee);
    }
    return LoanOpening.publish(core, key, input);
  }

  /** A new borrower's approved loan of {@code amount} under {@code product}. */
  Loan openLoan(Product product, String amount) {
    return LoanOpening.open(core, key, product, amount, LoanOpening.amina());
  }

  Transaction post(Loan loan, String type, String amount) {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key)
        .createTransaction(
            CreateTransactionRequest.newBuilder()
                .setTransaction(
                    TransactionInput.newBuilder()
                        .setLoan(loan.getId())
                        .setType(type)
                        .setAmount(amount)
                        .setIdempotencyKey(UUID.randomUUID().toString()))
                .build());
  }

  /** A custom flat fee of {@code amount} charged to the loan. */
  Transaction flatFee(Loan loan, String amount) {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key)
        .createTransaction(
            CreateTransactionRequest.newBuilder()
                .setTransaction(
                    TransactionInput.newBuilder()
                        .setLoan(loan.getId())
                        .setType("fee")
                        .setFeeName("Flat")
                        .setFeeType("flat")
                        .setAmount(amount)
                        .setIdempotencyKey(UUID.randomUUID().toString()))
                .build());
  }

  Transaction revert(Transaction t) {
    return core.withApiKey(TransactionServiceGrpc.newBlockingStub(core.channel()), key)
        .revertTransaction(RevertTransactionRequest.newBuilder().setId(t.getId()).build());
  }

  LoanSchedule schedule(String loanId) {
    return core.withApiKey(ScheduleServiceGrpc.newBlockingStub(core.channel()), key)
        .getLoanSchedule(GetLoanScheduleRequest.newBuilder().setId(loanId).build());
  }
}
