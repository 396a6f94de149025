package dev.furrow.core.transaction;

import static dev.furrow.core.loan.LoanStatus.ACTIVE;
import static dev.furrow.core.loan.LoanStatus.APPROVED;
import static dev.furrow.core.loan.LoanStatus.DEFAULT;
import static dev.furrow.core.loan.LoanStatus.IN_ARREARS;
import static dev.furrow.core.loan.LoanStatus.LATE;

import dev.furrow.core.error.ConflictException;
import dev.furrow.core.error.Violations;
import dev.furrow.core.ledger.JournalEntry;
import dev.furrow.core.ledger.PostingRules;
import dev.furrow.core.loan.LoanEvent;
import dev.furrow.core.loan.LoanState;
import dev.furrow.core.loan.LoanStateMachine;
import dev.furrow.core.loan.LoanStatus;
import dev.furrow.core.money.Decimals;
import dev.furrow.core.product.DefaultFee;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * What a checked request does to its loan, or why the loan cannot take it: which statuses take
 * which transactions, how much may be disbursed and repaid, how a repayment is allocated and a fee
 * computed, the status changes that follow, and the journal entry of each posting. Plain functions
 * of the loan as read under its lock.
 */
public final class PostingPolicy {
  static final String CLOSED = "Loan is closed; a closed loan takes no transactions.";
  static final String MUST_BE_ABSENT = "Must be absent when fee_name names a product fee.";

  /** A loan is disbursed when approved (the first disbursement) and while active. */
  static final Set<LoanStatus> DISBURSABLE = Set.of(APPROVED, ACTIVE);

  /** A loan is repaid and charged fees while it runs, in good standing or not. */
  static final Set<LoanStatus> RUNNING = Set.of(ACTIVE, LATE, IN_ARREARS, DEFAULT);

  /**
   * The postings a request makes, in order: the requested transaction, and after a disbursement the
   * product's disbursement fees.
   */
  List<Posting> plan(TransactionRequest request, LoanContext context) {
    return switch (request.type()) {
      case DISBURSEMENT -> disburse(request, context);
      case REPAYMENT -> List.of(repay(request, context.loan().state()));
      case FEE -> List.of(charge(request, context));
    };
  }

  /**
   * Up to what is left of the approved amount. The first disbursement makes the loan active and
   * charges the product's flat disbursement fees; every disbursement charges its percent
   * disbursement fees on the amount it pays out.
   */
  private List<Posting> disburse(TransactionRequest request, LoanContext context) {
    LoanState state = context.loan().state();
    require(state, DISBURSABLE, "receive a disbursement");
    BigDecimal amount = Decimals.money(request.amount());
    BigDecimal left = context.undisbursed();
    if (amount.compareTo(left) > 0) {
      throw new ConflictException(
          "Amount exceeds what is left to disburse; at most " + left + " can still be disbursed.");
    }
    BalanceChange change = BalanceChange.principal(amount);
    LoanState after = LoanStateMachine.post(state, change.applyTo(state.balances()));
    if (state.status() == APPROVED) {
      after = LoanStateMachine.apply(after, LoanEvent.DISBURSE);
    }
    List<Posting> postings = new ArrayList<>();
    postings.add(
        posting(
            request,
            amount,
            null,
            null,
            null,
            state,
            change,
            after,
            PostingRules.disbursement(amount)));
    boolean first = context.disbursed().signum() == 0;
    for (DefaultFee fee : context.productFees()) {
      if (fee.event() != DefaultFee.Event.DISBURSEMENT) {
        continue;
      }
      BigDecimal charged =
          fee.type() == DefaultFee.Type.FLAT
              ? (first ? Decimals.money(fee.amount()) : Amounts.ZERO)
              : Amounts.percentOf(amount, fee.amount());
      if (charged.signum() > 0) {
        Posting feePosting = feePosting(null, fee.name(), fee.type(), null, charged, after);
        postings.add(feePosting);
        after = feePosting.after();
      }
    }
    return postings;
  }

  /**
   * Up to everything owed; more is refused rather than kept as a credit, since a loan account has
   * nowhere to hold one. Paying everything makes the loan paid off.
   */
  private Posting repay(TransactionRequest request, LoanState state) {
    require(state, RUNNING, "be repaid");
    BigDecimal amount = Decimals.money(request.amount());
    BigDecimal owed = state.balances().outstanding();
    if (amount.compareTo(owed) > 0) {
      throw new ConflictException(
          "Amount exceeds what the loan owes; at most " + owed + " can be repaid.");
    }
    Allocation allocation = Allocation.of(state.balances(), amount);
    BalanceChange change = allocation.change();
    LoanState after = LoanStateMachine.post(state, change.applyTo(state.balances()));
    if (after.balances().outstanding().signum() == 0) {
      after = LoanStateMachine.apply(after, LoanEvent.PAY_OFF);
    }
    return posting(
        request,
        amount,
        null,
        null,
        null,
        state,
        change,
        after,
        PostingRules.repayment(allocation.fee(), allocation.interest(), allocation.principal()));
  }

  /**
   * A product fee named by {@code fee_name} (amount and fee type then come from the product and
   * must be absent), else a custom fee with both. A percent fee is that percentage of the
   * outstanding total before the fee, rounded half to even to the cent.
   */
  private Posting charge(TransactionRequest request, LoanContext context) {
    LoanState state = context.loan().state();
    require(state, RUNNING, "be charged a fee");
    Optional<DefaultFee> productFee = context.productFee(request.feeName());
    Violations violations = new Violations();
    String name;
    DefaultFee.Type type;
    BigDecimal figure;
    BigDecimal custom = null;
    if (productFee.isPresent()) {
      violations.check(request.amount() != null, TransactionPolicy.AMOUNT, MUST_BE_ABSENT);
      violations.check(request.feeType() != null, TransactionPolicy.FEE_TYPE, MUST_BE_ABSENT);
      violations.throwIfAny();
      name = productFee.get().name();
      type = productFee.get().type();
      figure = productFee.get().amount();
    } else {
      violations.check(
          request.amount() == null, TransactionPolicy.AMOUNT, TransactionPolicy.REQUIRED);
      violations.check(
          request.feeType() == null, TransactionPolicy.FEE_TYPE, TransactionPolicy.REQUIRED);
      violations.throwIfAny();
      name = request.feeName();
      type = request.feeType();
      figure =
          type == DefaultFee.Type.FLAT
              ? Decimals.money(request.amount())
              : Decimals.percentage(request.amount());
      custom = figure;
    }
    BigDecimal owed = state.balances().outstanding();
    BigDecimal charged =
        type == DefaultFee.Type.FLAT ? Decimals.money(figure) : Amounts.percentOf(owed, figure);
    if (charged.signum() == 0) {
      throw new ConflictException(
          "Fee comes to 0.00 on an outstanding balance of " + owed + "; nothing to charge.");
    }
    return feePosting(request, name, type, custom, charged, state);
  }

  private static Posting feePosting(
      @Nullable TransactionRequest request,
      String name,
      DefaultFee.Type type,
      @Nullable BigDecimal custom,
      BigDecimal charged,
      LoanState state) {
    BalanceChange change = BalanceChange.fee(charged);
    LoanState after = LoanStateMachine.post(state, change.applyTo(state.balances()));
    return posting(
        request, charged, name, type, custom, state, change, after, PostingRules.fee(charged));
  }

  private static Posting posting(
      @Nullable TransactionRequest request,
      BigDecimal amount,
      @Nullable String feeName,
      @Nullable DefaultFee.Type feeType,
      @Nullable BigDecimal customFeeAmount,
      LoanState before,
      BalanceChange change,
      LoanState after,
      JournalEntry entry) {
    Effect effect =
        new Effect(change, before.status(), after.status(), after.balances().outstanding());
    return new Posting(
        request == null ? TransactionType.FEE : request.type(),
        amount,
        feeName,
        feeType,
        customFeeAmount,
        request == null ? null : request.idempotencyKey(),
        request == null ? null : request.fingerprint(),
        request == null ? null : request.customField(),
        effect,
        after,
        entry);
  }

  /** Refuses a closed loan, and a loan whose status does not take this kind of transaction. */
  private static void require(LoanState state, Set<LoanStatus> allowed, String action) {
    LoanStatus status = state.status();
    if (status == LoanStatus.CLOSED) {
      throw new ConflictException(CLOSED);
    }
    if (!allowed.contains(status)) {
      throw new ConflictException(
          "Loan is "
              + status.described()
              + "; only a loan that is "
              + alternatives(allowed)
              + " can "
              + action
              + ".");
    }
  }

  /** "approved or active", "active, late, in arrears or in default", in life-cycle order. */
  private static String alternatives(Set<LoanStatus> statuses) {
    List<LoanStatus> ordered =
        Arrays.stream(LoanStatus.values()).filter(statuses::contains).toList();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ordered.size(); i++) {
      if (i > 0) {
        text.append(i == ordered.size() - 1 ? " or " : ", ");
      }
      text.append(ordered.get(i).described());
    }
    return text.toString();
  }
}
