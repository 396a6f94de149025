package dev.furrow.core.application;

import dev.furrow.core.borrower.EndUserDetails;
import dev.furrow.core.product.ProductType;
import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.FieldType;
import dev.furrow.core.query.FilterField;
import dev.furrow.core.query.PartnerLists;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.core.query.ResourceFilters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * SQL for applications, and for the products and end users they refer to; every statement is scoped
 * to the owning partner.
 */
public final class ApplicationRepository {
  /** The selected columns, qualified by the {@code a} alias every statement uses. */
  static final String COLUMNS =
      "a.id, a.product_id, a.end_user_id, a.status, a.amount, a.installments, a.rate, a.reason,"
          + " a.processing_finished_at, a.custom_field, a.created_at, a.updated_at, a.loan_id";

  private static final RowMapper<Application> APPLICATION = (rs, ctx) -> map(rs);

  /**
   * What list requests may filter on: exactly the fields the reference lists, each with the lookups
   * of its type, the end user's through the join. Sorting takes the application's own values and
   * the borrower's names; newest first unless asked otherwise, the id keeping pages stable.
   */
  public static final ResourceFilters FILTERS =
      ResourceFilters.builder()
          .uuid("id", "a.id")
          .datetime("created", "a.created_at")
          .datetime("updated", "a.updated_at")
          .text("status", "a.status")
          .field(FilterField.of("product", "a.product_id", FieldType.REFERENCE).unsortable())
          .field(FilterField.of("end_user", "a.end_user_id", FieldType.REFERENCE).unsortable())
          .decimal("amount", "a.amount")
          .integer("installments", "a.installments")
          .decimal("rate", "a.rate")
          .field(FilterField.of("reason", "a.reason", FieldType.TEXT).unsortable())
          .datetime("processing_finished_at", "a.processing_finished_at")
          .field(FilterField.of("end_user__id", "eu.id", FieldType.UUID).unsortable())
          .field(
              FilterField.of("end_user__created", "eu.created_at", FieldType.DATETIME).unsortable())
          .field(
              FilterField.of("end_user__updated", "eu.updated_at", FieldType.DATETIME).unsortable())
          .text("end_user__first_name", "eu.first_name")
          .text("end_user__last_name", "eu.last_name")
          .field(
              FilterField.of("end_user__birth_date", "eu.birth_date", FieldType.DATE).unsortable())
          .field(endUserText("address_line_1"))
          .field(endUserText("address_line_2"))
          .field(endUserText("address_line_3"))
          .field(endUserText("city"))
          .field(endUserText("postal_code"))
          .field(endUserText("country"))
          .field(endUserText("bank_account_number"))
          .field(endUserText("sort_code"))
          .field(endUserText("mobile_number"))
          .field(endUserText("email"))
          .tiebreaker("a.id")
          .defaultSort("-created")
          .build();

  private static final String LIST_FROM =
      " FROM application a JOIN end_user eu ON eu.id = a.end_user_id"
          + " WHERE a.partner_id = :partner";

  private final Jdbi jdbi;

  public ApplicationRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores a new incomplete application with the terms {@code check} makes, in one transaction with
   * the look-ups {@code check} needs. Whatever {@code check} throws stores nothing.
   */
  public Application insert(
      long partnerId, Function<ApplicationPolicy.References, ApplicationTerms> check, Instant now) {
    return jdbi.inTransaction(
        h -> {
          ApplicationTerms terms = check.apply(new PartnerReferences(h, partnerId));
          return bindTerms(
                  h.createQuery(
                      "INSERT INTO application AS a (partner_id, product_id, end_user_id, status,"
                          + " amount, installments, rate, custom_field, created_at, updated_at)"
                          + " VALUES (:partner, :product, :endUser, :status, :amount,"
                          + " :installments, :rate, :customField, :now, :now) RETURNING "
                          + COLUMNS),
                  terms)
              .bind("endUser", terms.endUserId())
              .bind("partner", partnerId)
              .bind("status", ApplicationStatus.INCOMPLETE.code())
              .bind("now", utc(now))
              .map(APPLICATION)
              .one();
        });
  }

  public Optional<Application> find(long partnerId, UUID id) {
    return jdbi.withHandle(h -> find(h, partnerId, id, false));
  }

  /**
   * Locks the partner's application, stores what {@code change} makes of it (given look-ups in the
   * same transaction) and returns the stored result; empty when there is no such application.
   * Whatever {@code change} throws rolls back. The end user and the loan link are never written.
   */
  public Optional<Application> update(
      long partnerId,
      UUID id,
      BiFunction<Application, ApplicationPolicy.References, Application> change) {
    return jdbi.inTransaction(
        h ->
            find(h, partnerId, id, true)
                .map(
                    current -> {
                      Application next = change.apply(current, new PartnerReferences(h, partnerId));
                      return bindTerms(
                              h.createQuery(
                                  "UPDATE application AS a SET product_id = :product,"
                                      + " amount = :amount, installments = :installments,"
                                      + " rate = :rate, custom_field = :customField,"
                                      + " status = :status, reason = :reason,"
                                      + " processing_finished_at = :processingFinishedAt,"
                                      + " updated_at = :updated"
                                      + " WHERE a.id = :id AND a.partner_id = :partner"
                                      + " RETURNING "
                                      + COLUMNS),
                              next.terms())
                          .bind("status", next.status().code())
                          .bind("reason", next.reason())
                          .bindByType(
                              "processingFinishedAt",
                              utc(next.processingFinishedAt()),
                              OffsetDateTime.class)
                          .bind("updated", utc(next.updated()))
                          .bind("id", id)
                          .bind("partner", partnerId)
                          .map(APPLICATION)
                          .one();
                    }));
  }

  /**
   * The page of the partner's applications {@code query} selects and the count of all that match,
   * read from one snapshot so that the two agree.
   */
  public ApplicationPage list(long partnerId, CompiledQuery query) {
    PartnerPage<Application> page =
        PartnerLists.fetch(jdbi, partnerId, query, COLUMNS, LIST_FROM, APPLICATION);
    return new ApplicationPage(page.count(), page.results());
  }

  /** The page query; binds {@code partner}, {@code limit}, {@code offset} and the filters. */
  static String pageSql(CompiledQuery query) {
    return PartnerLists.pageSql(query, COLUMNS, LIST_FROM);
  }

  /** A text field of the end user, filterable through the join but not sortable. */
  private static FilterField endUserText(String column) {
    return FilterField.of("end_user__" + column, "eu." + column, FieldType.TEXT).unsortable();
  }

  private static Optional<Application> find(Handle h, long partnerId, UUID id, boolean lock) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM application a WHERE a.id = :id AND a.partner_id = :partner"
                + (lock ? " FOR UPDATE" : ""))
        .bind("id", id)
        .bind("partner", partnerId)
        .map(APPLICATION)
        .findOne();
  }

  /** Products and end users of one partner, read through the transaction's handle. */
  private record PartnerReferences(Handle h, long partnerId)
      implements ApplicationPolicy.References {
    @Override
    public Optional<ProductLimits> product(UUID id) {
      return h.createQuery(
              "SELECT id, type, published_at IS NOT NULL AS published, max_loan_amount,"
                  + " default_loan_amount, max_interest_rate, default_interest_rate, installments"
                  + " FROM product WHERE id = :id AND partner_id = :partner")
          .bind("id", id)
          .bind("partner", partnerId)
          .map(
              (rs, ctx) ->
                  new ProductLimits(
                      rs.getObject("id", UUID.class),
                      productType(rs.getString("type")),
                      rs.getBoolean("published"),
                      rs.getBigDecimal("max_loan_amount"),
                      rs.getBigDecimal("default_loan_amount"),
                      rs.getBigDecimal("max_interest_rate"),
                      rs.getBigDecimal("default_interest_rate"),
                      rs.getObject("installments", Integer.class)))
          .findOne();
    }

    @Override
    public Optional<EndUserDetails> endUser(UUID id) {
      return h.createQuery(
              "SELECT first_name, last_name, birth_date, address_line_1, address_line_2,"
                  + " address_line_3, city, postal_code, country, bank_account_number, sort_code,"
                  + " mobile_number, email FROM end_user WHERE id = :id AND partner_id = :partner")
          .bind("id", id)
          .bind("partner", partnerId)
          .map(
              (rs, ctx) ->
                  new EndUserDetails(
                      rs.getString("first_name"),
                      rs.getString("last_name"),
                      rs.getObject("birth_date", LocalDate.class),
                      rs.getString("address_line_1"),
                      rs.getString("address_line_2"),
                      rs.getString("address_line_3"),
                      rs.getString("city"),
                      rs.getString("postal_code"),
                      rs.getString("country"),
                      rs.getString("bank_account_number"),
                      rs.getString("sort_code"),
                      rs.getString("mobile_number"),
                      rs.getString("email")))
          .findOne();
    }
  }

  /** A stored product type; the product table's CHECK keeps unknown codes out. */
  private static ProductType productType(String code) {
    return Arrays.stream(ProductType.values())
        .filter(type -> type.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Unknown product type " + code));
  }

  /** Binds the changeable terms; the end user is bound by the insert alone, as it never changes. */
  private static <S extends SqlStatement<S>> S bindTerms(S statement, ApplicationTerms t) {
    return statement
        .bind("product", t.productId())
        .bind("amount", t.amount())
        .bind("installments", t.installments())
        .bind("rate", t.rate())
        .bind("customField", t.customField());
  }

  private static Application map(ResultSet rs) throws SQLException {
    OffsetDateTime finished = rs.getObject("processing_finished_at", OffsetDateTime.class);
    return new Application(
        rs.getObject("id", UUID.class),
        new ApplicationTerms(
            rs.getObject("product_id", UUID.class),
            rs.getObject("end_user_id", UUID.class),
            rs.getBigDecimal("amount"),
            rs.getObject("installments", Integer.class),
            rs.getBigDecimal("rate"),
            rs.getString("custom_field")),
        ApplicationStatus.byCode(rs.getString("status")).orElseThrow(),
        rs.getString("reason"),
        finished == null ? null : finished.toInstant(),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getObject("loan_id", UUID.class));
  }

  @Nullable
  private static OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
