package dev.furrow.core.borrower;

import dev.furrow.core.query.CompiledQuery;
import dev.furrow.core.query.PartnerLists;
import dev.furrow.core.query.PartnerPage;
import dev.furrow.core.query.ResourceFilters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for end users; every statement is scoped to the owning partner. */
public final class EndUserRepository {
  /** The selected columns, qualified by the {@code eu} alias list queries use. */
  static final String COLUMNS =
      "eu.id, eu.first_name, eu.last_name, eu.birth_date, eu.address_line_1, eu.address_line_2,"
          + " eu.address_line_3, eu.city, eu.postal_code, eu.country, eu.bank_account_number,"
          + " eu.sort_code, eu.mobile_number, eu.email, eu.created_at, eu.updated_at";

  static final RowMapper<EndUser> END_USER = (rs, ctx) -> map(rs);

  /**
   * What list requests may filter and sort on: every field of the reference's list, each with the
   * lookups of its type. Newest first unless asked otherwise, the id keeping pages stable.
   */
  public static final ResourceFilters FILTERS =
      ResourceFilters.builder()
          .uuid("id", "eu.id")
          .datetime("created", "eu.created_at")
          .datetime("updated", "eu.updated_at")
          .text("first_name", "eu.first_name")
          .text("last_name", "eu.last_name")
          .date("birth_date", "eu.birth_date")
          .text("address_line_1", "eu.address_line_1")
          .text("address_line_2", "eu.address_line_2")
          .text("address_line_3", "eu.address_line_3")
          .text("city", "eu.city")
          .text("postal_code", "eu.postal_code")
          .text("country", "eu.country")
          .text("bank_account_number", "eu.bank_account_number")
          .text("sort_code", "eu.sort_code")
          .text("mobile_number", "eu.mobile_number")
          .text("email", "eu.email")
          .tiebreaker("eu.id")
          .defaultSort("-created")
          .build();

  private static final String LIST_FROM = " FROM end_user eu WHERE eu.partner_id = :partner";

  private final Jdbi jdbi;

  public EndUserRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public EndUser insert(long partnerId, EndUserDetails details, Instant now) {
    return jdbi.withHandle(
        h ->
            bindDetails(
                    h.createQuery(
                        "INSERT INTO end_user AS eu (partner_id, first_name, last_name, birth_date,"
                            + " address_line_1, address_line_2, address_line_3, city, postal_code,"
                            + " country, bank_account_number, sort_code, mobile_number, email,"
                            + " created_at, updated_at) VALUES (:partner, :firstName, :lastName,"
                            + " :birthDate, :addressLine1, :addressLine2, :addressLine3, :city,"
                            + " :postalCode, :country, :bankAccountNumber, :sortCode,"
                            + " :mobileNumber, :email, :now, :now) RETURNING "
                            + COLUMNS),
                    details)
                .bind("partner", partnerId)
                .bind("now", utc(now))
                .map(END_USER)
                .one());
  }

  public Optional<EndUser> find(long partnerId, UUID id) {
    return jdbi.withHandle(h -> find(h, partnerId, id, false));
  }

  /**
   * Locks the partner's end user, replaces its details with what {@code change} makes of the
   * current ones, and returns the stored result; empty when there is no such end user. Whatever
   * {@code change} throws rolls the transaction back.
   */
  public Optional<EndUser> update(
      long partnerId, UUID id, UnaryOperator<EndUserDetails> change, Instant now) {
    return jdbi.inTransaction(
        h ->
            find(h, partnerId, id, true)
                .map(
                    current ->
                        bindDetails(
                                h.createQuery(
                                    "UPDATE end_user AS eu SET first_name = :firstName,"
                                        + " last_name = :lastName, birth_date = :birthDate,"
                                        + " address_line_1 = :addressLine1,"
                                        + " address_line_2 = :addressLine2,"
                                        + " address_line_3 = :addressLine3, city = :city,"
                                        + " postal_code = :postalCode, country = :country,"
                                        + " bank_account_number = :bankAccountNumber,"
                                        + " sort_code = :sortCode, mobile_number = :mobileNumber,"
                                        + " email = :email, updated_at = :now"
                                        + " WHERE eu.id = :id AND eu.partner_id = :partner"
                                        + " RETURNING "
                                        + COLUMNS),
                                change.apply(current.details()))
                            .bind("id", id)
                            .bind("partner", partnerId)
                            .bind("now", utc(now))
                            .map(END_USER)
                            .one()));
  }

  /**
   * The page of the partner's end users {@code query} selects and the count of all that match. Both
   * read one snapshot, so the count agrees with the page even while end users are being added.
   */
  public EndUserPage list(long partnerId, CompiledQuery query) {
    PartnerPage<EndUser> page =
        PartnerLists.fetch(jdbi, partnerId, query, COLUMNS, LIST_FROM, END_USER);
    return new EndUserPage(page.count(), query.limit(), query.offset(), page.results());
  }

  /** The page query; binds {@code partner}, {@code limit}, {@code offset} and the filters. */
  static String pageSql(CompiledQuery query) {
    return PartnerLists.pageSql(query, COLUMNS, LIST_FROM);
  }

  private static Optional<EndUser> find(Handle h, long partnerId, UUID id, boolean lock) {
    return h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM end_user eu WHERE eu.id = :id AND eu.partner_id = :partner"
                + (lock ? " FOR UPDATE" : ""))
        .bind("id", id)
        .bind("partner", partnerId)
        .map(END_USER)
        .findOne();
  }

  private static <S extends SqlStatement<S>> S bindDetails(S statement, EndUserDetails d) {
    return statement
        .bind("firstName", d.firstName())
        .bind("lastName", d.lastName())
        .bind("birthDate", d.birthDate())
        .bind("addressLine1", d.addressLine1())
        .bind("addressLine2", d.addressLine2())
        .bind("addressLine3", d.addressLine3())
        .bind("city", d.city())
        .bind("postalCode", d.postalCode())
        .bind("country", d.country())
        .bind("bankAccountNumber", d.bankAccountNumber())
        .bind("sortCode", d.sortCode())
        .bind("mobileNumber", d.mobileNumber())
        .bind("email", d.email());
  }

  private static EndUser map(ResultSet rs) throws SQLException {
    return new EndUser(
        rs.getObject("id", UUID.class),
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
            rs.getString("email")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
