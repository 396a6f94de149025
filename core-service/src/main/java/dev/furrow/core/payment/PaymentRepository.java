package dev.furrow.core.payment;

import dev.furrow.core.payment.SettlementPolicy.InvoicePart;
import dev.furrow.core.payment.SettlementPolicy.OpenInvoice;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for payments, their allocations, the contracts and invoices a payment settles, and webhook
 * secrets. Methods taking a {@link Handle} run in the caller's transaction, so a payment, its
 * repayment and everything it settles commit together.
 */
public final class PaymentRepository {
  /**
   * The contracts a partner sees: those of the funding sources it is entitled to. Binds {@code
   * :partner}; {@code c} is the contract.
   */
  static final String VISIBLE_CONTRACT =
      "c.funding_source IN (SELECT e.funding_source FROM funding_source_entitlement e"
          + " WHERE e.partner_id = :partner)";

  /** Payment columns with the matched contract's currency, loan_id and funding source. */
  static final String COLUMNS =
      "p.id, p.partner_id, p.transaction_code, p.customer_name, p.amount_paid, p.initiated_at,"
          + " p.completed_at, p.received_at, p.status, p.match_method, p.unmatched_reason,"
          + " p.contract_id, p.loan_transaction_id, p.unapplied_amount,"
          + " p.remaining_contract_value_after, p.applied_at, p.requested_loan_id,"
          + " p.requested_invoice_number, c.currency AS contract_currency,"
          + " c.loan_id AS contract_loan_id, c.funding_source AS contract_funding_source";

  static final String FROM = " FROM payment p LEFT JOIN contract c ON c.id = p.contract_id";

  /** What a partner's payment list shows: its contracts' payments and its own unmatched ones. */
  static final String LIST_FROM =
      FROM
          + " WHERE ((p.status = 'unmatched' AND p.partner_id = :partner)"
          + " OR (p.status = 'applied' AND "
          + VISIBLE_CONTRACT
          + "))";

  private static final RowMapper<Payment> PAYMENT = (rs, ctx) -> map(rs, List.of());

  private final Jdbi jdbi;

  public PaymentRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  // --- webhook secrets ---

  /** The values of the partner's unrevoked secrets. */
  public List<String> activeSecrets(Handle h, long partnerId) {
    return h.createQuery(
            "SELECT secret FROM webhook_secret WHERE partner_id = :partner AND revoked_at IS NULL"
                + " ORDER BY id")
        .bind("partner", partnerId)
        .mapTo(String.class)
        .list();
  }

  public boolean partnerExists(long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM partner WHERE id = :id)")
                .bind("id", partnerId)
                .mapTo(Boolean.class)
                .one());
  }

  public WebhookSecret insertSecret(long partnerId, String secret) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "INSERT INTO webhook_secret (partner_id, secret) VALUES (:partner, :secret)"
                        + " RETURNING id, partner_id, created_at, revoked_at")
                .bind("partner", partnerId)
                .bind("secret", secret)
                .map((rs, ctx) -> secret(rs, secret))
                .one());
  }

  /** Revokes the secret now unless it already is; empty when there is no such secret. */
  public Optional<WebhookSecret> revokeSecret(long id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "UPDATE webhook_secret SET revoked_at = coalesce(revoked_at, :now)"
                        + " WHERE id = :id RETURNING id, partner_id, created_at, revoked_at")
                .bind("id", id)
                .bind("now", utc(now))
                .map((rs, ctx) -> secret(rs, null))
                .findOne());
  }

  /** The partner's secrets, newest first, without their values. */
  public List<WebhookSecret> secrets(long partnerId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, partner_id, created_at, revoked_at FROM webhook_secret"
                        + " WHERE partner_id = :partner ORDER BY id DESC")
                .bind("partner", partnerId)
                .map((rs, ctx) -> secret(rs, null))
                .list());
  }

  // --- payments ---

  /**
   * Records a new report as unmatched with a provisional reason (matching, in the same transaction,
   * settles it), or does nothing when the partner already used the transaction code: the unique key
   * makes racing redeliveries wait for the first and then find it. Returns the new id.
   */
  public Optional<Long> insertIfNew(
      Handle h, long partnerId, ReportedPayment report, byte[] digest, Instant now) {
    return h.createQuery(
            "INSERT INTO payment (partner_id, transaction_code, request_digest, customer_name,"
                + " amount_paid, initiated_at, completed_at, requested_loan_id,"
                + " requested_invoice_number, status, unmatched_reason, received_at)"
                + " VALUES (:partner, :code, :digest, :name, :amount, :initiated, :completed,"
                + " :loanId, :invoice, 'unmatched', 'matching', :now)"
                + " ON CONFLICT (partner_id, transaction_code) DO NOTHING RETURNING id")
        .bind("partner", partnerId)
        .bind("code", report.transactionCode())
        .bind("digest", digest)
        .bind("name", report.customerName())
        .bind("amount", report.amountPaid())
        .bind("initiated", utc(report.initiatedAt()))
        .bind("completed", utc(report.completedAt()))
        .bind("loanId", report.loanId())
        .bind("invoice", report.invoiceNumber())
        .bind("now", utc(now))
        .mapTo(Long.class)
        .findOne();
  }

  /** The payment already recorded under the partner's transaction code, and its digest. */
  public Optional<Recorded> findByCode(Handle h, long partnerId, String code) {
    return h.createQuery(
            "SELECT id, request_digest FROM payment"
                + " WHERE partner_id = :partner AND transaction_code = :code")
        .bind("partner", partnerId)
        .bind("code", code)
        .map((rs, ctx) -> new Recorded(rs.getLong("id"), rs.getBytes("request_digest")))
        .findOne();
  }

  /** A recorded payment's id and request digest. */
  public record Recorded(long id, byte[] digest) {}

  /** The payment with its allocations. */
  public Optional<Payment> find(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE p.id = :id")
        .bind("id", id)
        .map(PAYMENT)
        .findOne()
        .map(p -> withAllocations(h, List.of(p)).get(0));
  }

  public Optional<Payment> find(long id) {
    return jdbi.withHandle(h -> find(h, id));
  }

  /** Locks the payment row (an operator's assignment) and returns its status and partner. */
  public Optional<Payment> lock(Handle h, long id) {
    return h.createQuery("SELECT id FROM payment WHERE id = :id FOR UPDATE")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne()
        .flatMap(found -> find(h, found));
  }

  /** Unmatched payments, oldest first; {@code partnerId} 0 for every partner's. */
  public List<Payment> unmatched(long partnerId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + FROM
                        + " WHERE p.status = 'unmatched' AND (:partner = 0 OR p.partner_id ="
                        + " :partner) ORDER BY p.received_at, p.id LIMIT :limit")
                .bind("partner", partnerId)
                .bind("limit", limit)
                .map(PAYMENT)
                .list());
  }

  /** Fills in the allocations of already read payments (a list page). */
  public List<Payment> withAllocations(Handle h, List<Payment> payments) {
    List<Long> applied =
        payments.stream().filter(p -> p.contractId() != null).map(Payment::id).toList();
    if (applied.isEmpty()) {
      return payments;
    }
    Map<Long, List<Payment.Allocation>> byPayment = new LinkedHashMap<>();
    h.createQuery(
            "SELECT a.payment_id, a.invoice_id, i.number, a.billing_period_id, a.amount,"
                + " a.invoice_outstanding_after FROM payment_allocation a"
                + " LEFT JOIN invoice i ON i.id = a.invoice_id"
                + " WHERE a.payment_id = ANY(:ids) ORDER BY a.id")
        .bindArray("ids", Long.class, applied)
        .map(
            (rs, ctx) ->
                new AllocationRow(
                    rs.getLong("payment_id"),
                    new Payment.Allocation(
                        rs.getObject("invoice_id", Long.class),
                        rs.getString("number"),
                        rs.getObject("billing_period_id", Long.class),
                        rs.getBigDecimal("amount"),
                        rs.getBigDecimal("invoice_outstanding_after"))))
        .forEach(
            row ->
                byPayment
                    .computeIfAbsent(row.paymentId(), k -> new ArrayList<>())
                    .add(row.allocation()));
    List<Payment> out = new ArrayList<>(payments.size());
    for (Payment p : payments) {
      List<Payment.Allocation> allocations = byPayment.getOrDefault(p.id(), List.of());
      out.add(
          new Payment(
              p.id(),
              p.partnerId(),
              p.transactionCode(),
              p.customerName(),
              p.amountPaid(),
              p.currency(),
              p.initiatedAt(),
              p.completedAt(),
              p.receivedAt(),
              p.status(),
              p.matchMethod(),
              p.unmatchedReason(),
              p.contractId(),
              p.loanId(),
              p.fundingSource(),
              p.loanTransactionId(),
              allocations,
              p.unappliedAmount(),
              p.remainingContractValueAfter(),
              p.appliedAt(),
              p.requestedLoanId(),
              p.requestedInvoiceNumber()));
    }
    return out;
  }

  private record AllocationRow(long paymentId, Payment.Allocation allocation) {}

  public void markUnmatched(Handle h, long paymentId, String reason) {
    h.createUpdate("UPDATE payment SET unmatched_reason = :reason WHERE id = :id")
        .bind("reason", reason)
        .bind("id", paymentId)
        .execute();
  }

  /** Records the application: the contract, how it was found, the repayment and the leftovers. */
  public void markApplied(
      Handle h,
      long paymentId,
      long contractId,
      MatchMethod method,
      @Nullable UUID loanTransactionId,
      BigDecimal unapplied,
      BigDecimal remainingAfter,
      Instant now) {
    h.createUpdate(
            "UPDATE payment SET status = 'applied', unmatched_reason = NULL,"
                + " match_method = :method, contract_id = :contract,"
                + " loan_transaction_id = CAST(:tx AS uuid), unapplied_amount = :unapplied,"
                + " remaining_contract_value_after = :remaining, applied_at = :now"
                + " WHERE id = :id")
        .bind("method", method.code())
        .bind("contract", contractId)
        .bind("tx", loanTransactionId)
        .bind("unapplied", unapplied)
        .bind("remaining", remainingAfter)
        .bind("now", utc(now))
        .bind("id", paymentId)
        .execute();
  }

  // --- matching ---

  public Optional<Long> visibleContractByLoanId(Handle h, long partnerId, String loanId) {
    return h.createQuery(
            "SELECT c.id FROM contract c WHERE c.loan_id = :loanId AND " + VISIBLE_CONTRACT)
        .bind("loanId", loanId)
        .bind("partner", partnerId)
        .mapTo(Long.class)
        .findOne();
  }

  public Optional<Long> visibleContractByInvoice(Handle h, long partnerId, String number) {
    return h.createQuery(
            "SELECT c.id FROM invoice i JOIN contract c ON c.id = i.contract_id"
                + " WHERE i.number = :number AND "
                + VISIBLE_CONTRACT)
        .bind("number", number)
        .bind("partner", partnerId)
        .mapTo(Long.class)
        .findOne();
  }

  /** Open (not CLOSED) visible contracts whose borrower name equals, trimmed, ignoring case. */
  public List<Long> openVisibleContractsByLoaner(Handle h, long partnerId, String name) {
    return h.createQuery(
            "SELECT c.id FROM contract c WHERE c.status <> 'CLOSED'"
                + " AND lower(btrim(c.loaner)) = lower(btrim(:name)) AND "
                + VISIBLE_CONTRACT
                + " ORDER BY c.id")
        .bind("name", name)
        .bind("partner", partnerId)
        .mapTo(Long.class)
        .list();
  }

  /** Whether the partner sees the contract; empty when the contract does not exist. */
  public Optional<Boolean> contractVisibleTo(Handle h, long contractId, long partnerId) {
    return h.createQuery("SELECT " + VISIBLE_CONTRACT + " FROM contract c WHERE c.id = :id")
        .bind("id", contractId)
        .bind("partner", partnerId)
        .mapTo(Boolean.class)
        .findOne();
  }

  // --- applying ---

  /**
   * Locks the contract row, so payments to one contract take turns, and reads its loan. The lock is
   * {@code FOR NO KEY UPDATE}: a payment changes no key of the contract, so usage batches, which
   * hold the contract with {@code FOR KEY SHARE} while billing, are not kept waiting.
   */
  public ContractAccount lockContract(Handle h, long contractId) {
    return h.createQuery(
            "SELECT c.id, c.partner_id, c.loan_account_id, c.status, c.currency,"
                + " c.remaining_contract_value, c.credit_balance, l.status AS loan_status,"
                + " l.principal + l.interest + l.fee AS loan_outstanding"
                + " FROM contract c JOIN loan l ON l.id = c.loan_account_id"
                + " WHERE c.id = :id FOR NO KEY UPDATE OF c")
        .bind("id", contractId)
        .map(
            (rs, ctx) ->
                new ContractAccount(
                    rs.getLong("id"),
                    rs.getLong("partner_id"),
                    rs.getObject("loan_account_id", UUID.class),
                    rs.getString("status"),
                    rs.getString("currency"),
                    rs.getBigDecimal("remaining_contract_value"),
                    rs.getBigDecimal("credit_balance"),
                    rs.getString("loan_status"),
                    rs.getBigDecimal("loan_outstanding")))
        .one();
  }

  /** The loan's principal + interest + fee now. */
  public BigDecimal loanOutstanding(Handle h, UUID loanId) {
    return h.createQuery("SELECT principal + interest + fee FROM loan WHERE id = :id")
        .bind("id", loanId)
        .mapTo(BigDecimal.class)
        .one();
  }

  /** The contract's invoices that still owe, oldest first (issue date, then id), locked. */
  public List<OpenInvoice> openInvoices(Handle h, long contractId) {
    return h.createQuery(
            "SELECT id, number, billing_period_id, status, amount_due, amount_paid FROM invoice"
                + " WHERE contract_id = :contract"
                + " AND status IN ('issued', 'partially_paid', 'overdue')"
                + " AND amount_paid < amount_due ORDER BY issue_date, id FOR UPDATE")
        .bind("contract", contractId)
        .map(
            (rs, ctx) ->
                new OpenInvoice(
                    rs.getLong("id"),
                    rs.getString("number"),
                    rs.getLong("billing_period_id"),
                    rs.getString("status"),
                    rs.getBigDecimal("amount_due"),
                    rs.getBigDecimal("amount_paid")))
        .list();
  }

  /** Adds the part to the invoice and its billing period and sets both to the new status. */
  public void settle(Handle h, long paymentId, InvoicePart part, Instant now) {
    OpenInvoice invoice = part.invoice();
    h.createUpdate(
            "UPDATE invoice SET amount_paid = amount_paid + :amount, status = :status,"
                + " updated_at = :now WHERE id = :id")
        .bind("amount", part.amount())
        .bind("status", part.statusAfter())
        .bind("now", utc(now))
        .bind("id", invoice.invoiceId())
        .execute();
    h.createUpdate(
            "UPDATE billing_period SET amount_paid = amount_paid + :amount, status = :status,"
                + " updated_at = :now WHERE id = :id")
        .bind("amount", part.amount())
        .bind("status", part.statusAfter())
        .bind("now", utc(now))
        .bind("id", invoice.billingPeriodId())
        .execute();
    allocate(
        h,
        paymentId,
        invoice.invoiceId(),
        invoice.billingPeriodId(),
        part.amount(),
        part.outstandingAfter(),
        now);
  }

  /** An allocation row; no invoice means the part went to the contract's credit. */
  public void allocate(
      Handle h,
      long paymentId,
      @Nullable Long invoiceId,
      @Nullable Long billingPeriodId,
      BigDecimal amount,
      @Nullable BigDecimal outstandingAfter,
      Instant now) {
    h.createUpdate(
            "INSERT INTO payment_allocation (payment_id, invoice_id, billing_period_id, amount,"
                + " invoice_outstanding_after, created_at)"
                + " VALUES (:payment, :invoice, :period, :amount, :after, :now)")
        .bind("payment", paymentId)
        .bind("invoice", invoiceId)
        .bind("period", billingPeriodId)
        .bind("amount", amount)
        .bind("after", outstandingAfter)
        .bind("now", utc(now))
        .execute();
  }

  /** The contract's new remaining value and added credit. */
  public void updateContract(
      Handle h, long contractId, BigDecimal remaining, BigDecimal creditAdded, Instant now) {
    h.createUpdate(
            "UPDATE contract SET remaining_contract_value = :remaining,"
                + " credit_balance = credit_balance + :credit, updated_at = :now WHERE id = :id")
        .bind("remaining", remaining)
        .bind("credit", creditAdded)
        .bind("now", utc(now))
        .bind("id", contractId)
        .execute();
  }

  // --- mapping ---

  static Payment map(ResultSet rs, List<Payment.Allocation> allocations) throws SQLException {
    String method = rs.getString("match_method");
    return new Payment(
        rs.getLong("id"),
        rs.getLong("partner_id"),
        rs.getString("transaction_code"),
        rs.getString("customer_name"),
        rs.getBigDecimal("amount_paid"),
        rs.getString("contract_currency"),
        instant(rs, "initiated_at"),
        instant(rs, "completed_at"),
        instant(rs, "received_at"),
        PaymentStatus.byCode(rs.getString("status")).orElseThrow(),
        method == null ? null : MatchMethod.byCode(method).orElseThrow(),
        rs.getString("unmatched_reason"),
        rs.getObject("contract_id", Long.class),
        rs.getString("contract_loan_id"),
        rs.getString("contract_funding_source"),
        rs.getObject("loan_transaction_id", UUID.class),
        allocations,
        rs.getBigDecimal("unapplied_amount"),
        rs.getBigDecimal("remaining_contract_value_after"),
        instant(rs, "applied_at"),
        rs.getString("requested_loan_id"),
        rs.getString("requested_invoice_number"));
  }

  static RowMapper<Payment> mapper() {
    return PAYMENT;
  }

  private static WebhookSecret secret(ResultSet rs, @Nullable String value) throws SQLException {
    return new WebhookSecret(
        rs.getLong("id"),
        rs.getLong("partner_id"),
        value,
        instant(rs, "created_at"),
        instant(rs, "revoked_at"));
  }

  @Nullable
  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
