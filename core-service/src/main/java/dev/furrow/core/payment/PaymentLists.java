package dev.furrow.core.payment;

import dev.furrow.core.payg.PaygListSpec;
import java.util.List;

/** The whitelist of {@code GET /payg/lms/payments}: what can be searched, sorted and filtered. */
public final class PaymentLists {
  private PaymentLists() {}

  /**
   * Search transaction_code, customer_name, loan_id; order by completed_at, received_at,
   * amount_paid (default newest completion first); filter by contract, funding_source, status and
   * the UTC date of completed_at (date_from / date_to, inclusive).
   */
  public static final PaygListSpec SPEC =
      PaygListSpec.builder()
          .searchable("transaction_code", "p.transaction_code")
          .searchable("customer_name", "p.customer_name")
          .searchable("loan_id", "coalesce(c.loan_id, '')")
          .orderable("completed_at", "p.completed_at")
          .orderable("received_at", "p.received_at")
          .orderable("amount_paid", "p.amount_paid")
          .id("contract", "p.contract_id")
          .text("funding_source", "c.funding_source")
          .choice("status", "p.status", List.of("applied", "unmatched"))
          .instantRange("date_from", "date_to", "p.completed_at")
          .tiebreaker("p.id")
          .defaultOrdering("-completed_at")
          .build();
}
