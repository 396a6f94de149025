package dev.furrow.gateway.payg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.Payment;
import dev.furrow.proto.payg.v1.PaymentAllocation;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The content of {@code GET /payg/lms/docs} in its two access tiers: public (endpoint summaries,
 * the report field mapping, redacted examples) and signed in (full examples, every filter, status
 * detail, the webhook's signature scheme).
 */
final class PaygDocs {

  /** The documented example request of the contract list, with the base URL to fill in. */
  static final String CURL_EXAMPLE =
      "curl -G %s/payg/lms/contracts \\\n"
          + "  -H \"Authorization: Bearer {your_api_key}\" \\\n"
          + "  -d page=1 \\\n"
          + "  -d limit=25 \\\n"
          + "  -d funding_source=boa \\\n"
          + "  -d status=CURRENT";

  private static final String[][] ENDPOINTS = {
    {
      "Loans & contracts",
      "GET",
      "/payg/lms/contracts",
      "List contracts, paginated; filter by" + " funding program, status, currency or search term."
    },
    {"Loans & contracts", "GET", "/payg/lms/contracts/{id}", "Retrieve a contract by internal id."},
    {
      "Billing periods",
      "GET",
      "/payg/lms/billing-periods",
      "List weekly billing periods, from" + " draft through payment complete."
    },
    {"Billing periods", "GET", "/payg/lms/billing-periods/{id}", "Retrieve a billing period."},
    {"Invoices", "GET", "/payg/lms/invoices", "List invoices of issued billing periods."},
    {"Invoices", "GET", "/payg/lms/invoices/{id}", "Retrieve an invoice."},
    {
      "Payments & ledger",
      "GET",
      "/payg/lms/payments",
      "List confirmed payments and the invoices" + " they settled."
    },
    {
      "Payment confirmation",
      "POST",
      "/payg/lms/webhooks/payment-confirmation",
      "Report a" + " confirmed payment (signed webhook)."
    },
    {"Documentation", "GET", "/payg/lms/docs", "This page; more with a valid key."},
  };

  private static final String[][] FIELD_MAPPING = {
    {"Customer Name", "loaner"},
    {"Funding Source", "funding_source"},
    {"Loan ID", "loan_id"},
    {"Tractor ID", "tractor_id"},
    {"Operator Name", "name"},
    {"Contract Status", "status"},
    {"Equipment Cost", "equipment_cost"},
    {"Downpayment Amount", "principal_amount"},
    {"Total Repayment Amount", "total_repayment_amount"},
    {"Remaining Contract Value", "remaining_contract_value"},
    {"Currency", "currency"},
    {"Loan Start Date", "loan_start_date"},
    {"Loan End Date", "loan_end_date"},
    {"USD Snapshot", "usd_snapshot"},
    {"Repayment per Hectare", "repayment_per_hectare"},
  };

  private static final String[][] WEBHOOK_FIELDS = {
    {"customer_name", "Payer / borrower name"},
    {"amount_paid", "Amount received (decimal string or JSON number)"},
    {
      "transaction_code",
      "Partner reference; a redelivery with the same code is answered, not" + " applied again"
    },
    {"initiated_at", "Initiation timestamp (ISO 8601)"},
    {"completed_at", "Completion timestamp (ISO 8601)"},
    {"loan_id", "Optional: the contract's loan_id, for exact matching"},
    {"invoice_number", "Optional: the invoice number, for exact matching"},
  };

  private PaygDocs() {}

  /** The public tier: summaries, field mapping, redacted examples. */
  static ObjectNode publicTier(String baseUrl) {
    final ObjectNode docs = common(baseUrl, "public");
    final ObjectNode examples = docs.putObject("examples");
    examples.put("list_contracts_request", String.format(CURL_EXAMPLE, baseUrl));
    examples.set("list_contracts_response", listExample(baseUrl, redactedContract()));
    docs.put(
        "more",
        "Send a valid key (Authorization: Bearer {your_api_key}) for full examples, filters and"
            + " status detail.");
    return docs;
  }

  /**
   * The signed-in tier; {@code firstContract} is the caller's own first contract (newest), or null
   * when it has none and the static example stands in.
   */
  static ObjectNode signedInTier(String baseUrl, @Nullable Contract firstContract) {
    final ObjectNode docs = common(baseUrl, "signed_in");
    final ObjectNode examples = docs.putObject("examples");
    examples.put("list_contracts_request", String.format(CURL_EXAMPLE, baseUrl));
    examples.put("contract_example_source", firstContract == null ? "static" : "your_contracts");
    examples.set(
        "list_contracts_response",
        listExample(
            baseUrl, PaygJson.contract(firstContract == null ? sampleContract() : firstContract)));
    examples.set("billing_period", PaygJson.billingPeriod(sampleBillingPeriod()));
    examples.set("invoice", PaygJson.invoice(sampleInvoice()));
    examples.set("payment", PaygJson.payment(samplePayment()));
    docs.set("filters", filters());
    docs.set("status_detail", statusDetail());
    docs.set("webhook", webhook());
    return docs;
  }

  private static ObjectNode common(String baseUrl, String tier) {
    final ObjectNode docs = PaygJson.NODES.objectNode();
    docs.put("title", "Furrow pay-as-you-go LMS API");
    docs.put("access", tier);
    docs.put("base_url", baseUrl + "/payg/lms/");
    docs.put("authentication", "Authorization: Bearer {your_api_key}");
    final ArrayNode endpoints = docs.putArray("endpoints");
    for (String[] e : ENDPOINTS) {
      endpoints
          .addObject()
          .put("resource", e[0])
          .put("method", e[1])
          .put("path", e[2])
          .put("summary", e[3]);
    }
    docs.put(
        "lists",
        "Lists answer {\"count\", \"next\", \"previous\", \"results\"}; next and previous are"
            + " absolute URLs keeping the other query parameters. Paths work with or without a"
            + " trailing slash.");
    final ArrayNode mapping = docs.putArray("field_mapping");
    for (String[] m : FIELD_MAPPING) {
      mapping.addObject().put("report_field", m[0]).put("api_field", m[1]);
    }
    final ArrayNode statuses = docs.putArray("contract_statuses");
    statuses.add("CURRENT").add("DELINQUENT").add("CLOSED");
    final ArrayNode webhookFields = docs.putArray("payment_confirmation_fields");
    for (String[] f : WEBHOOK_FIELDS) {
      webhookFields.addObject().put("field", f[0]).put("description", f[1]);
    }
    return docs;
  }

  private static ObjectNode listExample(String baseUrl, ObjectNode contract) {
    final ObjectNode response = PaygJson.NODES.objectNode();
    response.put("count", 42);
    response.put(
        "next", baseUrl + "/payg/lms/contracts?funding_source=boa&limit=25&page=2&status=CURRENT");
    response.putNull("previous");
    response.putArray("results").add(contract);
    return response;
  }

  /** The reference's redacted example, in this API's shape. */
  static ObjectNode redactedContract() {
    final ObjectNode c = PaygJson.contract(sampleContract());
    c.put("loan_id", "LOAN-***");
    c.put("name", "Operator ***");
    c.put("loaner", "Customer ***");
    c.put("tractor_id", "TR-***");
    return c;
  }

  private static Contract sampleContract() {
    return Contract.newBuilder()
        .setId(1001)
        .setLoanId("LOAN-2025-0042")
        .setName("Musa Ibrahim")
        .setLoaner("Kano Agro Services")
        .setFundingSource("boa")
        .setTractorId("TR-0042")
        .setStatus("CURRENT")
        .setEquipmentCost("1500000.00")
        .setPrincipalAmount("300000.00")
        .setRemainingContractValue("850000.00")
        .setTotalRepaymentAmount("2000000.00")
        .setCurrency("NGN")
        .setLoanStartDate("2025-01-15")
        .setLoanEndDate("2027-01-15")
        .setUsdSnapshot("1200.00")
        .setRepaymentPerHectare("45000.00")
        .setCreatedAt(ts("2025-01-15T09:30:00Z"))
        .build();
  }

  private static BillingLine line(String kind, String week, String hectares, String amount) {
    return BillingLine.newBuilder()
        .setKind(kind)
        .setSourceWeekStart(week)
        .setHectares(hectares)
        .setAmount(amount)
        .setDescription(
            kind.equals("usage")
                ? "Hectares worked in the week"
                : "Late usage of the week of " + week)
        .build();
  }

  private static BillingPeriod sampleBillingPeriod() {
    return BillingPeriod.newBuilder()
        .setId(5012)
        .setContract(1001)
        .setLoanId("LOAN-2025-0042")
        .setFundingSource("boa")
        .setTractorId("TR-0042")
        .setIsoWeek("2026-W46")
        .setPeriodStart("2026-11-09")
        .setPeriodEnd("2026-11-15")
        .setStatus("partially_paid")
        .setHectares("7.5000")
        .setAdjustmentHectares("0.5000")
        .setRatePerHectare("45000.00")
        .setCurrency("NGN")
        .setAmountDue("360000.00")
        .setAmountPaid("200000.00")
        .setAmountOutstanding("160000.00")
        .setInvoice(3007)
        .setInvoiceNumber("INV-2026-003007")
        .setDueDate("2026-11-23")
        .setIssuedAt(ts("2026-11-16T00:05:00Z"))
        .addLines(line("usage", "2026-11-09", "7.5000", "337500.00"))
        .addLines(line("adjustment", "2026-11-02", "0.5000", "22500.00"))
        .setCreatedAt(ts("2026-11-09T08:12:44Z"))
        .setUpdatedAt(ts("2026-11-18T14:03:10Z"))
        .build();
  }

  private static Invoice sampleInvoice() {
    final BillingPeriod p = sampleBillingPeriod();
    return Invoice.newBuilder()
        .setId(p.getInvoice())
        .setNumber(p.getInvoiceNumber())
        .setBillingPeriod(p.getId())
        .setContract(p.getContract())
        .setLoanId(p.getLoanId())
        .setFundingSource(p.getFundingSource())
        .setStatus(p.getStatus())
        .setCurrency(p.getCurrency())
        .setAmountDue(p.getAmountDue())
        .setAmountPaid(p.getAmountPaid())
        .setAmountOutstanding(p.getAmountOutstanding())
        .setIssueDate("2026-11-16")
        .setDueDate(p.getDueDate())
        .setIsoWeek(p.getIsoWeek())
        .addAllLines(p.getLinesList())
        .setCreatedAt(p.getIssuedAt())
        .setUpdatedAt(p.getUpdatedAt())
        .build();
  }

  private static Payment samplePayment() {
    return Payment.newBuilder()
        .setId(880)
        .setTransactionCode("BOA-TX-20261118-0091")
        .setCustomerName("Kano Agro Services")
        .setAmountPaid("200000.00")
        .setCurrency("NGN")
        .setInitiatedAt(ts("2026-11-18T13:58:02Z"))
        .setCompletedAt(ts("2026-11-18T14:01:40Z"))
        .setReceivedAt(ts("2026-11-18T14:03:10Z"))
        .setStatus("applied")
        .setMatchMethod("loan_id")
        .setContract(1001)
        .setLoanId("LOAN-2025-0042")
        .setFundingSource("boa")
        .setLoanTransaction("5b0f7c9e-3d2a-4e8b-9a41-0c6d2f1e7a55")
        .addAllocations(
            PaymentAllocation.newBuilder()
                .setInvoice(3007)
                .setInvoiceNumber("INV-2026-003007")
                .setBillingPeriod(5012)
                .setAmount("200000.00")
                .setInvoiceOutstandingAfter("160000.00"))
        .setUnappliedAmount("0.00")
        .setRemainingContractValueAfter("850000.00")
        .setAppliedAt(ts("2026-11-18T14:03:10Z"))
        .setRequestedLoanId("LOAN-2025-0042")
        .build();
  }

  private static ObjectNode filters() {
    final ObjectNode filters = PaygJson.NODES.objectNode();
    final ObjectNode paging = filters.putObject("every_list");
    paging.put("page", "Page number from 1 (default 1).");
    paging.put("limit", "Results per page (default 25, at most 100).");
    paging.put("search", "Free-text search, case-insensitive substring.");
    paging.put("searchby", "One searchable field (below); default: every searchable field.");
    paging.put("ordering", "Sort field, prefix - for descending.");
    paging.put("other", "Parameters a list does not know are ignored.");
    resource(
        filters,
        "contracts",
        new String[][] {
          {"currency", "Contract currency code, e.g. NGN."},
          {"status", "CURRENT, DELINQUENT or CLOSED."},
          {"funding_source", "Funding program code, e.g. boa."},
        },
        "loan_id, name, loaner, tractor_id",
        "created_at, loan_start_date, loan_end_date, remaining_contract_value,"
            + " total_repayment_amount, equipment_cost, loan_id, name, loaner, id (default"
            + " -created_at)");
    final String[][] periodFilters = {
      {"contract", "Contract id."},
      {"status", "draft, issued, partially_paid, payment_complete or overdue."},
      {"funding_source", "Funding program code."},
      {"date_from", "ISO date; periods whose week ends on or after it."},
      {"date_to", "ISO date; periods whose week starts on or before it."},
    };
    resource(
        filters,
        "billing-periods",
        periodFilters,
        "loan_id, tractor_id, iso_week",
        "week_start, created_at, amount_due (default -week_start)");
    resource(
        filters,
        "invoices",
        new String[][] {
          {"contract", "Contract id."},
          {"status", "issued, partially_paid, payment_complete or overdue."},
          {"funding_source", "Funding program code."},
          {"date_from", "ISO date; issued on or after it."},
          {"date_to", "ISO date; issued on or before it."},
          {"number", "Invoice number, exactly."},
        },
        "number, loan_id",
        "issue_date, due_date, created_at, amount_due (default -issue_date)");
    resource(
        filters,
        "payments",
        new String[][] {
          {"contract", "Contract id."},
          {"status", "applied or unmatched."},
          {"funding_source", "Funding program code."},
          {"date_from", "ISO date; completed (UTC) on or after it."},
          {"date_to", "ISO date; completed (UTC) on or before it."},
        },
        "transaction_code, customer_name, loan_id",
        "completed_at, received_at, amount_paid (default -completed_at)");
    return filters;
  }

  private static void resource(
      ObjectNode filters, String name, String[][] params, String searchby, String ordering) {
    final ObjectNode r = filters.putObject(name);
    final ObjectNode f = r.putObject("filters");
    for (String[] p : params) {
      f.put(p[0], p[1]);
    }
    r.put("searchby", searchby);
    r.put("ordering", ordering);
  }

  private static ObjectNode statusDetail() {
    final ObjectNode detail = PaygJson.NODES.objectNode();
    final ObjectNode contract = detail.putObject("contract");
    contract.put("CURRENT", "Open, and no invoice is past its due date plus the tolerance.");
    contract.put(
        "DELINQUENT",
        "The loan is in arrears or default, or an unpaid invoice is past its due date plus the"
            + " contract's delinquency tolerance (default 7 days).");
    contract.put("CLOSED", "The loan is paid off or closed.");
    final ObjectNode period = detail.putObject("billing_period");
    period.put("draft", "The week is still open; amount_due is the running amount.");
    period.put("issued", "The week closed and its invoice was issued; nothing paid yet.");
    period.put("partially_paid", "Part of the amount due is paid.");
    period.put("payment_complete", "Paid in full.");
    period.put("overdue", "Past its due date and not paid in full.");
    final ObjectNode payment = detail.putObject("payment");
    payment.put("applied", "Matched to a contract and applied to its invoices and balance.");
    payment.put("unmatched", "Kept with unmatched_reason until an operator assigns it.");
    return detail;
  }

  private static ObjectNode webhook() {
    final ObjectNode w = PaygJson.NODES.objectNode();
    w.put("method", "POST");
    w.put("path", "/payg/lms/webhooks/payment-confirmation");
    final ObjectNode headers = w.putObject("headers");
    headers.put("Authorization", "Bearer {your_api_key}");
    headers.put("X-Furrow-Timestamp", "Unix time in seconds");
    headers.put(
        "X-Furrow-Signature",
        "sha256=<lowercase hex HMAC-SHA256(webhook secret, \"<timestamp>.<raw body>\")>");
    w.put("tolerance_seconds", 300);
    w.put(
        "responses",
        "201 with the payment for a new report (applied or unmatched); 200 with the same payment"
            + " for a redelivery; 409 for a reused transaction_code with different fields; 401"
            + " for a bad key, signature or stale timestamp; 400 for a bad field; 413 over 64 KiB.");
    w.put(
        "sign_with_openssl",
        "TS=$(date +%s); SIG=$(printf '%s.%s' \"$TS\" \"$BODY\" | openssl dgst -sha256 -hmac"
            + " \"$SECRET\" | sed 's/^.* //')");
    return w;
  }

  private static Timestamp ts(String iso) {
    final Instant instant = Instant.parse(iso);
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
  }
}
