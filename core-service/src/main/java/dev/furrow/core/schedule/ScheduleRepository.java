package dev.furrow.core.schedule;

import dev.furrow.core.product.EarlyRepaymentRecalculation;
import dev.furrow.core.product.HolidayScheduling;
import dev.furrow.core.product.InterestCalculation;
import dev.furrow.core.product.RepaymentDateType;
import dev.furrow.core.transaction.TransactionRepository.Applied;
import dev.furrow.core.transaction.TransactionType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
   * Pays repayments into the stored instalments (by the interest, principal and fees allocation
   * {@link ScheduleReplay} uses) without reading the loan's history, when they fit: repayments
   * only, all on the day of {@code now}, with no part left for an early repayment or beyond the
   * fees the schedule asks for. Otherwise, and when the loan is listed in {@code
   * loan_schedule_stale} (its calendar or product changed), it is recomputed ({@link #rewrite}).
   * {@code applied} is null after a revert.
   */
  public void follow(Handle h, UUID loanId, Instant now, @Nullable List<Applied> applied) {
    if (!paid(h, loanId, now, applied)) {
      rewrite(h, loanId, now);
    }
  }

  /**
   * {@link #follow}'s fast path alone: pays the repayments into the stored instalments when they
   * fit and the loan has no statements (whose minimum payments replace these rules), and answers
   * whether it did; otherwise writes nothing. Lets a caller try it before asking whether the loan
   * has statements, in one statement instead of two; when it answers false, the caller follows the
   * loan's statements, or else {@link #rewrite}s.
   */
  public boolean paid(Handle h, UUID loanId, Instant now, @Nullable List<Applied> applied) {
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    return applied != null && !applied.isEmpty() && pay(h, loanId, now, today, applied);
  }

  /**
   * One statement: the repayments' fee part pays instalment fees oldest first, the rest pays
   * interest then principal of every instalment due by today and of the current one, oldest first;
   * statuses are set as of today and only changed rows are written. Nothing is written (false) when
   * the schedule is empty, stale, or the amounts do not fit, and when the loan has statements.
   */
  private static boolean pay(
      Handle h, UUID loanId, Instant now, LocalDate today, List<Applied> applied) {
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal rest = BigDecimal.ZERO;
    for (Applied a : applied) {
      if (a.type() != TransactionType.REPAYMENT
          || !a.at().atOffset(ZoneOffset.UTC).toLocalDate().equals(today)) {
        return false;
      }
      BigDecimal fee = a.feeChange().negate();
      fees = fees.add(fee);
      rest = rest.add(a.amount().subtract(fee));
    }
    if (fees.signum() < 0 || rest.signum() < 0 || fees.add(rest).signum() == 0) {
      return false;
    }
    return h.createUpdate(PAY)
            .bind("loan", loanId)
            .bind("today", today)
            .bind("fees", fees)
            .bind("rest", rest)
            .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .execute()
        > 0;
  }

  /**
   * The repayment fast path. {@code last} is the number of the last instalment the interest and
   * principal part may pay: the current one (the first due after today); {@code fee_before} and
   * {@code due_before} what the instalments before a row leave unpaid of fees, and of interest and
   * principal up to {@code last}.
   */
  private static final String PAY =
      "WITH c AS (SELECT coalesce(min(number) FILTER (WHERE due_date > :today), max(number)) AS last"
          + "   FROM loan_instalment WHERE loan_id = :loan),"
          + " r AS (SELECT i.number, i.number <= c.last AS payable,"
          + "   i.fee - i.paid_fee AS fee_left,"
          + "   i.interest - i.paid_interest AS interest_left,"
          + "   i.principal - i.paid_principal AS principal_left,"
          + "   coalesce(sum(i.fee - i.paid_fee) OVER w, 0) AS fee_before,"
          + "   coalesce(sum(CASE WHEN i.number <= c.last THEN i.interest - i.paid_interest"
          + "     + i.principal - i.paid_principal ELSE 0 END) OVER w, 0) AS due_before"
          + "   FROM loan_instalment i CROSS JOIN c WHERE i.loan_id = :loan"
          + "   WINDOW w AS (ORDER BY i.number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),"
          + " fits AS (SELECT sum(fee_left) >= :fees"
          + "   AND sum(CASE WHEN payable THEN interest_left + principal_left ELSE 0 END) >= :rest"
          + "   AND NOT EXISTS (SELECT 1 FROM loan_schedule_stale WHERE loan_id = :loan)"
          + "   AND NOT EXISTS (SELECT 1 FROM loan_statement WHERE loan_id = :loan) AS ok"
          + "   FROM r),"
          + " a AS (SELECT number,"
          + "   least(greatest(CAST(:fees AS numeric) - fee_before, 0), fee_left) AS pay_fee,"
          + "   CASE WHEN payable THEN greatest(CAST(:rest AS numeric) - due_before, 0)"
          + "     ELSE 0 END AS avail, interest_left, principal_left FROM r),"
          + " p AS (SELECT number, pay_fee, least(avail, interest_left) AS pay_interest,"
          + "   least(avail - least(avail, interest_left), principal_left) AS pay_principal FROM a),"
          + " n AS (SELECT i.number, i.paid_principal + p.pay_principal AS paid_principal,"
          + "   i.paid_interest + p.pay_interest AS paid_interest, i.paid_fee + p.pay_fee AS paid_fee,"
          + "   CASE WHEN i.paid_principal + p.pay_principal = i.principal"
          + "     AND i.paid_interest + p.pay_interest = i.interest"
          + "     AND i.paid_fee + p.pay_fee = i.fee THEN 'paid'"
          + "   WHEN i.due_date < :today THEN 'overdue'"
          + "   WHEN i.paid_principal + p.pay_principal + i.paid_interest + p.pay_interest"
          + "     + i.paid_fee + p.pay_fee > 0 THEN 'partially_paid'"
          + "   ELSE 'pending' END AS status"
          + "   FROM loan_instalment i JOIN p ON p.number = i.number WHERE i.loan_id = :loan)"
          + " UPDATE loan_instalment i SET paid_principal = n.paid_principal,"
          + " paid_interest = n.paid_interest, paid_fee = n.paid_fee, status = n.status,"
          + " updated_at = :now FROM n, fits"
          + " WHERE fits.ok AND i.loan_id = :loan AND i.number = n.number"
          + " AND (i.paid_principal, i.paid_interest, i.paid_fee, i.status)"
          + "   IS DISTINCT FROM (n.paid_principal, n.paid_interest, n.paid_fee, n.status)";

  /**
   * Recomputes the loan's schedule from its applied transactions and stores it, in the caller's
   * transaction. Loans of products other than term loans have no schedule and are left alone.
   */
  public void rewrite(Handle h, UUID loanId, Instant now) {
    Optional<ScheduleInputs> inputs = inputs(h, loanId);
    if (inputs.isEmpty()) {
      return;
    }
    if (inputs.get().stale()) {
      h.createUpdate("DELETE FROM loan_schedule_stale WHERE loan_id = :loan")
          .bind("loan", loanId)
          .execute();
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

  /**
   * The loan's terms, its product's methods, its borrower's calendar and its applied transactions
   * in posting order, read in one statement.
   */
  private static Optional<ScheduleInputs> inputs(Handle h, UUID loanId) {
    Optional<Map<String, Object>> loan =
        h.createQuery(
                "SELECT l.installments, l.grace_instalments, l.principal_repayment_grace,"
                    + " l.interest_rate, l.currency, p.type, p.interest_calculation,"
                    + " p.early_repayment_recalculation, p.repayment_holiday_scheduling,"
                    + " p.calculate_interest_on_holidays, p.repayment_date_type,"
                    + " p.repayment_date_period, eu.country,"
                    + " EXISTS (SELECT 1 FROM loan_schedule_stale s WHERE s.loan_id = l.id)"
                    + " AS stale, e.types, e.amounts, e.fees, e.dates,"
                    + " ARRAY(SELECT hd.date FROM holiday hd WHERE hd.country = eu.country"
                    + "   AND hd.date >= e.dates[1] ORDER BY hd.date) AS holidays"
                    + " FROM loan l JOIN product p ON p.id = l.product_id"
                    + " JOIN end_user eu ON eu.id = l.end_user_id"
                    + " CROSS JOIN LATERAL (SELECT array_agg(t.type ORDER BY t.seq) AS types,"
                    + "   array_agg(t.amount ORDER BY t.seq) AS amounts,"
                    + "   array_agg(t.affected_loan_fee ORDER BY t.seq) AS fees,"
                    + "   array_agg((t.created_at AT TIME ZONE 'UTC')::date ORDER BY t.seq) AS dates"
                    + "   FROM loan_transaction t"
                    + "   WHERE t.loan_id = l.id AND t.status = 'applied') e"
                    + " WHERE l.id = :loan")
            .bind("loan", loanId)
            .map((rs, ctx) -> inputRow(rs))
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
    @SuppressWarnings("unchecked")
    List<ScheduleEvent> events = (List<ScheduleEvent>) row.get("events");
    @SuppressWarnings("unchecked")
    List<LocalDate> holidays = (List<LocalDate>) row.get("holidays");
    String country = (String) row.get("country");
    HolidayCalendar calendar =
        country == null || events.isEmpty()
            ? HolidayCalendar.weekendsOnly(country == null ? "" : country)
            : HolidayCalendar.of(country, holidays);
    return Optional.of(
        new ScheduleInputs(terms, rule, calendar, events, (Boolean) row.get("stale")));
  }

  /** The inputs row with its arrays read into the events and holiday dates. */
  private static Map<String, Object> inputRow(ResultSet rs) throws SQLException {
    Map<String, Object> row = new HashMap<>();
    for (String column :
        List.of(
            "installments",
            "grace_instalments",
            "principal_repayment_grace",
            "interest_rate",
            "currency",
            "type",
            "interest_calculation",
            "early_repayment_recalculation",
            "repayment_holiday_scheduling",
            "calculate_interest_on_holidays",
            "repayment_date_type",
            "repayment_date_period",
            "country",
            "stale")) {
      row.put(column, rs.getObject(column));
    }
    String[] types = array(rs, "types", String[].class);
    BigDecimal[] amounts = array(rs, "amounts", BigDecimal[].class);
    BigDecimal[] fees = array(rs, "fees", BigDecimal[].class);
    java.sql.Date[] dates = array(rs, "dates", java.sql.Date[].class);
    List<ScheduleEvent> events = new ArrayList<>();
    for (int i = 0; types != null && i < types.length; i++) {
      events.add(event(types[i], amounts[i], fees[i], dates[i].toLocalDate()));
    }
    row.put("events", events);
    java.sql.Date[] holidays = array(rs, "holidays", java.sql.Date[].class);
    row.put(
        "holidays",
        holidays == null
            ? List.of()
            : java.util.Arrays.stream(holidays).map(java.sql.Date::toLocalDate).toList());
    return row;
  }

  @Nullable
  private static <T> T array(ResultSet rs, String column, Class<T> type) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? null : type.cast(array.getArray());
  }

  private static ScheduleEvent event(
      String type, BigDecimal amount, BigDecimal fee, LocalDate date) {
    return switch (type) {
      case "disbursement" -> new ScheduleEvent.Disbursed(date, amount);
      case "fee" -> new ScheduleEvent.Charged(date, fee);
      case "repayment" -> new ScheduleEvent.Repaid(date, amount, fee.negate());
      default -> throw new IllegalStateException("transaction type " + type);
    };
  }

  /** Grace beyond the loan's instalments (an application that asked for fewer) is cut to fit. */
  private static int graceWithin(@Nullable Object grace, int installments) {
    return grace == null ? 0 : Math.min((Integer) grace, installments - 1);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String code) {
    return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
  }
}
