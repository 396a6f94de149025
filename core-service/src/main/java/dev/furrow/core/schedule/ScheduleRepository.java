package dev.furrow.core.schedule;

import dev.furrow.core.product.EarlyRepaymentRecalculation;
import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.InterestCalculation;
import dev.furrow.core.product.RepaymentDateType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.Nullable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for schedules and holiday calendars. A loan's instalments are rewritten inside the database
 * transaction of each posting or revert on it (which holds the loan's lock), writing only the rows
 * that changed.
 */
public final class ScheduleRepository {
  private static final String ROW_COLUMNS =
      "number, due_date, principal, interest, fee, paid_principal, paid_interest, paid_fee, status";

  private final Jdbi jdbi;

  public ScheduleRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Recomputes the loan's schedule from its applied transactions and stores it, in the caller's
   * transaction. Loans of products other than term loans have no schedule and are left alone.
   */
  public void rewrite(Handle h, UUID loanId, Instant now) {
    Optional<ScheduleInputs> inputs = inputs(h, loanId);
    if (inputs.isEmpty()) {
      return;
    }
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    List<LoanSchedule.Row> rows =
        inputs.get().instalments().stream().map(i -> LoanSchedule.Row.of(i, today)).toList();
    Map<Integer, LoanSchedule.Row> stored = new HashMap<>();
    rows(h, loanId).forEach(r -> stored.put(r.number(), r));
    PreparedBatch upserts =
        h.prepareBatch(
            "INSERT INTO loan_instalment (loan_id, "
                + ROW_COLUMNS
                + ", updated_at) VALUES (:loan, :number, :dueDate, :principal, :interest, :fee,"
                + " :paidPrincipal, :paidInterest, :paidFee, :status, :now)"
                + " ON CONFLICT (loan_id, number) DO UPDATE SET due_date = EXCLUDED.due_date,"
                + " principal = EXCLUDED.principal, interest = EXCLUDED.interest,"
                + " fee = EXCLUDED.fee, paid_principal = EXCLUDED.paid_principal,"
                + " paid_interest = EXCLUDED.paid_interest, paid_fee = EXCLUDED.paid_fee,"
                + " status = EXCLUDED.status, updated_at = EXCLUDED.updated_at");
    for (LoanSchedule.Row row : rows) {
      if (!same(row, stored.get(row.number()))) {
        upserts
            .bind("loan", loanId)
            .bind("number", row.number())
            .bind("dueDate", row.dueDate())
            .bind("principal", row.principal())
            .bind("interest", row.interest())
            .bind("fee", row.fee())
            .bind("paidPrincipal", row.paidPrincipal())
            .bind("paidInterest", row.paidInterest())
            .bind("paidFee", row.paidFee())
            .bind("status", row.status().code())
            .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .add();
      }
    }
    if (upserts.size() > 0) {
      upserts.execute();
    }
    if (stored.size() > rows.size()) {
      h.createUpdate("DELETE FROM loan_instalment WHERE loan_id = :loan AND number > :count")
          .bind("loan", loanId)
          .bind("count", rows.size())
          .execute();
    }
  }

  /** The partner's loan's schedule; empty when the partner has no such loan. */
  public Optional<LoanSchedule> find(long partnerId, UUID loanId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT currency FROM loan WHERE id = :id AND partner_id = :partner")
                .bind("id", loanId)
                .bind("partner", partnerId)
                .mapTo(String.class)
                .findOne()
                .map(currency -> new LoanSchedule(loanId, currency, rows(h, loanId))));
  }

  /** Replaces the country's holidays of one year with {@code holidays}, in one transaction. */
  public void replaceHolidays(String country, int year, List<Holiday> holidays) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "DELETE FROM holiday WHERE country = :country"
                      + " AND date >= :from AND date < :to")
              .bind("country", country)
              .bind("from", LocalDate.of(year, 1, 1))
              .bind("to", LocalDate.of(year + 1, 1, 1))
              .execute();
          PreparedBatch insert =
              h.prepareBatch(
                  "INSERT INTO holiday (country, date, name) VALUES (:country, :date, :name)");
          for (Holiday holiday : holidays) {
            insert
                .bind("country", holiday.country())
                .bind("date", holiday.date())
                .bind("name", holiday.name())
                .add();
          }
          if (insert.size() > 0) {
            insert.execute();
          }
        });
  }

  /** The country's holidays, of one year or of every year, by date. */
  public List<Holiday> holidays(String country, @Nullable Integer year) {
    LocalDate from = year == null ? LocalDate.MIN : LocalDate.of(year, 1, 1);
    LocalDate to = year == null ? LocalDate.MAX : LocalDate.of(year + 1, 1, 1);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT country, date, name FROM holiday WHERE country = :country"
                        + " AND date >= :from AND date < :to ORDER BY date")
                .bind("country", country)
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) ->
                        new Holiday(
                            rs.getString("country"),
                            rs.getObject("date", LocalDate.class),
                            rs.getString("name")))
                .list());
  }

  private static List<LoanSchedule.Row> rows(Handle h, UUID loanId) {
    return h.createQuery(
            "SELECT " + ROW_COLUMNS + " FROM loan_instalment WHERE loan_id = :loan ORDER BY number")
        .bind("loan", loanId)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  private static LoanSchedule.Row row(ResultSet rs) throws SQLException {
    return new LoanSchedule.Row(
        rs.getInt("number"),
        rs.getObject("due_date", LocalDate.class),
        rs.getBigDecimal("principal"),
        rs.getBigDecimal("interest"),
        rs.getBigDecimal("fee"),
        rs.getBigDecimal("paid_principal"),
        rs.getBigDecimal("paid_interest"),
        rs.getBigDecimal("paid_fee"),
        InstalmentStatus.byCode(rs.getString("status")).orElseThrow());
  }

  private static boolean same(LoanSchedule.Row a, @Nullable LoanSchedule.Row b) {
    return b != null
        && a.dueDate().equals(b.dueDate())
        && a.principal().compareTo(b.principal()) == 0
        && a.interest().compareTo(b.interest()) == 0
        && a.fee().compareTo(b.fee()) == 0
        && a.paidPrincipal().compareTo(b.paidPrincipal()) == 0
        && a.paidInterest().compareTo(b.paidInterest()) == 0
        && a.paidFee().compareTo(b.paidFee()) == 0
        && a.status() == b.status();
  }

  /** The loan's terms, its product's methods, its borrower's calendar and its transactions. */
  private static Optional<ScheduleInputs> inputs(Handle h, UUID loanId) {
    Optional<Map<String, Object>> loan =
        h.createQuery(
                "SELECT l.installments, l.grace_instalments, l.principal_repayment_grace,"
                    + " l.interest_rate, l.currency, p.type, p.interest_calculation,"
                    + " p.early_repayment_recalculation, p.repayment_holiday_scheduling,"
                    + " p.calculate_interest_on_holidays, p.repayment_date_type,"
                    + " p.repayment_date_period, eu.country"
                    + " FROM loan l JOIN product p ON p.id = l.product_id"
                    + " JOIN end_user eu ON eu.id = l.end_user_id WHERE l.id = :loan")
            .bind("loan", loanId)
            .mapToMap()
            .findOne();
    if (loan.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = loan.get();
    Integer installments = (Integer) row.get("installments");
    String method = (String) row.get("interest_calculation");
    if (!"term_loan".equals(row.get("type")) || installments == null || method == null) {
      return Optional.empty();
    }
    String recalculation = (String) row.get("early_repayment_recalculation");
    ScheduleTerms terms =
        new ScheduleTerms(
            (BigDecimal) row.get("interest_rate"),
            choice(InterestCalculation.class, method),
            recalculation == null
                ? EarlyRepaymentRecalculation.FROM_LAST_INSTALMENT
                : choice(EarlyRepaymentRecalculation.class, recalculation),
            installments,
            graceWithin(row.get("grace_instalments"), installments),
            graceWithin(row.get("principal_repayment_grace"), installments),
            (Boolean) row.get("calculate_interest_on_holidays"),
            ScheduleTerms.minorUnitsOf((String) row.get("currency")));
    String dateType = (String) row.get("repayment_date_type");
    String scheduling = (String) row.get("repayment_holiday_scheduling");
    RepaymentRule rule =
        new RepaymentRule(
            dateType == null ? null : choice(RepaymentDateType.class, dateType),
            dateType == null ? null : (Integer) row.get("repayment_date_period"),
            scheduling == null ? null : choice(HolidayScheduling.class, scheduling));
    List<ScheduleEvent> events = events(h, loanId);
    String country = (String) row.get("country");
    HolidayCalendar calendar =
        country == null || events.isEmpty()
            ? HolidayCalendar.weekendsOnly(country == null ? "" : country)
            : HolidayCalendar.of(country, holidayDates(h, country, events.get(0).date()));
    return Optional.of(new ScheduleInputs(terms, rule, calendar, events));
  }

  /** The loan's applied transactions in posting order. */
  private static List<ScheduleEvent> events(Handle h, UUID loanId) {
    return h.createQuery(
            "SELECT type, amount, affected_loan_fee, created_at FROM loan_transaction"
                + " WHERE loan_id = :loan AND status = 'applied' ORDER BY seq")
        .bind("loan", loanId)
        .map((rs, ctx) -> event(rs))
        .list();
  }

  private static ScheduleEvent event(ResultSet rs) throws SQLException {
    LocalDate date =
        rs.getObject("created_at", OffsetDateTime.class)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .toLocalDate();
    BigDecimal fee = rs.getBigDecimal("affected_loan_fee");
    return switch (rs.getString("type")) {
      case "disbursement" -> new ScheduleEvent.Disbursed(date, rs.getBigDecimal("amount"));
      case "fee" -> new ScheduleEvent.Charged(date, fee);
      case "repayment" -> new ScheduleEvent.Repaid(date, rs.getBigDecimal("amount"), fee.negate());
      default -> throw new IllegalStateException("transaction type " + rs.getString("type"));
    };
  }

  private static List<LocalDate> holidayDates(Handle h, String country, LocalDate from) {
    return h.createQuery(
            "SELECT date FROM holiday WHERE country = :country AND date >= :from ORDER BY date")
        .bind("country", country)
        .bind("from", from)
        .mapTo(LocalDate.class)
        .list();
  }

  /** Grace beyond the loan's instalments (an application that asked for fewer) is cut to fit. */
  private static int graceWithin(@Nullable Object grace, int installments) {
    return grace == null ? 0 : Math.min((Integer) grace, installments - 1);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String code) {
    return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
  }
}
