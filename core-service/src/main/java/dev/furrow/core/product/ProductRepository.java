package dev.furrow.core.product;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** SQL for products and their default fees; every statement is scoped to the owning partner. */
public final class ProductRepository {
  private static final String COLUMNS =
      "id, type, name, currency, max_loan_amount, default_loan_amount, max_interest_rate,"
          + " default_interest_rate, installments, default_grace_instalments,"
          + " principal_repayment_grace, arrears_tolerance, interest_calculation,"
          + " early_repayment_recalculation, repayment_holiday_scheduling,"
          + " calculate_interest_on_holidays, repayment_date_type, repayment_date_period,"
          + " custom_field, statement_day, repayment_due_day, minimum_payment_percent,"
          + " minimum_payment_amount, repayment_per_hectare, billing_due_days, published_at,"
          + " created_at, updated_at";

  /** Assignments of every writable column from the parameters {@link #bindTerms} binds. */
  private static final String ASSIGNMENTS =
      "type = :type, name = :name, currency = :currency, max_loan_amount = :maxLoanAmount,"
          + " default_loan_amount = :defaultLoanAmount, max_interest_rate = :maxInterestRate,"
          + " default_interest_rate = :defaultInterestRate, installments = :installments,"
          + " default_grace_instalments = :defaultGraceInstalments,"
          + " principal_repayment_grace = :principalRepaymentGrace,"
          + " arrears_tolerance = :arrearsTolerance, interest_calculation = :interestCalculation,"
          + " early_repayment_recalculation = :earlyRepaymentRecalculation,"
          + " repayment_holiday_scheduling = :repaymentHolidayScheduling,"
          + " calculate_interest_on_holidays = :calculateInterestOnHolidays,"
          + " repayment_date_type = :repaymentDateType,"
          + " repayment_date_period = :repaymentDatePeriod, custom_field = :customField,"
          + " statement_day = :statementDay, repayment_due_day = :repaymentDueDay,"
          + " minimum_payment_percent = :minimumPaymentPercent,"
          + " minimum_payment_amount = :minimumPaymentAmount,"
          + " repayment_per_hectare = :repaymentPerHectare, billing_due_days = :billingDueDays";

  /** A product row without its fees, which live in their own table. */
  private static final RowMapper<Product> PRODUCT = (rs, ctx) -> map(rs);

  private final Jdbi jdbi;

  public ProductRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stores a new draft product of the partner. */
  public Product insert(long partnerId, ProductTerms terms, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Product product =
              bindTerms(
                      h.createQuery(
                          "INSERT INTO product (partner_id, type, name, currency,"
                              + " max_loan_amount, default_loan_amount, max_interest_rate,"
                              + " default_interest_rate, installments,"
                              + " default_grace_instalments, principal_repayment_grace,"
                              + " arrears_tolerance, interest_calculation,"
                              + " early_repayment_recalculation, repayment_holiday_scheduling,"
                              + " calculate_interest_on_holidays, repayment_date_type,"
                              + " repayment_date_period, custom_field, statement_day,"
                              + " repayment_due_day, minimum_payment_percent,"
                              + " minimum_payment_amount, repayment_per_hectare,"
                              + " billing_due_days, created_at, updated_at) VALUES (:partner,"
                              + " :type, :name, :currency, :maxLoanAmount, :defaultLoanAmount,"
                              + " :maxInterestRate, :defaultInterestRate, :installments,"
                              + " :defaultGraceInstalments, :principalRepaymentGrace,"
                              + " :arrearsTolerance, :interestCalculation,"
                              + " :earlyRepaymentRecalculation, :repaymentHolidayScheduling,"
                              + " :calculateInterestOnHolidays, :repaymentDateType,"
                              + " :repaymentDatePeriod, :customField, :statementDay,"
                              + " :repaymentDueDay, :minimumPaymentPercent,"
                              + " :minimumPaymentAmount, :repaymentPerHectare,"
                              + " :billingDueDays, :now, :now) RETURNING "
                              + COLUMNS),
                      terms)
                  .bind("partner", partnerId)
                  .bind("now", utc(now))
                  .map(PRODUCT)
                  .one();
          return withFees(product, insertFees(h, product.id(), terms.defaultFees()));
        });
  }

  public Optional<Product> find(long partnerId, UUID id) {
    return jdbi.withHandle(h -> find(h, partnerId, id, false));
  }

  /**
   * Locks the partner's product, stores the terms {@code change} makes of it and returns the stored
   * result; empty when there is no such product. Whatever {@code change} throws rolls back.
   */
  public Optional<Product> update(
      long partnerId, UUID id, Function<Product, ProductTerms> change, Instant now) {
    return jdbi.inTransaction(
        h -> {
          Optional<Product> current = find(h, partnerId, id, true);
          if (current.isEmpty()) {
            return Optional.empty();
          }
          ProductTerms terms = change.apply(current.get());
          Product product =
              bindTerms(
                      h.createQuery(
                          "UPDATE product SET "
                              + ASSIGNMENTS
                              + ", updated_at = :now WHERE id = :id AND partner_id = :partner"
                              + " RETURNING "
                              + COLUMNS),
                      terms)
                  .bind("id", id)
                  .bind("partner", partnerId)
                  .bind("now", utc(now))
                  .map(PRODUCT)
                  .one();
          h.createUpdate("DELETE FROM product_fee WHERE product_id = :id").bind("id", id).execute();
          return Optional.of(withFees(product, insertFees(h, id, terms.defaultFees())));
        });
  }

  /** Publishes the partner's product if it is a draft; empty when there is no such draft. */
  public Optional<Product> publishDraft(long partnerId, UUID id, Instant now) {
    return jdbi.inTransaction(
        h ->
            h.createQuery(
                    "UPDATE product SET published_at = :now, updated_at = :now WHERE id = :id"
                        + " AND partner_id = :partner AND published_at IS NULL RETURNING "
                        + COLUMNS)
                .bind("id", id)
                .bind("partner", partnerId)
                .bind("now", utc(now))
                .map(PRODUCT)
                .findOne()
                .map(p -> withFees(p, fees(h, List.of(p.id())).getOrDefault(p.id(), List.of()))));
  }

  /** Deletes the partner's product, fees included, if it is a draft; false when there is none. */
  public boolean deleteDraft(long partnerId, UUID id) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "DELETE FROM product WHERE id = :id AND partner_id = :partner"
                            + " AND published_at IS NULL")
                    .bind("id", id)
                    .bind("partner", partnerId)
                    .execute())
        == 1;
  }

  /**
   * A page of the partner's products, newest first, and the count of all of them, read from one
   * snapshot so that the two agree.
   */
  public ProductPage list(long partnerId, Paging paging) {
    return jdbi.inTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          long count =
              h.createQuery("SELECT count(*) FROM product WHERE partner_id = :partner")
                  .bind("partner", partnerId)
                  .mapTo(Long.class)
                  .one();
          List<Product> rows =
              h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM product WHERE partner_id = :partner"
                          + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                  .bind("partner", partnerId)
                  .bind("limit", paging.limit())
                  .bind("offset", paging.offset())
                  .map(PRODUCT)
                  .list();
          Map<UUID, List<DefaultFee>> fees = fees(h, rows.stream().map(Product::id).toList());
          List<Product> results =
              rows.stream().map(p -> withFees(p, fees.getOrDefault(p.id(), List.of()))).toList();
          return new ProductPage(count, paging.limit(), paging.offset(), results);
        });
  }

  private static Optional<Product> find(Handle h, long partnerId, UUID id, boolean lock) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM product WHERE id = :id AND partner_id = :partner"
                + (lock ? " FOR UPDATE" : ""))
        .bind("id", id)
        .bind("partner", partnerId)
        .map(PRODUCT)
        .findOne()
        .map(p -> withFees(p, fees(h, List.of(id)).getOrDefault(id, List.of())));
  }

  private static List<DefaultFee> insertFees(Handle h, UUID productId, List<DefaultFee> fees) {
    if (fees.isEmpty()) {
      return fees;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO product_fee (product_id, position, name, type, amount, event)"
                + " VALUES (:product, :position, :name, :type, :amount, :event)");
    for (int i = 0; i < fees.size(); i++) {
      DefaultFee fee = fees.get(i);
      batch
          .bind("product", productId)
          .bind("position", i)
          .bind("name", fee.name())
          .bind("type", fee.type().code())
          .bind("amount", fee.amount())
          .bind("event", fee.event().code())
          .add();
    }
    batch.execute();
    return fees;
  }

  /** The default fees of the given products, each list in the partner's order. */
  private static Map<UUID, List<DefaultFee>> fees(Handle h, Collection<UUID> productIds) {
    Map<UUID, List<DefaultFee>> fees = new HashMap<>();
    if (productIds.isEmpty()) {
      return fees;
    }
    h.createQuery(
            "SELECT product_id, name, type, amount, event FROM product_fee"
                + " WHERE product_id = ANY(:ids) ORDER BY product_id, position")
        .bindArray("ids", UUID.class, productIds)
        .map(
            (rs, ctx) -> {
              DefaultFee fee =
                  new DefaultFee(
                      rs.getString("name"),
                      Codes.parse(DefaultFee.Type.class, rs.getString("type")).orElseThrow(),
                      rs.getBigDecimal("amount"),
                      Codes.parse(DefaultFee.Event.class, rs.getString("event")).orElseThrow());
              return Map.entry(rs.getObject("product_id", UUID.class), fee);
            })
        .forEach(e -> fees.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return fees;
  }

  private static Product withFees(Product product, List<DefaultFee> fees) {
    return new Product(
        product.id(),
        product.terms().withDefaultFees(fees),
        product.publishedAt(),
        product.created(),
        product.updated());
  }

  private static <S extends SqlStatement<S>> S bindTerms(S statement, ProductTerms t) {
    return statement
        .bind("type", t.type().code())
        .bind("name", t.name())
        .bind("currency", t.currency())
        .bind("maxLoanAmount", t.maxLoanAmount())
        .bind("defaultLoanAmount", t.defaultLoanAmount())
        .bind("maxInterestRate", t.maxInterestRate())
        .bind("defaultInterestRate", t.defaultInterestRate())
        .bind("installments", t.installments())
        .bind("defaultGraceInstalments", t.defaultGraceInstalments())
        .bind("principalRepaymentGrace", t.principalRepaymentGrace())
        .bind("arrearsTolerance", t.arrearsTolerance())
        .bind("interestCalculation", code(t.interestCalculation()))
        .bind("earlyRepaymentRecalculation", code(t.earlyRepaymentRecalculation()))
        .bind("repaymentHolidayScheduling", code(t.repaymentHolidayScheduling()))
        .bind("calculateInterestOnHolidays", t.calculateInterestOnHolidays())
        .bind("repaymentDateType", code(t.repaymentDateType()))
        .bind("repaymentDatePeriod", t.repaymentDatePeriod())
        .bind("customField", t.customField())
        .bind("statementDay", t.statementDay())
        .bind("repaymentDueDay", t.repaymentDueDay())
        .bind("minimumPaymentPercent", t.minimumPaymentPercent())
        .bind("minimumPaymentAmount", t.minimumPaymentAmount())
        .bind("repaymentPerHectare", t.repaymentPerHectare())
        .bind("billingDueDays", t.billingDueDays());
  }

  private static Product map(ResultSet rs) throws SQLException {
    OffsetDateTime publishedAt = rs.getObject("published_at", OffsetDateTime.class);
    ProductTerms terms =
        new ProductTerms(
            choice(ProductType.class, rs.getString("type")),
            rs.getString("name"),
            rs.getString("currency"),
            rs.getBigDecimal("max_loan_amount"),
            rs.getBigDecimal("default_loan_amount"),
            rs.getBigDecimal("max_interest_rate"),
            rs.getBigDecimal("default_interest_rate"),
            rs.getObject("installments", Integer.class),
            rs.getObject("default_grace_instalments", Integer.class),
            rs.getObject("principal_repayment_grace", Integer.class),
            List.of(),
            rs.getObject("arrears_tolerance", Integer.class),
            choice(InterestCalculation.class, rs.getString("interest_calculation")),
            choice(
                EarlyRepaymentRecalculation.class, rs.getString("early_repayment_recalculation")),
            choice(HolidayScheduling.class, rs.getString("repayment_holiday_scheduling")),
            rs.getBoolean("calculate_interest_on_holidays"),
            choice(RepaymentDateType.class, rs.getString("repayment_date_type")),
            rs.getObject("repayment_date_period", Integer.class),
            rs.getString("custom_field"),
            rs.getObject("statement_day", Integer.class),
            rs.getObject("repayment_due_day", Integer.class),
            rs.getBigDecimal("minimum_payment_percent"),
            rs.getBigDecimal("minimum_payment_amount"),
            rs.getBigDecimal("repayment_per_hectare"),
            rs.getObject("billing_due_days", Integer.class));
    return new Product(
        rs.getObject("id", UUID.class),
        terms,
        publishedAt == null ? null : publishedAt.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  /** A stored code; the table's CHECK constraints keep unknown ones out. */
  @Nullable
  private static <E extends Enum<E>> E choice(Class<E> type, @Nullable String code) {
    return code == null ? null : Codes.parse(type, code).orElseThrow();
  }

  @Nullable
  private static String code(@Nullable Enum<?> value) {
    return value == null ? null : Codes.of(value);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
