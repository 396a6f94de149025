package dev.furrow.core.contract;

import dev.furrow.core.payg.PaygListSpec;
import dev.furrow.core.payg.PaygLists;
import dev.furrow.core.payg.PaygQuery;
import dev.furrow.core.query.PartnerPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL of contracts, funding sources and entitlements. */
public final class ContractRepository {
  /** The whitelist of GET /payg/lms/contracts. */
  public static final PaygListSpec LIST =
      PaygListSpec.builder()
          .searchable("loan_id", "c.loan_id")
          .searchable("name", "c.name")
          .searchable("loaner", "c.loaner")
          .searchable("tractor_id", "c.tractor_id")
          .orderable("created_at", "c.created_at")
          .orderable("loan_start_date", "c.loan_start_date")
          .orderable("loan_end_date", "c.loan_end_date")
          .orderable("remaining_contract_value", "c.remaining_contract_value")
          .orderable("total_repayment_amount", "c.total_repayment_amount")
          .orderable("equipment_cost", "c.equipment_cost")
          .orderable("loan_id", "c.loan_id")
          .orderable("name", "c.name")
          .orderable("loaner", "c.loaner")
          .orderable("id", "c.id")
          .choice("status", "c.status", List.of("CURRENT", "DELINQUENT", "CLOSED"))
          .text("currency", "c.currency")
          .text("funding_source", "c.funding_source")
          .tiebreaker("c.id")
          .defaultOrdering("-created_at")
          .build();

  static final String COLUMNS =
      "c.id, c.loan_id, c.loan_account_id, c.partner_id, c.funding_source, c.tractor_id, c.name,"
          + " c.loaner, c.status, c.equipment_cost, c.principal_amount,"
          + " c.total_repayment_amount, c.remaining_contract_value, c.credit_balance,"
          + " c.repayment_per_hectare, c.minimum_weekly_payment, c.currency, c.time_zone,"
          + " c.loan_start_date, c.loan_end_date, c.invoice_due_days,"
          + " c.delinquency_tolerance_days, c.created_at";

  /** Contracts the partner (bound as {@code :partner}) is entitled to see. */
  static final String VISIBLE =
      " FROM contract c WHERE EXISTS (SELECT 1 FROM funding_source_entitlement e"
          + " WHERE e.partner_id = :partner AND e.funding_source = c.funding_source)";

  static final RowMapper<Contract> CONTRACT =
      (rs, ctx) ->
          new Contract(
              rs.getLong("id"),
              rs.getString("loan_id"),
              rs.getObject("loan_account_id", UUID.class),
              rs.getLong("partner_id"),
              rs.getString("funding_source"),
              rs.getString("tractor_id"),
              rs.getString("name"),
              rs.getString("loaner"),
              ContractStatus.valueOf(rs.getString("status")),
              rs.getBigDecimal("equipment_cost"),
              rs.getBigDecimal("principal_amount"),
              rs.getBigDecimal("total_repayment_amount"),
              rs.getBigDecimal("remaining_contract_value"),
              rs.getBigDecimal("credit_balance"),
              rs.getBigDecimal("repayment_per_hectare"),
              rs.getBigDecimal("minimum_weekly_payment"),
              rs.getString("currency"),
              rs.getString("time_zone"),
              rs.getObject("loan_start_date", java.time.LocalDate.class),
              rs.getObject("loan_end_date", java.time.LocalDate.class),
              rs.getInt("invoice_due_days"),
              rs.getInt("delinquency_tolerance_days"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant());

  private final Jdbi jdbi;

  public ContractRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** One page of the contracts the partner may see, and the count of all matches. */
  public PartnerPage<Contract> list(long partnerId, PaygQuery query) {
    if (!query.searching()) {
      return PaygLists.fetch(jdbi, partnerId, query, COLUMNS, VISIBLE, CONTRACT);
    }
    // A search matches few rows: one statement finds them (trigram index), counts them with a
    // window over all matches and returns the ordered page, so the index is read once, not once
    // for the page and again for the count. A page past the end carries no row to read the count
    // from; then the count is its own statement (the page is empty in any snapshot it could read).
    return jdbi.withHandle(
        h -> {
          long[] total = {-1};
          List<Contract> page =
              query
                  .bind(h.createQuery(searchedPageSql(query)))
                  .bind("partner", partnerId)
                  .bind("limit", query.limit())
                  .bind("offset", query.offset())
                  .map(
                      (rs, ctx) -> {
                        total[0] = rs.getLong("total_count");
                        return CONTRACT.map(rs, ctx);
                      })
                  .list();
          long count = total[0];
          if (count < 0) {
            count =
                query.offset() == 0
                    ? 0
                    : query
                        .bind(h.createQuery(searchedCountSql(query)))
                        .bind("partner", partnerId)
                        .mapTo(Long.class)
                        .one();
          }
          return new PartnerPage<>(count, page);
        });
  }

  /**
   * The page statement of a searched list, with {@code total_count} (all matches) on every row. The
   * matches are found first and ordered after (the {@code OFFSET 0} fence): without it the planner
   * may walk the ordering index and test every row against the search, a scan of the whole funding
   * source when the term matches few rows. Binds {@code :partner}, {@code :limit}, {@code :offset}
   * and the query's own parameters.
   */
  public static String searchedPageSql(PaygQuery query) {
    return "SELECT c.*, count(*) OVER () AS total_count FROM (SELECT "
        + COLUMNS
        + VISIBLE
        + " AND ("
        + query.where()
        + ") OFFSET 0) c ORDER BY "
        + query.orderBy()
        + " LIMIT :limit OFFSET :offset";
  }

  /** The count of a searched list, for a page past its end. */
  public static String searchedCountSql(PaygQuery query) {
    return "SELECT count(*)" + VISIBLE + " AND (" + query.where() + ")";
  }

  /** A contract the partner may see. */
  public Optional<Contract> findVisible(long partnerId, long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + VISIBLE + " AND c.id = :id")
                .bind("partner", partnerId)
                .bind("id", id)
                .map(CONTRACT)
                .findOne());
  }

  /** Serializes creates of one loan_id until the end of {@code h}'s transaction. */
  void lockLoanId(Handle h, String loanId) {
    h.createQuery("SELECT pg_advisory_xact_lock(hashtextextended('contract:' || :loanId, 0))")
        .bind("loanId", loanId)
        .mapTo(String.class)
        .one();
  }

  Optional<Contract> findByLoanId(Handle h, String loanId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM contract c WHERE c.loan_id = :loanId")
        .bind("loanId", loanId)
        .map(CONTRACT)
        .findOne();
  }

  boolean partnerExists(Handle h, long partnerId) {
    return h.createQuery("SELECT EXISTS (SELECT 1 FROM partner WHERE id = :id)")
        .bind("id", partnerId)
        .mapTo(Boolean.class)
        .one();
  }

  boolean fundingSourceExists(Handle h, String code) {
    return h.createQuery("SELECT EXISTS (SELECT 1 FROM funding_source WHERE code = :code)")
        .bind("code", code)
        .mapTo(Boolean.class)
        .one();
  }

  /** The partner owning the tractor, if it is registered. */
  Optional<Long> tractorPartner(Handle h, String tractorId) {
    return h.createQuery("SELECT partner_id FROM tractor WHERE tractor_id = :t")
        .bind("t", tractorId)
        .mapTo(Long.class)
        .findOne();
  }

  /** The open contract (not CLOSED) on a tractor, locked, if any. */
  Optional<String> openContractOn(Handle h, String tractorId) {
    return h.createQuery(
            "SELECT loan_id FROM contract WHERE tractor_id = :t AND status <> 'CLOSED' FOR UPDATE")
        .bind("t", tractorId)
        .mapTo(String.class)
        .findOne();
  }

  /** The partner's published pay-as-you-go product for contracts in {@code currency}. */
  Optional<UUID> contractProduct(Handle h, long partnerId, String currency, String name) {
    return h.createQuery(
            "SELECT id FROM product WHERE partner_id = :partner AND type = 'pay_as_you_go'"
                + " AND currency = :currency AND name = :name AND published_at IS NOT NULL"
                + " ORDER BY created_at, id LIMIT 1")
        .bind("partner", partnerId)
        .bind("currency", currency)
        .bind("name", name)
        .mapTo(UUID.class)
        .findOne();
  }

  /**
   * An accepted application for the contract's financed amount at 0%: the operator's CreateContract
   * is the underwriting decision, recorded as the reason.
   */
  UUID insertAcceptedApplication(
      Handle h,
      long partnerId,
      UUID productId,
      UUID endUserId,
      BigDecimal amount,
      String loanId,
      Instant now) {
    return h.createQuery(
            "INSERT INTO application (partner_id, product_id, end_user_id, status, amount, rate,"
                + " reason, processing_finished_at, created_at, updated_at)"
                + " VALUES (:partner, :product, :endUser, 'accepted', :amount, 0, :reason, :now,"
                + " :now, :now) RETURNING id")
        .bind("partner", partnerId)
        .bind("product", productId)
        .bind("endUser", endUserId)
        .bind("amount", amount)
        .bind("reason", "Accepted by the operator for pay-as-you-go contract " + loanId + ".")
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .mapTo(UUID.class)
        .one();
  }

  /** principal + interest + fee of the loan account. */
  BigDecimal loanOutstanding(Handle h, UUID loanId) {
    return h.createQuery("SELECT principal + interest + fee FROM loan WHERE id = :id")
        .bind("id", loanId)
        .mapTo(BigDecimal.class)
        .one();
  }

  Contract insert(Handle h, ContractTerms t, UUID loanAccountId, Instant now) {
    return h.createQuery(
            "INSERT INTO contract AS c (loan_id, loan_account_id, partner_id, funding_source,"
                + " tractor_id, name, loaner, status, equipment_cost, principal_amount,"
                + " total_repayment_amount, remaining_contract_value, repayment_per_hectare,"
                + " minimum_weekly_payment, currency, time_zone, loan_start_date, loan_end_date,"
                + " invoice_due_days, delinquency_tolerance_days, created_at, updated_at)"
                + " VALUES (:loanId, :account, :partner, :source, :tractor, :name, :loaner,"
                + " 'CURRENT', :cost, :down, :total, :total, :rate, :minimum, :currency, :zone,"
                + " :start, :end, :dueDays, :tolerance, :now, :now) RETURNING "
                + COLUMNS)
        .bind("loanId", t.loanId())
        .bind("account", loanAccountId)
        .bind("partner", t.ownerPartnerId())
        .bind("source", t.fundingSource())
        .bind("tractor", t.tractorId())
        .bind("name", t.name())
        .bind("loaner", t.loaner())
        .bind("cost", t.equipmentCost())
        .bind("down", t.principalAmount())
        .bind("total", t.totalRepaymentAmount())
        .bind("rate", t.repaymentPerHectare())
        .bind("minimum", t.minimumWeeklyPayment())
        .bind("currency", t.currency())
        .bind("zone", t.timeZone())
        .bind("start", t.loanStartDate())
        .bind("end", t.loanEndDate())
        .bind("dueDays", t.invoiceDueDays())
        .bind("tolerance", t.delinquencyToleranceDays())
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .map(CONTRACT)
        .one();
  }

  /** Creates or renames a funding source. */
  public void upsertFundingSource(String code, String name) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO funding_source (code, name) VALUES (:code, :name)"
                        + " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name")
                .bind("code", code)
                .bind("name", name)
                .execute());
  }

  /** Entitles a partner to a funding source; false when the partner or source is unknown. */
  public boolean grant(long partnerId, String fundingSource) {
    return jdbi.inTransaction(
        h -> {
          if (!partnerExists(h, partnerId) || !fundingSourceExists(h, fundingSource)) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO funding_source_entitlement (partner_id, funding_source)"
                      + " VALUES (:partner, :source) ON CONFLICT DO NOTHING")
              .bind("partner", partnerId)
              .bind("source", fundingSource)
              .execute();
          return true;
        });
  }

  /** Whether the funding source exists (for error messages outside a transaction). */
  public boolean fundingSourceExists(String code) {
    return jdbi.withHandle(h -> fundingSourceExists(h, code));
  }

  /** Whether the partner exists. */
  public boolean partnerExists(long partnerId) {
    return jdbi.withHandle(h -> partnerExists(h, partnerId));
  }
}
