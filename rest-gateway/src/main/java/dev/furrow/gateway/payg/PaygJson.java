package dev.furrow.gateway.payg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Timestamp;
import dev.furrow.proto.payg.v1.BillingLine;
import dev.furrow.proto.payg.v1.BillingPeriod;
import dev.furrow.proto.payg.v1.Contract;
import dev.furrow.proto.payg.v1.Invoice;
import dev.furrow.proto.payg.v1.Payment;
import dev.furrow.proto.payg.v1.PaymentAllocation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of the PAYG resources, field by field in the documented order (docs/rest-api.md): ids
 * are JSON integers, money and hectares the core's decimal strings (never parsed), dates ISO 8601,
 * timestamps RFC 3339 in UTC ({@code 2026-11-20T10:15:30Z}, or six fraction digits when there is a
 * fraction). A value the core leaves empty because it does not apply yet (a draft's invoice, an
 * unmatched payment's contract) is {@code null}.
 */
final class PaygJson {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private PaygJson() {}

  /**
   * A contract: the reference's model in its order (with {@code principal_amount}, the down
   * payment, after {@code equipment_cost}), then {@code created_at}, then {@code
   * usd_snapshot_unavailable} only when {@code usd_snapshot} is null.
   */
  static ObjectNode contract(Contract c) {
    final ObjectNode o = NODES.objectNode();
    o.put("id", c.getId());
    o.put("loan_id", c.getLoanId());
    o.put("name", c.getName());
    o.put("loaner", c.getLoaner());
    o.put("funding_source", c.getFundingSource());
    o.put("tractor_id", c.getTractorId());
    o.put("status", c.getStatus());
    o.put("equipment_cost", c.getEquipmentCost());
    o.put("principal_amount", c.getPrincipalAmount());
    o.put("remaining_contract_value", c.getRemainingContractValue());
    o.put("total_repayment_amount", c.getTotalRepaymentAmount());
    o.put("currency", c.getCurrency());
    o.put("loan_start_date", c.getLoanStartDate());
    o.put("loan_end_date", c.getLoanEndDate());
    o.put("usd_snapshot", orNull(c.getUsdSnapshot()));
    o.put("repayment_per_hectare", c.getRepaymentPerHectare());
    o.put("created_at", timestampOrNull(c.hasCreatedAt(), c.getCreatedAt()));
    if (c.getUsdSnapshot().isEmpty()) {
      o.put(
          "usd_snapshot_unavailable",
          c.getUsdSnapshotUnavailable().isEmpty()
              ? "No USD rate is known for " + c.getCurrency() + "."
              : c.getUsdSnapshotUnavailable());
    }
    return o;
  }

  /** A weekly billing period with its lines. */
  static ObjectNode billingPeriod(BillingPeriod p) {
    final ObjectNode o = NODES.objectNode();
    o.put("id", p.getId());
    o.put("contract", p.getContract());
    o.put("loan_id", p.getLoanId());
    o.put("funding_source", p.getFundingSource());
    o.put("tractor_id", p.getTractorId());
    o.put("iso_week", p.getIsoWeek());
    o.put("period_start", p.getPeriodStart());
    o.put("period_end", p.getPeriodEnd());
    o.put("status", p.getStatus());
    o.put("hectares", p.getHectares());
    o.put("adjustment_hectares", p.getAdjustmentHectares());
    o.put("rate_per_hectare", p.getRatePerHectare());
    o.put("currency", p.getCurrency());
    o.put("amount_due", p.getAmountDue());
    o.put("amount_paid", p.getAmountPaid());
    o.put("amount_outstanding", p.getAmountOutstanding());
    o.put("invoice", p.getInvoice() == 0 ? null : p.getInvoice());
    o.put("invoice_number", orNull(p.getInvoiceNumber()));
    o.put("due_date", orNull(p.getDueDate()));
    o.put("issued_at", timestampOrNull(p.hasIssuedAt(), p.getIssuedAt()));
    o.set("lines", lines(p.getLinesList()));
    o.put("created_at", timestampOrNull(p.hasCreatedAt(), p.getCreatedAt()));
    o.put("updated_at", timestampOrNull(p.hasUpdatedAt(), p.getUpdatedAt()));
    return o;
  }

  /** An invoice (an issued billing period) with its lines. */
  static ObjectNode invoice(Invoice i) {
    final ObjectNode o = NODES.objectNode();
    o.put("id", i.getId());
    o.put("number", i.getNumber());
    o.put("billing_period", i.getBillingPeriod());
    o.put("contract", i.getContract());
    o.put("loan_id", i.getLoanId());
    o.put("funding_source", i.getFundingSource());
    o.put("status", i.getStatus());
    o.put("currency", i.getCurrency());
    o.put("amount_due", i.getAmountDue());
    o.put("amount_paid", i.getAmountPaid());
    o.put("amount_outstanding", i.getAmountOutstanding());
    o.put("issue_date", i.getIssueDate());
    o.put("due_date", i.getDueDate());
    o.put("iso_week", i.getIsoWeek());
    o.set("lines", lines(i.getLinesList()));
    o.put("created_at", timestampOrNull(i.hasCreatedAt(), i.getCreatedAt()));
    o.put("updated_at", timestampOrNull(i.hasUpdatedAt(), i.getUpdatedAt()));
    return o;
  }

  /** A confirmed payment and where it went. */
  static ObjectNode payment(Payment p) {
    final ObjectNode o = NODES.objectNode();
    o.put("id", p.getId());
    o.put("transaction_code", p.getTransactionCode());
    o.put("customer_name", p.getCustomerName());
    o.put("amount_paid", p.getAmountPaid());
    o.put("currency", orNull(p.getCurrency()));
    o.put("initiated_at", timestampOrNull(p.hasInitiatedAt(), p.getInitiatedAt()));
    o.put("completed_at", timestampOrNull(p.hasCompletedAt(), p.getCompletedAt()));
    o.put("received_at", timestampOrNull(p.hasReceivedAt(), p.getReceivedAt()));
    o.put("status", p.getStatus());
    o.put("match_method", orNull(p.getMatchMethod()));
    o.put("unmatched_reason", orNull(p.getUnmatchedReason()));
    o.put("contract", p.getContract() == 0 ? null : p.getContract());
    o.put("loan_id", orNull(p.getLoanId()));
    o.put("funding_source", orNull(p.getFundingSource()));
    o.put("loan_transaction", orNull(p.getLoanTransaction()));
    final ArrayNode allocations = NODES.arrayNode();
    for (PaymentAllocation a : p.getAllocationsList()) {
      allocations.add(allocation(a));
    }
    o.set("allocations", allocations);
    o.put("unapplied_amount", orNull(p.getUnappliedAmount()));
    o.put("remaining_contract_value_after", orNull(p.getRemainingContractValueAfter()));
    o.put("applied_at", timestampOrNull(p.hasAppliedAt(), p.getAppliedAt()));
    o.put("requested_loan_id", orNull(p.getRequestedLoanId()));
    o.put("requested_invoice_number", orNull(p.getRequestedInvoiceNumber()));
    return o;
  }

  private static ObjectNode allocation(PaymentAllocation a) {
    final ObjectNode o = NODES.objectNode();
    o.put("invoice", a.getInvoice() == 0 ? null : a.getInvoice());
    o.put("invoice_number", orNull(a.getInvoiceNumber()));
    o.put("billing_period", a.getBillingPeriod() == 0 ? null : a.getBillingPeriod());
    o.put("amount", a.getAmount());
    o.put("invoice_outstanding_after", orNull(a.getInvoiceOutstandingAfter()));
    return o;
  }

  private static ArrayNode lines(List<BillingLine> lines) {
    final ArrayNode array = NODES.arrayNode();
    for (BillingLine line : lines) {
      final ObjectNode o = NODES.objectNode();
      o.put("kind", line.getKind());
      o.put("source_week_start", line.getSourceWeekStart());
      o.put("hectares", line.getHectares());
      o.put("amount", line.getAmount());
      o.put("description", line.getDescription());
      array.add(o);
    }
    return array;
  }

  /**
   * The timestamp, or null when unset; the epoch itself counts as unset, because some core messages
   * fill an absent time with the default {@code Timestamp} (no PAYG time is 1970).
   */
  static String timestampOrNull(boolean present, Timestamp timestamp) {
    if (!present || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
      return null;
    }
    return timestamp(timestamp);
  }

  /** RFC 3339 in UTC: whole seconds, or six fraction digits (PostgreSQL's precision). */
  static String timestamp(Timestamp timestamp) {
    final OffsetDateTime time =
        Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos())
            .atOffset(ZoneOffset.UTC);
    final StringBuilder text = new StringBuilder(32).append(SECONDS.format(time));
    final int micros = time.getNano() / 1000;
    if (micros != 0) {
      text.append('.').append(String.format(Locale.ROOT, "%06d", micros));
    }
    return text.append('Z').toString();
  }

  private static String orNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
