package dev.furrow.core.payment;

import com.google.protobuf.ByteString;
import dev.furrow.core.CoreHarness;
import dev.furrow.proto.lending.v1.CheckLedgerRequest;
import dev.furrow.proto.lending.v1.GetLoanRequest;
import dev.furrow.proto.lending.v1.LedgerAdminServiceGrpc;
import dev.furrow.proto.lending.v1.LedgerCheck;
import dev.furrow.proto.lending.v1.Loan;
import dev.furrow.proto.lending.v1.LoanServiceGrpc;
import dev.furrow.proto.partner.v1.ApiFace;
import dev.furrow.proto.payg.v1.ConfirmPaymentRequest;
import dev.furrow.proto.payg.v1.ConfirmPaymentResponse;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc;
import dev.furrow.proto.payg.v1.ContractAdminServiceGrpc.ContractAdminServiceBlockingStub;
import dev.furrow.proto.payg.v1.CreateContractRequest;
import dev.furrow.proto.payg.v1.IssueWebhookSecretRequest;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc;
import dev.furrow.proto.payg.v1.PaymentAdminServiceGrpc.PaymentAdminServiceBlockingStub;
import dev.furrow.proto.payg.v1.PaymentReport;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc;
import dev.furrow.proto.payg.v1.PaymentServiceGrpc.PaymentServiceBlockingStub;
import dev.furrow.proto.payg.v1.UpsertFundingSourceRequest;
import dev.furrow.proto.telematics.v1.RegisterTractorRequest;
import dev.furrow.proto.telematics.v1.TractorAdminServiceGrpc;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * A test core with pay-as-you-go contracts to pay: contracts opened by the operator's
 * CreateContract for a lender of record (a real loan account, disbursed, with its finance charge),
 * funding partners with PAYG keys, entitlements and webhook secrets, invoices written by SQL that
 * follows the schema (billing issues them in production), and signed webhook deliveries.
 */
final class PaygWorld {
  private static final AtomicInteger SEQ = new AtomicInteger();

  final CoreHarness core;
  final Jdbi jdbi;
  final CoreHarness.PartnerKey owner;
  final PaymentAdminServiceBlockingStub admin;
  private final ContractAdminServiceBlockingStub contracts;

  PaygWorld(CoreHarness core) {
    this.core = core;
    this.jdbi = core.server().jdbi();
    this.owner = core.newPartner("lender", ApiFace.API_FACE_LENDING);
    this.admin = core.asOperator(PaymentAdminServiceGrpc.newBlockingStub(core.channel()));
    this.contracts = core.asOperator(ContractAdminServiceGrpc.newBlockingStub(core.channel()));
  }

  /**
   * A contract over a fresh loan: financed amount disbursed, total - financed as finance charge.
   */
  record Contract(long id, String loanId, String loanAccount, String fundingSource) {}

  /** A funding partner with a PAYG key and one webhook secret. */
  record Bank(long id, String key, String secret, PaymentServiceBlockingStub payments) {}

  Contract contract(String fundingSource, String loaner, String financed, String total) {
    contracts.upsertFundingSource(
        UpsertFundingSourceRequest.newBuilder()
            .setCode(fundingSource)
            .setName(fundingSource.toUpperCase())
            .build());
    int n = SEQ.incrementAndGet();
    String loanId = "LN-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
    String tractor = "TR-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
    core.asOperator(TractorAdminServiceGrpc.newBlockingStub(core.channel()))
        .registerTractor(
            RegisterTractorRequest.newBuilder()
                .setTractorId(tractor)
                .setPartnerId(owner.partnerId())
                .build());
    BigDecimal downPayment = new BigDecimal("500000.00");
    var created =
        contracts.createContract(
            CreateContractRequest.newBuilder()
                .setOwnerPartnerId(owner.partnerId())
                .setLoanId(loanId)
                .setName(loaner + " ops")
                .setLoaner(loaner)
                .setFundingSource(fundingSource)
                .setTractorId(tractor)
                .setEquipmentCost(new BigDecimal(financed).add(downPayment).toPlainString())
                .setPrincipalAmount(downPayment.toPlainString())
                .setTotalRepaymentAmount(total)
                .setRepaymentPerHectare("1500.00")
                .setCurrency("NGN")
                .setLoanStartDate("2026-01-05")
                .setLoanEndDate("2028-01-05")
                .build());
    return new Contract(created.getId(), loanId, created.getLoanAccountId(), fundingSource);
  }

  /** A PAYG partner entitled to these funding sources, with a webhook secret issued. */
  Bank bank(String... fundingSources) {
    CoreHarness.PartnerKey partner = core.newPartner("bank", ApiFace.API_FACE_PAYG);
    jdbi.useHandle(
        h -> {
          for (String source : fundingSources) {
            h.execute(
                "INSERT INTO funding_source (code, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                source,
                source.toUpperCase());
            h.execute(
                "INSERT INTO funding_source_entitlement (partner_id, funding_source) VALUES (?, ?)",
                partner.partnerId(),
                source);
          }
        });
    String secret =
        admin
            .issueWebhookSecret(
                IssueWebhookSecretRequest.newBuilder().setPartnerId(partner.partnerId()).build())
            .getSecret();
    return new Bank(
        partner.partnerId(),
        partner.key(),
        secret,
        core.withApiKey(PaymentServiceGrpc.newBlockingStub(core.channel()), partner.key()));
  }

  /** An issued invoice (and its billing period) of {@code amountDue} for the week of the date. */
  long invoice(
      long contractId, String number, LocalDate issueDate, String amountDue, String status) {
    LocalDate weekStart = issueDate.minusDays(7).with(java.time.DayOfWeek.MONDAY);
    return jdbi.withHandle(
        h -> {
          long period =
              h.createQuery(
                      "INSERT INTO billing_period (contract_id, week_start, week_end, iso_week,"
                          + " status, rate_per_hectare, currency, amount_due, issued_at, due_date)"
                          + " VALUES (:contract, :start, :end, :iso, :status, 1500.00, 'NGN',"
                          + " :due, :issuedAt, :dueDate) RETURNING id")
                  .bind("contract", contractId)
                  .bind("start", weekStart)
                  .bind("end", weekStart.plusDays(6))
                  .bind(
                      "iso",
                      String.format(
                          "%d-W%02d",
                          weekStart.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                          weekStart.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)))
                  .bind("status", status)
                  .bind("due", new BigDecimal(amountDue))
                  .bind("issuedAt", issueDate.atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                  .bind("dueDate", issueDate.plusDays(7))
                  .mapTo(Long.class)
                  .one();
          return h.createQuery(
                  "INSERT INTO invoice (number, billing_period_id, contract_id, status, currency,"
                      + " amount_due, issue_date, due_date) VALUES (:number, :period, :contract,"
                      + " :status, 'NGN', :due, :issue, :dueDate) RETURNING id")
              .bind("number", number)
              .bind("period", period)
              .bind("contract", contractId)
              .bind("status", status)
              .bind("due", new BigDecimal(amountDue))
              .bind("issue", issueDate)
              .bind("dueDate", issueDate.plusDays(7))
              .mapTo(Long.class)
              .one();
        });
  }

  /** A report's fields by name, in order; values null are left out of the body. */
  static Map<String, String> report(String customer, String amount, String code) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("customer_name", customer);
    fields.put("amount_paid", amount);
    fields.put("transaction_code", code);
    fields.put("initiated_at", "2026-03-02T09:15:00+01:00");
    fields.put("completed_at", "2026-03-02T08:16:30Z");
    return fields;
  }

  static String code() {
    return "TX-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID();
  }

  /** The request for a delivery signed now with {@code secret}. */
  static ConfirmPaymentRequest signed(Map<String, String> fields, String secret) {
    return signedAt(fields, secret, Instant.now().getEpochSecond());
  }

  static ConfirmPaymentRequest signedAt(Map<String, String> fields, String secret, long when) {
    byte[] body = json(fields).getBytes(StandardCharsets.UTF_8);
    String timestamp = Long.toString(when);
    return request(fields, body, timestamp, WebhookSignature.sign(secret, timestamp, body));
  }

  static ConfirmPaymentRequest request(
      Map<String, String> fields, byte[] body, String timestamp, String signature) {
    PaymentReport.Builder report = PaymentReport.newBuilder();
    fields.forEach(
        (name, value) -> {
          if (value == null) {
            return;
          }
          switch (name) {
            case "customer_name" -> report.setCustomerName(value);
            case "amount_paid" -> report.setAmountPaid(value);
            case "transaction_code" -> report.setTransactionCode(value);
            case "initiated_at" -> report.setInitiatedAt(value);
            case "completed_at" -> report.setCompletedAt(value);
            case "loan_id" -> report.setLoanId(value);
            case "invoice_number" -> report.setInvoiceNumber(value);
            default -> throw new IllegalArgumentException(name);
          }
        });
    return ConfirmPaymentRequest.newBuilder()
        .setRawBody(ByteString.copyFrom(body))
        .setTimestamp(timestamp)
        .setSignature(signature)
        .setReport(report)
        .build();
  }

  ConfirmPaymentResponse pay(Bank bank, Map<String, String> fields) {
    return bank.payments().confirmPayment(signed(fields, bank.secret()));
  }

  static String json(Map<String, String> fields) {
    StringBuilder out = new StringBuilder("{");
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            out.append(out.length() > 1 ? "," : "")
                .append('"')
                .append(name)
                .append("\":\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"');
          }
        });
    return out.append('}').toString();
  }

  Loan loan(String id) {
    return core.withApiKey(LoanServiceGrpc.newBlockingStub(core.channel()), owner.key())
        .getLoan(GetLoanRequest.newBuilder().setId(id).build());
  }

  LedgerCheck ledger(String loanId) {
    return core.asOperator(LedgerAdminServiceGrpc.newBlockingStub(core.channel()))
        .checkLedger(CheckLedgerRequest.newBuilder().setLoan(loanId).build());
  }

  /** A column of the contract row, as text. */
  String contractField(long contractId, String column) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + column + "::text FROM contract WHERE id = :id")
                .bind("id", contractId)
                .mapTo(String.class)
                .one());
  }

  /** The invoice's status and amount paid, e.g. "payment_complete 300.00". */
  String invoiceState(long invoiceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT i.status || ' ' || i.amount_paid || ' / ' || b.status || ' '"
                        + " || b.amount_paid FROM invoice i JOIN billing_period b"
                        + " ON b.id = i.billing_period_id WHERE i.id = :id")
                .bind("id", invoiceId)
                .mapTo(String.class)
                .one());
  }

  /** How many repayments the loan has. */
  int repayments(String loanAccount) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM loan_transaction WHERE loan_id = CAST(:loan AS uuid)"
                        + " AND type = 'repayment'")
                .bind("loan", loanAccount)
                .mapTo(Integer.class)
                .one());
  }

  /** How many payments the partner has under this code. */
  int payments(long partnerId, String code) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM payment WHERE partner_id = :p AND transaction_code = :c")
                .bind("p", partnerId)
                .bind("c", code)
                .mapTo(Integer.class)
                .one());
  }
}
