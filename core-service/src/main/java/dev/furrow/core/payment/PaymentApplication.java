package dev.furrow.core.payment;

import static java.util.Objects.requireNonNull;

import dev.furrow.core.contract.ContractStatuses;
import dev.furrow.core.payment.SettlementPolicy.InvoicePart;
import dev.furrow.core.payment.SettlementPolicy.Settlement;
import dev.furrow.core.transaction.Transaction;
import dev.furrow.core.transaction.TransactionBook;
import dev.furrow.core.transaction.TransactionInput;
import dev.furrow.core.transaction.TransactionRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Applies a recorded payment to a contract, in the caller's database transaction (a webhook
 * delivery or an operator's assignment): one repayment of what the contract still owes through the
 * {@link TransactionBook} on the owner's loan account, the unpaid invoices settled oldest first,
 * the rest to the contract's credit, anything beyond what is owed kept unapplied, and the
 * contract's remaining value and status brought up to date.
 */
public final class PaymentApplication {
  /** The repayment's idempotency key; one per payment, in the loan owner's key space. */
  static final String KEY_PREFIX = "payg-payment-";

  private final PaymentRepository repository;
  private final TransactionBook book;
  private final TransactionRepository transactions;
  private final SettlementPolicy settlement;
  private final Clock clock;

  public PaymentApplication(
      PaymentRepository repository,
      TransactionBook book,
      TransactionRepository transactions,
      SettlementPolicy settlement,
      Clock clock) {
    this.repository = requireNonNull(repository, "repository");
    this.book = requireNonNull(book, "book");
    this.transactions = requireNonNull(transactions, "transactions");
    this.settlement = requireNonNull(settlement, "settlement");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Applies payment {@code paymentId} of {@code amountPaid} to the contract, found by method. */
  void apply(Handle h, long paymentId, BigDecimal amountPaid, long contractId, MatchMethod method) {
    ContractAccount contract = repository.lockContract(h, contractId);
    Settlement split =
        settlement.settle(amountPaid, contract.owed(), repository.openInvoices(h, contractId));
    UUID repayment = null;
    BigDecimal remainingAfter = contract.remainingContractValue();
    if (split.repaid().signum() > 0) {
      Transaction posted =
          book.create(
              contract.ownerPartnerId(),
              new TransactionInput(
                  contract.loanAccountId().toString(),
                  "repayment",
                  split.repaid().toPlainString(),
                  null,
                  null,
                  KEY_PREFIX + paymentId,
                  "PAYG payment " + paymentId),
              transactions.within(h));
      repayment = posted.id();
      remainingAfter = posted.effect().resultOutstanding();
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (InvoicePart part : split.invoices()) {
      repository.settle(h, paymentId, part, now);
    }
    if (split.credit().signum() > 0) {
      repository.allocate(h, paymentId, null, null, split.credit(), null, now);
    }
    repository.updateContract(h, contractId, remainingAfter, split.credit(), now);
    ContractStatuses.refresh(h, contractId, LocalDate.ofInstant(now, ZoneOffset.UTC));
    repository.markApplied(
        h, paymentId, contractId, method, repayment, split.unapplied(), remainingAfter, now);
  }
}
