package dev.furrow.core.billing;

import dev.furrow.core.billing.BillingRepository.PeriodRow;
import dev.furrow.core.error.NotFoundException;
import dev.furrow.core.payg.PaygFilter;
import dev.furrow.core.payg.PaygListSpec;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.query.PartnerLists;
import dev.furrow.core.query.PartnerPage;
import java.util.List;
import java.util.Map;

/**
 * The partner-facing reads of weekly billing: billing periods and invoices of the contracts whose
 * funding source the partner is entitled to, anything else NOT_FOUND. A draft shows what its week
 * would bill if it closed now.
 */
public final class BillingDesk {
  private static final List<String> PERIOD_STATUSES =
      List.of("draft", "issued", "partially_paid", "payment_complete", "overdue");

  /** The whitelist of GET /payg/lms/billing-periods. */
  public static final PaygListSpec PERIODS =
      PaygListSpec.builder()
          .searchable("loan_id", "c.loan_id")
          .searchable("tractor_id", "c.tractor_id")
          .searchable("iso_week", "bp.iso_week")
          .orderable("week_start", "bp.week_start")
          .orderable("created_at", "bp.created_at")
          .orderable("amount_due", "bp.amount_due")
          .id("contract", "bp.contract_id")
          .choice("status", "bp.status", PERIOD_STATUSES)
          .text("funding_source", "c.funding_source")
          // A period matches a date range its week overlaps.
          .filter(new PaygFilter("date_from", "bp.week_end", PaygFilter.Kind.DATE_FROM, List.of()))
          .filter(new PaygFilter("date_to", "bp.week_start", PaygFilter.Kind.DATE_TO, List.of()))
          .tiebreaker("bp.id")
          .defaultOrdering("-week_start")
          .build();

  /** The whitelist of GET /payg/lms/invoices. */
  public static final PaygListSpec INVOICES =
      PaygListSpec.builder()
          .searchable("number", "i.number")
          .searchable("loan_id", "c.loan_id")
          .orderable("issue_date", "i.issue_date")
          .orderable("due_date", "i.due_date")
          .orderable("created_at", "i.created_at")
          .orderable("amount_due", "i.amount_due")
          .id("contract", "i.contract_id")
          .choice("status", "i.status", PERIOD_STATUSES.subList(1, PERIOD_STATUSES.size()))
          .text("funding_source", "c.funding_source")
          .dateRange("date_from", "date_to", "i.issue_date")
          .text("number", "i.number")
          .tiebreaker("i.id")
          .defaultOrdering("-issue_date")
          .build();

  private final BillingRepository repository;
  private final BillingPolicy policy;

  public BillingDesk(BillingRepository repository, BillingPolicy policy) {
    this.repository = repository;
    this.policy = policy;
  }

  /** A page of the partner's billing periods. */
  public PartnerPage<PeriodView> periods(long partnerId, PaygQuery query) {
    PartnerPage<PeriodRow> page =
        PartnerLists.fetch(
            repository.jdbi(),
            partnerId,
            query.compiled(),
            BillingRepository.PERIOD_COLUMNS,
            BillingRepository.PERIOD_FROM,
            (rs, ctx) -> BillingRepository.periodRow(rs));
    Map<Long, List<PeriodLine>> lines =
        repository.linesOf(page.results().stream().map(r -> r.stored().id()).toList());
    return new PartnerPage<>(
        page.count(),
        page.results().stream()
            .map(r -> present(r, lines.getOrDefault(r.stored().id(), List.of())))
            .toList());
  }

  /** One of the partner's billing periods by the id as sent. */
  public PeriodView period(long partnerId, String id) {
    PeriodRow row = repository.period(partnerId, parseId(id)).orElseThrow(BillingDesk::notFound);
    return present(
        row,
        repository.linesOf(List.of(row.stored().id())).getOrDefault(row.stored().id(), List.of()));
  }

  /** A page of the partner's invoices. */
  public PartnerPage<InvoiceView> invoices(long partnerId, PaygQuery query) {
    PartnerPage<InvoiceView> page =
        PartnerLists.fetch(
            repository.jdbi(),
            partnerId,
            query.compiled(),
            BillingRepository.INVOICE_COLUMNS,
            BillingRepository.INVOICE_FROM,
            (rs, ctx) -> BillingRepository.invoiceRow(rs));
    Map<Long, List<PeriodLine>> lines =
        repository.linesOf(page.results().stream().map(InvoiceView::periodId).toList());
    return new PartnerPage<>(
        page.count(),
        page.results().stream()
            .map(i -> i.withLines(lines.getOrDefault(i.periodId(), List.of())))
            .toList());
  }

  /** One of the partner's invoices by the id as sent. */
  public InvoiceView invoice(long partnerId, String id) {
    InvoiceView invoice =
        repository.invoice(partnerId, parseId(id)).orElseThrow(BillingDesk::notFound);
    return invoice.withLines(
        repository
            .linesOf(List.of(invoice.periodId()))
            .getOrDefault(invoice.periodId(), List.of()));
  }

  /** Unbilled usage for the operator, oldest first. */
  public List<UnbilledUsage> unbilled(String tractorId, int limit) {
    return repository.unbilled(tractorId, limit);
  }

  private PeriodView present(PeriodRow row, List<PeriodLine> lines) {
    PeriodView p = row.stored();
    if (p.status() != PeriodStatus.DRAFT) {
      return p.shown(p.amountDue(), lines);
    }
    BillingPolicy.Bill running =
        policy.bill(
            p.week(),
            lines,
            p.ratePerHectare(),
            row.minimumWeeklyPayment(),
            policy.minimumApplies(
                p.week(), row.contractOpen(), row.loanStartDate(), row.loanEndDate()),
            p.currency());
    return p.shown(running.amountDue(), running.lines());
  }

  /** Ids arrive as text; anything that is not a positive whole number cannot name a row. */
  private static long parseId(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      throw notFound();
    }
    return Long.parseLong(id);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Not found.");
  }
}
